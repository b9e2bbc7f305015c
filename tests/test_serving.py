"""Serving in production: /healthz, request logs with a request id, the refusal to
start without a secret key and host names, static files cached under fingerprinted
names, signed-cookie sessions; and gunicorn as `make serve` starts it."""
import gzip
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.error import URLError

import pytest

from voortgang import create_app
from voortgang.extensions import db, limiter
from voortgang.requestlog import logger as request_logger
from voortgang.static_files import Fingerprints

ROOT = Path(__file__).resolve().parent.parent
HTMX = ROOT / "voortgang" / "static" / "vendor" / "htmx.min.js"
YEAR = "max-age=31536000"
GOOD_KEY = "0123456789abcdef" * 4


# --- /healthz ------------------------------------------------------------------------

def test_healthz_answers_a_visitor_without_a_session(anonymous):
    response = anonymous.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert "Set-Cookie" not in response.headers
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_says_503_when_the_database_does_not_answer(tmp_path):
    unreachable = f"sqlite:///{tmp_path}/no-such-folder/voortgang.sqlite3"
    app = create_app({"SQLALCHEMY_DATABASE_URI": unreachable, "SECRET_KEY": "x"})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable"
    # What went wrong is in the server's log, not in the answer (no paths, no hosts).
    assert str(tmp_path) not in response.get_data(as_text=True)


@pytest.fixture
def forget_default_limits():
    """Flask-Limiter keeps a default limit on its one Limiter for every later app:
    it is taken off again after the test."""
    yield
    limiter.limit_manager.set_default_limits([])


@pytest.mark.parametrize("app_config", [{"RATELIMIT_DEFAULT": "2 per minute"}])
def test_healthz_is_never_rate_limited(forget_default_limits, anonymous):
    # With a limit on every route, the login page runs out; the health check does not.
    assert [anonymous.get("/login").status_code for _ in range(3)][-1] == 429
    assert {anonymous.get("/healthz").status_code for _ in range(10)} == {200}


# --- request logs and the request id -------------------------------------------------

@pytest.fixture
def request_log():
    """The JSON lines the request log writes during one test."""
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(json.loads(record.getMessage()))

    handler, level = Collect(), request_logger.level
    request_logger.addHandler(handler)
    request_logger.setLevel(logging.INFO)
    yield lines
    request_logger.removeHandler(handler)
    request_logger.setLevel(level)


@pytest.mark.parametrize("app_config", [{"REQUEST_LOG": True}])
def test_each_request_is_one_json_line_without_names_or_emails(client, manager,
                                                               request_log):
    page = client.get(f"/people/{manager.id}?q=jan.bakker@example.org&page=2",
                      headers={"X-Request-ID": "proxy-7f3a.42"})
    assert page.status_code == 200
    assert page.headers["X-Request-ID"] == "proxy-7f3a.42"
    [line] = request_log
    assert line["request_id"] == "proxy-7f3a.42"
    assert (line["method"], line["path"], line["status"]) == \
        ("GET", f"/people/{manager.id}", 200)
    assert line["query"] == ["page", "q"]  # names, never values
    assert line["user_id"] == manager.account.id
    assert 0 < line["duration_ms"] < 60_000
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["time"])
    written = json.dumps(line)
    for private in ("Sanne", "example.org", manager.account.session_token):
        assert private not in written


@pytest.mark.parametrize("app_config", [{"REQUEST_LOG": True}])
def test_a_one_time_token_in_the_url_is_not_logged(anonymous, request_log):
    anonymous.get("/password/SeCrEt-ToKeN-123")
    assert request_log[0]["path"] == "/password/<token>"
    assert "user_id" not in request_log[0]
    assert "SeCrEt" not in json.dumps(request_log)


@pytest.mark.parametrize("incoming", ["x" * 65, "<script>", "a b", "é", ""])
def test_an_odd_incoming_request_id_is_replaced_by_a_new_one(anonymous, incoming):
    sent = {"X-Request-ID": incoming} if incoming else {}
    first = anonymous.get("/login", headers=sent).headers["X-Request-ID"]
    second = anonymous.get("/login", headers=sent).headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second


