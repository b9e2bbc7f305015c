"""The Flask app factory: config, extensions, blueprints."""
import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask
from werkzeug.routing import IntegerConverter
from sqlalchemy import event
from sqlalchemy.engine import Engine

from . import deployment
from .extensions import babel, csrf, db, htmx, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config=None):
    """Build the app: config from instance/ and the environment, extensions, blueprints."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
    )
    _private_folder(app.instance_path)
    app.config.from_mapping(
        SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL")
        or "sqlite:///" + str(Path(app.instance_path) / "voortgang.sqlite3"),
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_DEFAULT_TIMEZONE=os.environ.get("VOORTGANG_TIMEZONE", "Europe/Amsterdam"),
        BABEL_TRANSLATION_DIRECTORIES=str(ROOT / "translations"),
        LANGUAGES={"nl": "Nederlands", "en": "English"},
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        # Only a request that changes the session writes it back: an autosave still
        # in flight must not overwrite a choice made meanwhile (a dismissed tip).
        SESSION_REFRESH_EACH_REQUEST=False,
        # A login lasts a working day after the session last changed.
        PERMANENT_SESSION_LIFETIME=timedelta(
            hours=float(os.environ.get("VOORTGANG_SESSION_HOURS", 8))),
        # A pooled connection the database closed (a restart, an idle timeout) is
        # replaced before use instead of failing the request that drew it.
        SQLALCHEMY_ENGINE_OPTIONS={"pool_pre_ping": True},
        MAX_CONTENT_LENGTH=1024 * 1024,
        # Failed logins only; in memory unless a shared store is named (redis://...).
        RATELIMIT_STORAGE_URI=os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        LOGIN_LIMIT_PER_ADDRESS="30 per minute",
        LOGIN_LIMIT_PER_ACCOUNT="5 per minute; 20 per hour",
        **deployment.from_environment(),
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    if not app.config.get("SECRET_KEY") and os.environ.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    deployment.require_production_settings(app.config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _generated_secret_key(app)
    # The CSRF token lives in the session and ends with it (logout clears it); its
    # own clock must never end it sooner, as a review may take an hour or more.
    app.config.setdefault("WTF_CSRF_TIME_LIMIT",
                          int(app.permanent_session_lifetime.total_seconds()))

    app.jinja_env.add_extension("jinja2.ext.do")
    app.url_map.converters["id"] = IdConverter
    _init_extensions(app)
    _register_blueprints(app)
    deployment.init_app(app)
    return app


def _generated_secret_key(app):
    """Without SECRET_KEY, one generated once into instance/ (not in production)."""
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        try:  # created readable by its owner only, never for a moment by others
            with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600),
                           "w") as handle:
                handle.write(secrets.token_hex(32))
        except FileExistsError:
            pass  # another process made it just now: use theirs
    return path.read_text().strip()


def _private_folder(path):
    """instance/ holds the database and the secret key: its owner's alone."""
    folder = Path(path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    _owner_only(folder, 0o700)


def _owner_only(path, mode):
    try:
        path.chmod(mode)
    except (PermissionError, FileNotFoundError):
        pass  # gone again, or not ours (set up by someone else): leave it as it is


class IdConverter(IntegerConverter):
    """A database id: a positive integer that fits the column, else a plain 404."""

    def __init__(self, map, *args, **kwargs):
        super().__init__(map, min=1, max=2**31 - 1)


def _init_extensions(app):
    from . import i18n, requestlog, security, static_files
    from .accounts.guard import require_login

    requestlog.init_app(app)
    static_files.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    # The login guard first (a visitor is sent to log in), then the check that a
    # form is readable, which CSRFProtect's token check needs.
    app.before_request(require_login)
    security.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    htmx.init_app(app)
    login_manager.init_app(app)
    login_manager.session_protection = "basic"
    limiter.init_app(app)


def _register_blueprints(app):
    from . import cli, display, errors, health, i18n
    from .accounts import bp as accounts_bp
    from .audit import bp as audit_bp
    from .conversations import (carried, coaching, followups,  # noqa: F401  (register on bp)
                                items, routes, views)
    from . import followup, preparation, signoff  # noqa: F401  (their tables)
    from .people.routes import bp as people_bp
    from .privacy import bp as privacy_bp
    from .preparation.routes import bp as preparation_bp

    app.register_blueprint(health.bp)
    app.register_blueprint(i18n.bp)
    app.register_blueprint(display.bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(audit_bp)
    app.register_blueprint(people_bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(privacy_bp)
    app.register_blueprint(followup.bp)
    app.register_blueprint(signoff.bp)
    app.register_blueprint(preparation_bp)
    errors.init_app(app)
    cli.init_app(app)
    _register_calendar_and_history(app)


def _register_calendar_and_history(app):
    """Issue 9: the .ics downloads and the per-employee timeline."""
    from .access import may_see_timeline
    from .agenda import bp as calendar_bp
    from .history import bp as history_bp

    app.register_blueprint(calendar_bp)
    app.register_blueprint(history_bp)
    # The person page links to the timeline only for whom may open it.
    app.jinja_env.globals["may_see_timeline"] = may_see_timeline


# SQLite has one writer at a time. With many screens autosaving at once a write can
# wait for seconds behind the others; Python's default of 5 s then failed it with
# "database is locked". A save that waits is better than a save that is lost.
SQLITE_BUSY_TIMEOUT_MS = 30_000


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record):
    """SQLite: enforce foreign keys and use WAL so autosaves never block reads; the
    database file is its owner's alone (SQLite gives its -wal and -shm files the
    same mode)."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        files = [Path(row[2]) for row in cursor.execute("PRAGMA database_list") if row[2]]
        for database in files:
            _owner_only(database, 0o600)
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()
        for database in files:
            for extra in ("-wal", "-shm"):
                other = database.with_name(database.name + extra)
                if other.exists():
                    _owner_only(other, 0o600)
