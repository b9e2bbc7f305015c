"""Fixtures: an app on a migrated database (SQLite, or TEST_DATABASE_URL), clients, people."""
import contextvars
import os
from datetime import date

import pytest
from flask.testing import FlaskClient
from flask_migrate import upgrade
from jinja2 import BytecodeCache
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from voortgang import create_app
from voortgang.accounts.models import Account
from voortgang.conversations.models import Conversation
from voortgang.extensions import db
from voortgang.people.models import Person


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return _own_database(url)
    # Under pytest-xdist every worker has a temporary folder, so a database, of its own.
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "voortgang-test.sqlite3")


def _own_database(url):
    """Under pytest-xdist (`-n 2`), each worker gets a PostgreSQL database of its own
    next to the one named (test_gw0, test_gw1, ...), made if missing."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    url = make_url(url)
    name = f"{url.database}_{worker}"
    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                   {"name": name})
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def _config(database_url, **extra):
    return {"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": database_url, **extra}


@pytest.fixture(scope="session")
def migrated(database_url):
    """Build the schema once per run through the migrations, as `make run` does."""
    app = create_app(_config(database_url))
    with app.app_context():
        db.drop_all()
        db.session.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        upgrade()
        db.engine.dispose()
    return database_url


@pytest.fixture
def app_config():
    """Extra config for one test, e.g. {"WTF_CSRF_ENABLED": True}."""
    return {}


class SharedBytecode(BytecodeCache):
    """Every test builds an app of its own, and each app's Jinja would compile the
    templates again: they are compiled once per run instead (keyed by name and
    source, so a changed template is compiled anew)."""

    def __init__(self):
        self.code = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = SharedBytecode()


class IsolatedClient(FlaskClient):
    """Runs each request in a context of its own, as a real server would.

    The test holds an app context for its database work; without this, requests
    would share its `g` (and the locale cached there) and its session. After each
    request the test's session forgets what it loaded, so it sees the request's
    changes.
    """

    def open(self, *args, **kwargs):
        response = contextvars.Context().run(super().open, *args, **kwargs)
        db.session.expire_all()
        return response


@pytest.fixture
def app(migrated, app_config):
    app = create_app(_config(migrated, **app_config))
    app.jinja_env.bytecode_cache = TEMPLATES
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        db.session.remove()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.engine.dispose()


def account_for(person, admin=False):
    """The person's account, made on first use (no password: tests log in directly)."""
    if person.account is None:
        first = person.name.split()[0].lower()
        db.session.add(Account(person=person, email=f"{first}.{person.id}@example.org",
                               is_admin=admin))
        db.session.commit()
    return person.account


@pytest.fixture
def login(app):
    """Log a test client in as a person: `login(client, person)` (no password round trip;
    tests/test_accounts.py covers the real login form)."""
    def log_in(client, person, admin=False):
        token = account_for(person, admin=admin).session_token
        with client.session_transaction() as session:
            session["_user_id"] = token
            session["_fresh"] = True
        return client
    return log_in


PASSWORD = "een heel goed wachtwoord"


@pytest.fixture
def sanne_account(manager):
    """Sanne's account with a real password, for tests of the login form itself."""
    account = Account(person=manager, email="sanne@example.org")
    account.set_password(PASSWORD)
    db.session.add(account)
    db.session.commit()
    return account


@pytest.fixture
def anonymous(app):
    """A visitor who has not logged in."""
    return app.test_client()


@pytest.fixture
def client(app, login, manager):
    """Sanne de Vries, the manager of Jan Bakker, logged in: most tests are hers."""
    return login(app.test_client(), manager)


@pytest.fixture
def hr(create_person):
    return create_person("Eva Mulder", job_title="HR-adviseur")


@pytest.fixture
def admin_client(app, login, hr):
    """Eva Mulder of HR, logged in as administrator."""
    return login(app.test_client(), hr, admin=True)


@pytest.fixture
def htmx(client):
    """Send requests the way htmx does."""
    class HtmxClient:
        def get(self, url, **kwargs):
            return client.get(url, headers={"HX-Request": "true"}, **kwargs)

        def post(self, url, **kwargs):
            return client.post(url, headers={"HX-Request": "true"}, **kwargs)
    return HtmxClient()


@pytest.fixture
def english(client):
    """Switch the client's interface language to English."""
    client.post("/language", data={"lang": "en", "next": "/"})
    return client


@pytest.fixture
def create_person(app):
    def create(name, manager=None, job_title=None):
        person = Person(name=name, manager=manager, job_title=job_title)
        db.session.add(person)
        db.session.commit()
        return person
    return create


@pytest.fixture
def manager(create_person):
    return create_person("Sanne de Vries", job_title="Teamleider")


@pytest.fixture
def employee(create_person, manager):
    return create_person("Jan Bakker", manager=manager, job_title="Planner")


@pytest.fixture
def conversation(employee, manager):
    review = Conversation(employee=employee, manager=manager, held_on=date(2026, 11, 27))
    db.session.add(review)
    db.session.commit()
    return review


@pytest.fixture
def phase_url():
    """The URL of one phase of a conversation."""
    return lambda conversation, slug: f"/conversations/{conversation.id}/{slug}"
