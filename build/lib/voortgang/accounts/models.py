"""An account is how a person logs in; what it may see follows from who that person is."""
import enum
import functools
import secrets
from datetime import datetime, timedelta, timezone
from hashlib import sha256

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import Timestamp, db
from ..people.models import Person, utcnow

RESET_LINK_LIFETIME = timedelta(days=3)


@functools.cache
def _dummy_hash():
    """Checked when an address is unknown, so a wrong address takes as long as a
    wrong password."""
    return generate_password_hash(secrets.token_hex(8))


class Role(enum.Enum):
    """What an account is shown as. Access to reviews follows from the people
    (the employee and their manager); the admin role adds people and accounts."""

    ADMIN = "admin"
    MANAGER = "manager"
    EMPLOYEE = "employee"

    @property
    def label(self):
        return {Role.ADMIN: _l("HR / administrator"), Role.MANAGER: _l("Manager"),
                Role.EMPLOYEE: _l("Employee")}[self]


def _new_token():
    return secrets.token_urlsafe(32)


def _digest(token):
    return sha256(token.encode()).hexdigest()


class Account(UserMixin, db.Model):
    """The login of one person: an email address, a password hash, admin or not."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(256))
    is_admin: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    # Flask-Login keeps this in the session cookie instead of the id: a new one
    # (new password, logout everywhere, account switched off) ends every session.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=_new_token)
    reset_token_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    reset_expires_at: Mapped[datetime | None] = mapped_column(Timestamp)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(Timestamp)

    person: Mapped[Person] = relationship(
        backref=db.backref("account", uselist=False, passive_deletes=True))

    @property
    def is_active(self):
        return self.active

    def get_id(self):
        return self.session_token

    @property
    def role(self):
        if self.is_admin:
            return Role.ADMIN
        return Role.MANAGER if self.person.reports else Role.EMPLOYEE

    def set_password(self, password):
        self.password_hash = generate_password_hash(password)
        self.reset_token_hash = self.reset_expires_at = None
        self.end_sessions()

    def check_password(self, password):
        # Without a password yet, as slow as with one: the time says nothing.
        return check_password_hash(self.password_hash or _dummy_hash(), password) \
            and bool(self.password_hash)

    def end_sessions(self):
        self.session_token = _new_token()

    def new_reset_link_token(self, now=None):
        """A one-time token to set a password; only its digest is stored."""
        token = _new_token()
        self.reset_token_hash = _digest(token)
        self.reset_expires_at = (now or datetime.now(timezone.utc)) + RESET_LINK_LIFETIME
        return token

    @staticmethod
    def normalise_email(email):
        return (email or "").strip().lower()


def account_by_email(email):
    return db.session.scalar(
        db.select(Account).where(Account.email == Account.normalise_email(email)))


def authenticate(email, password):
    """The active account with this address and password, else None; as slow either way."""
    account = account_by_email(email)
    if account is None:
        check_password_hash(_dummy_hash(), password or "")
        return None
    if not account.check_password(password or "") or not account.active:
        return None
    return account


def account_by_reset_token(token, now=None):
    if not token or len(token) > 100:
        return None
    account = db.session.scalar(
        db.select(Account).where(Account.reset_token_hash == _digest(token)))
    now = now or datetime.now(timezone.utc)
    if account is None or account.reset_expires_at is None:
        return None
    expires = account.reset_expires_at
    if expires.tzinfo is None:  # SQLite hands back naive UTC
        expires = expires.replace(tzinfo=timezone.utc)
    return account if expires > now and account.active else None
