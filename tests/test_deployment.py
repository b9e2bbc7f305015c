"""Running for real: HTTPS mode, a reverse proxy in front, allowed host names, and
the headers every answer carries."""
import re
import threading
import urllib.request
from urllib.error import HTTPError

import pytest
from werkzeug.serving import make_server

from voortgang import create_app
from voortgang.accounts.models import Account
from voortgang.extensions import db
from voortgang.serving import RequestHandler

HSTS = "max-age=31536000; includeSubDomains"
PROXIED = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "voortgang.example.org",
           "X-Forwarded-For": "203.0.113.7"}


def _session_cookie(response):
    return next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))


def _one_time_link(admin_client, person, **kwargs):
    page = admin_client.post(f"/people/{person.id}/account/link", **kwargs)
    return re.search(r"<code>([^<]+)</code>", page.get_data(as_text=True)).group(1)


# --- HTTPS mode ----------------------------------------------------------------------

@pytest.mark.parametrize("app_config", [{"HTTPS": True}])
def test_https_mode_keeps_the_login_cookie_off_plain_http_and_pins_https(anonymous):
    response = anonymous.post("/language", data={"lang": "en", "next": "/login"},
                              base_url="https://localhost")
    assert "; Secure" in _session_cookie(response)
    page = anonymous.get("/login", base_url="https://localhost")
    assert page.headers["Strict-Transport-Security"] == HSTS
    # Over plain HTTP a browser ignores it; it is not sent there.
    plain = anonymous.get("/login", base_url="http://localhost")
    assert "Strict-Transport-Security" not in plain.headers


def test_without_https_mode_cookies_work_over_http_and_nothing_is_pinned(anonymous):
    response = anonymous.post("/language", data={"lang": "en", "next": "/login"})
    assert "Secure" not in _session_cookie(response)
    page = anonymous.get("/login", base_url="https://localhost")
    assert "Strict-Transport-Security" not in page.headers


@pytest.mark.parametrize("environment,https", [
    ({}, False),
    ({"VOORTGANG_HTTPS": "1"}, True),
    ({"VOORTGANG_ENV": "production"}, True),
    ({"VOORTGANG_ENV": "production", "VOORTGANG_HTTPS": "off"}, False),
])
def test_https_mode_is_on_by_setting_or_in_production(monkeypatch, environment, https):
    for name in ("VOORTGANG_HTTPS", "VOORTGANG_ENV"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "k" * 32,
                      "TRUSTED_HOSTS": ["voortgang.example.org"]})
    assert app.config["SESSION_COOKIE_SECURE"] is https
    assert app.config.get("REMEMBER_COOKIE_SECURE", False) is https


@pytest.mark.parametrize("name,value", [("VOORTGANG_HTTPS", "maybe"),
                                        ("VOORTGANG_PROXY_HOPS", "one")])
def test_a_mistyped_setting_stops_the_start_with_its_name(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(RuntimeError, match=name):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})


# --- behind a reverse proxy ----------------------------------------------------------

@pytest.mark.parametrize("app_config", [{"HTTPS": True, "PROXY_HOPS": 1}])
def test_behind_a_proxy_its_https_and_host_are_believed(admin_client, employee):
    db.session.add(Account(person=employee, email="jan@example.org"))
    db.session.commit()
    page = admin_client.get("/", headers=PROXIED)
    assert page.headers["Strict-Transport-Security"] == HSTS
    link = _one_time_link(admin_client, employee, headers=PROXIED)
    assert link.startswith("https://voortgang.example.org/password/")


@pytest.mark.parametrize("app_config", [{"HTTPS": True}])
def test_without_a_proxy_setting_forwarded_headers_are_ignored(admin_client, employee):
    db.session.add(Account(person=employee, email="jan@example.org"))
    db.session.commit()
    plain = {"headers": PROXIED, "base_url": "http://localhost"}
    assert "Strict-Transport-Security" not in admin_client.get("/", **plain).headers
    link = _one_time_link(admin_client, employee, **plain)
    assert link.startswith("http://localhost/password/")


def _failed_logins(client, address, times):
    return [client.post("/login", data={"email": f"iemand{n}@example.org",
                                        "password": "fout"},
                        headers={"X-Forwarded-For": address}).status_code
            for n in range(times)]


@pytest.mark.parametrize("app_config", [{"PROXY_HOPS": 1,
                                         "LOGIN_LIMIT_PER_ADDRESS": "2 per minute"}])
def test_behind_a_proxy_failed_logins_are_counted_per_browser(anonymous):
    assert _failed_logins(anonymous, "203.0.113.7", 3) == [422, 422, 429]
    assert _failed_logins(anonymous, "198.51.100.2", 1) == [422]


@pytest.mark.parametrize("app_config", [{"LOGIN_LIMIT_PER_ADDRESS": "2 per minute"}])
def test_without_a_proxy_setting_a_forged_address_does_not_escape_the_limit(anonymous):
    assert _failed_logins(anonymous, "203.0.113.7", 3) == [422, 422, 429]
    assert _failed_logins(anonymous, "198.51.100.2", 1) == [429]


# --- allowed host names --------------------------------------------------------------

ALLOWED = {"TRUSTED_HOSTS": ["voortgang.example.org", "localhost"]}


@pytest.mark.parametrize("app_config", [ALLOWED])
def test_an_allowed_host_name_works(anonymous):
    page = anonymous.get("/login", headers={"Host": "voortgang.example.org"})
    assert page.status_code == 200 and "Inloggen" in page.get_data(as_text=True)


@pytest.mark.parametrize("app_config", [ALLOWED])
@pytest.mark.parametrize("host", ["evil.example", "voortgang.example.org.evil.example",
                                  "a" * 70, "voortgang.example.org:8000@evil.example"])
def test_another_host_name_gets_a_clear_400(client, host):
    response = client.get("/", headers={"Host": host})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Deze server reageert niet op dit adres." in page
    assert "Sanne de Vries" not in page and "<a " not in page
    english = client.post("/language", headers={"Host": host, "HX-Request": "true",
                                                "Accept-Language": "en"})
    fragment = english.get_data(as_text=True)
    assert english.status_code == 400 and "<html" not in fragment
    assert "This server does not answer to this address." in fragment


def test_allowed_hosts_come_from_a_comma_separated_list(monkeypatch):
    monkeypatch.setenv("VOORTGANG_ALLOWED_HOSTS", " voortgang.example.org, localhost ,")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})
    assert app.config["TRUSTED_HOSTS"] == ["voortgang.example.org", "localhost"]
    monkeypatch.delenv("VOORTGANG_ALLOWED_HOSTS")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})
    assert app.config["TRUSTED_HOSTS"] is None


# --- headers on every answer ---------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/login", "/people/12345", "/static/css/app.css"])
def test_no_page_may_use_camera_microphone_location_or_payment(client, path):
    with client.get(path) as response:
        policy = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb",
                    "interest-cohort"):
        assert f"{feature}=()" in policy


@pytest.fixture
def served(app):
    """The app served as `make run` serves it (Werkzeug's server with our handler)."""
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=RequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True,
                              kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.mark.parametrize("path", ["/login", "/does-not-exist", "/static/css/app.css"])
def test_the_server_does_not_name_its_software_or_versions(served, path):
    try:
        with urllib.request.urlopen(served + path) as response:
            response.read()  # all of it: the server closes a file it has finished
            server = response.headers.get_all("Server")
    except HTTPError as error:
        error.read()
        server = error.headers.get_all("Server")
        error.close()
    assert server == ["Voortgang"]