def test_the_request_log_is_quiet_unless_asked_for(anonymous, request_log):
    response = anonymous.get("/login")
    assert request_log == [] and response.headers["X-Request-ID"]


@pytest.mark.parametrize("environment,logged", [
    ({}, False),
    ({"VOORTGANG_REQUEST_LOG": "1"}, True),
    ({"VOORTGANG_ENV": "production", "SECRET_KEY": GOOD_KEY,
      "VOORTGANG_ALLOWED_HOSTS": "voortgang.example.org"}, True),
    ({"VOORTGANG_ENV": "production", "SECRET_KEY": GOOD_KEY,
      "VOORTGANG_ALLOWED_HOSTS": "voortgang.example.org", "VOORTGANG_REQUEST_LOG": "0"},
     False),
])
def test_the_request_log_is_on_in_production(monkeypatch, environment, logged):
    _environment(monkeypatch, environment)
    assert create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config["REQUEST_LOG"] \
        is logged


# --- production mode refuses to start without its settings ---------------------------

def _environment(monkeypatch, values):
    for name in ("VOORTGANG_ENV", "SECRET_KEY", "VOORTGANG_ALLOWED_HOSTS",
                 "VOORTGANG_REQUEST_LOG", "VOORTGANG_HTTPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize("environment,named", [
    ({"VOORTGANG_ALLOWED_HOSTS": "voortgang.example.org"}, "SECRET_KEY"),
    ({"VOORTGANG_ALLOWED_HOSTS": "voortgang.example.org", "SECRET_KEY": "dev"},
     "SECRET_KEY"),
    ({"SECRET_KEY": GOOD_KEY}, "VOORTGANG_ALLOWED_HOSTS"),
    ({"SECRET_KEY": GOOD_KEY, "VOORTGANG_ALLOWED_HOSTS": " , "},
     "VOORTGANG_ALLOWED_HOSTS"),
])
def test_production_refuses_to_start_without_a_secret_key_and_host_names(
        monkeypatch, tmp_path, environment, named):
    _environment(monkeypatch, {"VOORTGANG_ENV": "production", **environment})
    with pytest.raises(RuntimeError, match=named):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_production_starts_with_both_and_does_not_generate_a_key(monkeypatch):
    _environment(monkeypatch, {"VOORTGANG_ENV": "production", "SECRET_KEY": GOOD_KEY,
                               "VOORTGANG_ALLOWED_HOSTS": "voortgang.example.org"})
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["SECRET_KEY"] == GOOD_KEY
    assert app.config["TRUSTED_HOSTS"] == ["voortgang.example.org"]


def test_a_mistyped_environment_name_stops_the_start(monkeypatch):
    _environment(monkeypatch, {"VOORTGANG_ENV": "prod"})
    with pytest.raises(RuntimeError, match="VOORTGANG_ENV"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})


# --- stateless servers ---------------------------------------------------------------

def test_a_login_made_on_one_server_works_on_another(client, app, manager):
    """The session is a signed cookie, not kept in the server: a second server with
    the same secret key and database knows the person."""
    cookie = client.get_cookie("session").value
    other, stranger = (create_app({**app.config, "SECRET_KEY": key})
                       for key in (app.secret_key, "another key"))
    try:
        visitor = other.test_client()
        visitor.set_cookie("session", cookie)
        page = visitor.get(f"/people/{manager.id}")
        assert page.status_code == 200 and manager.name in page.get_data(as_text=True)
        # Signed: with another key the cookie is worth nothing.
        forger = stranger.test_client()
        forger.set_cookie("session", cookie)
        assert "/login" in forger.get(f"/people/{manager.id}").location
    finally:
        for server in (other, stranger):
            with server.app_context():
                db.engine.dispose()


# --- static files ----------------------------------------------------------------------

