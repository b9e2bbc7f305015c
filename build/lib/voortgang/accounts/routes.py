"""Log in, log out, and set a password from a one-time link."""
from datetime import datetime, timezone

from flask import current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from ..audit.models import Action
from ..audit.recorder import record
from ..extensions import db, limiter
from ..forms import without_controls
from ..rendering import render
from ..urls import local_target
from . import bp
from .forms import LoginForm, PasswordForm
from .models import Account, account_by_reset_token, authenticate


def _typed_email():
    """Failed logins are counted per address too, so one account cannot be guessed
    at from many addresses."""
    typed = without_controls(request.form.get("email") or "")  # as the form reads it
    return "login:" + Account.normalise_email(typed)[:254]


def _limit(name):
    return lambda: current_app.config[name]


def _failed(response):
    return response.status_code != 303


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"],
               deduct_when=_failed)
@limiter.limit(_limit("LOGIN_LIMIT_PER_ACCOUNT"), methods=["POST"],
               key_func=_typed_email, deduct_when=_failed)
def login():
    """The login form; on success, back to the page that asked for it."""
    if current_user.is_authenticated:
        return redirect(local_target(request.args.get("next")), code=303)
    form = LoginForm()
    if form.validate_on_submit():
        account = authenticate(form.email.data, form.password.data)
        if account is not None:
            _start_session(account)
            return redirect(local_target(request.args.get("next")), code=303)
        # The same words whether the address exists or not.
        form.password.errors.append(_("The email address or the password is not right."))
    status = 422 if request.method == "POST" else 200
    return render("accounts/login.html", "content", status=status, form=form)


def _fresh_session():
    """An empty session that keeps only the language choice."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def _start_session(account):
    _fresh_session()  # no id or CSRF secret carried over from before
    login_user(account)
    session.permanent = True  # ends PERMANENT_SESSION_LIFETIME after the last change
    account.last_login_at = datetime.now(timezone.utc)
    db.session.commit()


@bp.post("/logout")
def logout():
    """End the session, on this screen and any copy of its cookie; the language
    choice stays."""
    if current_user.is_authenticated:
        current_user.end_sessions()
        db.session.commit()
    logout_user()
    _fresh_session()
    flash(_("You are logged out."))
    return redirect(url_for("accounts.login"), code=303)


@bp.route("/password/<token>", methods=["GET", "POST"])
@limiter.limit(_limit("LOGIN_LIMIT_PER_ADDRESS"), methods=["POST"])
def set_password(token):
    """Choose a password with the one-time link HR handed over."""
    account = account_by_reset_token(token)
    if account is None:
        return render("accounts/link_expired.html", "content", status=404)
    form = PasswordForm()
    if form.validate_on_submit():
        account.set_password(form.password.data)
        record(Action.PASSWORD_SET, person=account.person)
        db.session.commit()
        logout_user()
        flash(_("Your password is set. Log in with it."))
        return redirect(url_for("accounts.login"), code=303)
    status = 422 if form.errors else 200
    return render("accounts/password.html", "content", status=status, form=form,
                  account=account)
