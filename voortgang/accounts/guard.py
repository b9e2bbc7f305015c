"""Every page needs a login, except the few that lead to one.

One guard before every request (registered ahead of the CSRF check, so a visitor
is sent to log in rather than told a form is stale), so a new route is protected
without anyone having to remember it; what each person may see is then decided in
`voortgang.access`.
"""
from flask import redirect, request, url_for
from flask_login import current_user

from ..extensions import db, login_manager
from ..urls import split_url
from .models import Account

PUBLIC = {"static", "accounts.login", "accounts.logout", "accounts.set_password",
          "i18n.switch", "display.switch", "health.healthz"}


@login_manager.user_loader
def load_account(session_token):
    account = db.session.scalar(
        db.select(Account).where(Account.session_token == session_token))
    return account if account is not None and account.active else None


@login_manager.unauthorized_handler
def to_login():
    """Pages go to the login form and come back afterwards; an htmx request (an
    autosave after the session ended) tells the page to go there itself, and the
    unsaved text waits in the browser until the user is back."""
    if request.headers.get("HX-Request"):
        current = split_url(request.headers.get("HX-Current-URL"))
        page = current.path if current and current.path else None
        response = redirect(url_for("accounts.login", next=page))
        response.status_code = 401
        response.headers["HX-Redirect"] = response.location
        return response
    back = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("accounts.login", next=back))


def require_login():
    if request.endpoint is None or request.endpoint in PUBLIC:
        return None  # unknown URLs are a plain 404 for anyone
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None