def _htmx_url(page):
    return re.search(r'src="(/static/vendor/htmx\.min\.([0-9a-f]{12})\.js)"', page).group(1)


def test_htmx_is_cached_for_a_year_under_a_fingerprint_and_compressed(anonymous):
    page = anonymous.get("/login")
    assert page.headers["Cache-Control"] == "no-store"
    url = _htmx_url(page.get_data(as_text=True))
    with anonymous.get(url, headers={"Accept-Encoding": "gzip"}) as script:
        assert script.status_code == 200
        assert YEAR in script.headers["Cache-Control"]
        assert "immutable" in script.headers["Cache-Control"]
        assert script.headers["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in script.headers["Vary"]
        assert script.headers["X-Content-Type-Options"] == "nosniff"
        assert gzip.decompress(script.data) == HTMX.read_bytes()
        assert len(script.data) < HTMX.stat().st_size / 2
    with anonymous.get(url) as plain:  # a client that takes no compression
        assert "Content-Encoding" not in plain.headers
        assert plain.data == HTMX.read_bytes()


def test_the_fingerprint_changes_with_the_content(tmp_path):
    source, target = tmp_path / "static", tmp_path / "cache"
    (source / "css").mkdir(parents=True)
    stylesheet = source / "css" / "app.css"
    stylesheet.write_text("body { color: black }")
    editing = Fingerprints(source, target, refresh=True)
    editing.collect_all()
    first = editing.url_name("css/app.css")
    assert re.fullmatch(r"css/app\.[0-9a-f]{12}\.css", first)
    stylesheet.write_text("body { color: navy }")
    os.utime(stylesheet, ns=(0, stylesheet.stat().st_mtime_ns + 10**9))
    second = editing.url_name("css/app.css")
    assert second != first
    assert (target / second).read_text() == "body { color: navy }"
    assert (target / first).read_text() == "body { color: black }"  # old pages still load
    # In production the files are read once, at start.
    production = Fingerprints(source, target, refresh=False)
    production.collect_all()
    stylesheet.write_text("body { color: red }")
    os.utime(stylesheet, ns=(0, stylesheet.stat().st_mtime_ns + 2 * 10**9))
    assert production.url_name("css/app.css") == second
    assert production.url_name("css/unknown.css") == "css/unknown.css"


# --- gunicorn, as `make serve` starts it ---------------------------------------------

def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _gunicorn(database_url, **environment):
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "VOORTGANG_ENV": "production",
           "VOORTGANG_HTTPS": "0", "VOORTGANG_ALLOWED_HOSTS": "127.0.0.1",
           "SECRET_KEY": GOOD_KEY, "WEB_CONCURRENCY": "2", "BIND": f"127.0.0.1:{port}",
           **environment}
    env = {name: value for name, value in env.items() if value is not None}
    command = [str(Path(sys.executable).with_name("gunicorn")), "--config",
               "gunicorn.conf.py", "voortgang:create_app()"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    return server, f"http://127.0.0.1:{port}"


def _wait_for(server, url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            return urllib.request.urlopen(url + "/healthz", timeout=5)
        except (URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer /healthz")


def test_gunicorn_serves_the_app_with_one_server_header_and_json_logs(migrated):
    server, url = _gunicorn(migrated)
    try:
        with _wait_for(server, url) as health:
            assert health.status == 200 and json.load(health) == {"status": "ok"}
            assert health.headers.get_all("Server") == ["Voortgang"]
            request_id = health.headers["X-Request-ID"]
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=60)
    lines = [json.loads(line) for line in errors.splitlines() if line.startswith("{")]
    assert {"request_id": request_id, "path": "/healthz", "status": 200}.items() \
        <= lines[-1].items()


def test_gunicorn_in_production_stops_at_once_without_a_secret_key(migrated):
    server, _ = _gunicorn(migrated, SECRET_KEY=None)
    _, errors = server.communicate(timeout=60)
    assert server.returncode != 0
    assert "needs SECRET_KEY" in errors
