"""Real-browser tests: Debian's chromium drives the app served on a free local port.

The app runs with CSRF protection on, as in production. Each test gets its own
server on the migrated test database (SQLite, or TEST_DATABASE_URL), and the
rows are cleaned afterwards by the `app` fixture of tests/conftest.py.
"""
import os
import shutil
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from voortgang.conversations.models import (Agreement, AgreementKind, Goal, GoalKind,
                                            Outcome, Owner)
from voortgang.extensions import db

HERE = Path(__file__).resolve().parent
CHROMIUM = shutil.which("chromium")
MISSING = "Debian's chromium is not installed: apt-get install chromium"
IN_CI = os.environ.get("CI") == "true"

# Chromium reports a blocked script, style, frame or connection with one of these.
CSP_MARKERS = ("Content Security Policy", "Refused to", "CSP violation")

# Log every CSP violation as a console error too, with what was blocked. Playwright
# injects this through the DevTools protocol, so the page's own CSP does not apply.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  const blocked = event.blockedURI || "inline code";
  console.error(`CSP violation: ${event.violatedDirective} blocked ${blocked}`);
});
"""


# --- chromium: Debian's own, never a downloaded one ---------------------------------

def pytest_collection_modifyitems(config, items):
    """Without chromium, skip the browser tests (in CI the fixture below fails them)."""
    if CHROMIUM or IN_CI:
        return
    skip = pytest.mark.skip(reason=MISSING)
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(skip)


@pytest.fixture(scope="session", autouse=True)
def _chromium_is_installed():
    """In CI (CI=true) a missing chromium is a failure, never a silent skip.

    Session scoped and autouse, so it runs before pytest-playwright launches a browser.
    """
    if CHROMIUM:
        return
    if IN_CI:
        pytest.fail(f"{MISSING} (CI=true, so the browser tests may not be skipped)",
                    pytrace=False)
    pytest.skip(MISSING)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def base_url():
    """Each context gets the live server's URL itself (see `context`).

    Overriding this also keeps pytest-playwright's own fallback `base_url` fixture
    from running: it is an instance method, which pytest 9 deprecates with a
    PytestRemovedIn10Warning, an error under our `filterwarnings = ["error"]`.
    """
    return None


# --- the app, served for real ---------------------------------------------------------

@pytest.fixture
def app_config():
    """The browser posts real forms: CSRF protection stays on, as in production."""
    return {"WTF_CSRF_ENABLED": True}


@pytest.fixture
def live_server(app):
    """Serve the app on a free port in a daemon thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # On the way out the server waits for the requests still being answered, so none
    # holds a database connection past the test (PostgreSQL would warn of it later).
    server.daemon_threads, server.block_on_close = False, True
    thread = threading.Thread(target=server.serve_forever, name="live-server",
                              kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    # Seeding leaves the test thread's session in a transaction; end it so the
    # server's threads never wait on it (PostgreSQL) or read past it (SQLite).
    db.session.commit()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()  # serve_forever() closes the socket on its way out
        thread.join(timeout=5)


@pytest.fixture
def browser_login(app, live_server):
    """Log a browser context in as a person, with a signed session cookie as the
    login form would set (tests/test_accounts.py covers the form itself)."""
    def log_in(ctx, person, admin=False):
        from tests.conftest import account_for
        token = account_for(person, admin=admin).session_token
        db.session.commit()
        cookie = app.session_interface.get_signing_serializer(app).dumps(
            {"_user_id": token, "_fresh": True})
        ctx.add_cookies([{"name": app.config["SESSION_COOKIE_NAME"], "value": cookie,
                          "url": live_server}])
        return ctx
    return log_in


@pytest.fixture
def context(live_server, new_context, browser_login, manager):
    """A Dutch browser (nl-NL) on the live server, logged in as Sanne de Vries, the
    manager. `live_server` comes first on purpose: the server is then torn down after
    the browser context is closed."""
    ctx = new_context(base_url=live_server, locale="nl-NL",
                      timezone_id="Europe/Amsterdam")
    ctx.set_default_timeout(10_000)
    ctx.add_init_script(CSP_LISTENER)
    return browser_login(ctx, manager)


@pytest.fixture
def console(context):
    """Everything the pages of `context` logged, raised, or got back as a server error."""
    return ConsoleLog().watch(context)


# --- recording what the browser says ---------------------------------------------------

@dataclass
class ConsoleLog:
    messages: list = field(default_factory=list)      # (type, text, page url)
    page_errors: list = field(default_factory=list)   # (message, url)
    server_errors: list = field(default_factory=list)  # (status, method, url)

    def watch(self, target):
        """Record a page, or every page of a context (also ones opened later)."""
        if hasattr(target, "new_page"):  # a BrowserContext
            target.on("page", self.watch)
            for page in target.pages:
                self.watch(page)
            return self
        page = target

        def on_console(msg):
            source = msg.location.get("url", "")
            where = page.url if source in ("", page.url) else f"{page.url}, from {source}"
            self.messages.append((msg.type, msg.text, where))

        def on_response(response):
            if response.status >= 500:
                self.server_errors.append(
                    (response.status, response.request.method, response.url))

        page.on("console", on_console)
        page.on("pageerror", lambda error: self.page_errors.append((str(error), page.url)))
        page.on("response", on_response)
        return self

    def csp_violations(self):
        return [m for m in self.messages if any(mark in m[1] for mark in CSP_MARKERS)]

    def errors(self):
        return [m for m in self.messages if m[0] == "error"]

    def problems(self):
        """One readable list of everything that should not have happened."""
        found = [f"CSP: {text} ({url})" for _, text, url in self.csp_violations()]
        found += [f"console error: {text} ({url})" for kind, text, url in self.errors()
                  if not any(mark in text for mark in CSP_MARKERS)]
        found += [f"JS error: {message} (on {url})" for message, url in self.page_errors]
        found += [f"server error {status} on {method} {url}"
                  for status, method, url in self.server_errors]
        return found


# --- data, made through the models -----------------------------------------------------

@dataclass(frozen=True)
class Seed:
    """Plain values of what was seeded: safe to use from any thread."""
    conversation_id: int
    employee_id: int
    employee_name: str
    manager_name: str

    def phase(self, slug):
        return f"/conversations/{self.conversation_id}/{slug}"

    @property
    def person(self):
        return f"/people/{self.employee_id}"


@dataclass(frozen=True)
class Team:
    employee_id: int
    employee_name: str
    manager_id: int
    manager_name: str


@pytest.fixture
def team(employee, manager):
    """Jan Bakker and his manager Sanne de Vries, with no review yet."""
    people = Team(employee.id, employee.name, manager.id, manager.name)
    db.session.commit()  # end the read transaction the attribute loads began
    return people


@pytest.fixture
def seeded(conversation):
    """A review with a goal and two agreements, so the lists show on their phases."""
    conversation.goals.append(Goal(description="Klanttevredenheid boven de 8",
                                   kind=GoalKind.JOB, outcome=Outcome.MET))
    conversation.agreements.extend([
        Agreement(description="Jan volgt de Excel-cursus", owner=Owner.EMPLOYEE,
                  due_on=date(2027, 3, 1), kind=AgreementKind.TRAINING),
        Agreement(description="Iemand regelt de planning", owner=None),
    ])
    db.session.commit()
    seed = Seed(conversation.id, conversation.employee.id, conversation.employee.name,
                conversation.manager.name)
    db.session.commit()  # end the read transaction the attribute loads began
    return seed
