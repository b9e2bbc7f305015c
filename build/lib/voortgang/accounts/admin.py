"""HR gives people accounts, hands out one-time links, and switches accounts off."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import may_change_person, person_or_404, require_admin
from ..audit.models import Action
from ..audit.recorder import record
from ..extensions import db
from ..rendering import render
from . import bp
from .forms import AccountForm
from .models import Account


def _person_for_admin(person_id):
    require_admin()
    person = person_or_404(person_id)
    if not may_change_person(person):
        abort(404)
    return person


def _show_link(account, created):
    """The one-time link, shown once to hand over or print; it is stored only hashed."""
    db.session.flush()
    record(Action.ACCOUNT_CREATED if created else Action.LINK_ISSUED, person=account.person)
    token = account.new_reset_link_token()
    db.session.commit()
    link = url_for("accounts.set_password", token=token, _external=True)
    return render_template("accounts/link.html", account=account, link=link,
                           created=created)


@bp.route("/people/<id:person_id>/account", methods=["GET", "POST"])
def create_account(person_id):
    """Give a person an account; the answer is a link to choose a password with."""
    person = _person_for_admin(person_id)
    if person.account is not None:
        return redirect(url_for("people.show", person_id=person.id), code=303)
    form = AccountForm()
    if form.validate_on_submit():
        account = Account(person=person, email=Account.normalise_email(form.email.data),
                          is_admin=form.is_admin.data)
        db.session.add(account)
        return _show_link(account, created=True)
    status = 422 if form.errors else 200
    return render("accounts/new.html", "content", status=status, person=person, form=form)


@bp.post("/people/<id:person_id>/account/link")
def new_link(person_id):
    """A forgotten password: a new one-time link; the old password and sessions end."""
    person = _person_for_admin(person_id)
    account = person.account or abort(404)
    account.password_hash = None
    account.end_sessions()
    return _show_link(account, created=False)


@bp.post("/people/<id:person_id>/account/active")
def set_active(person_id):
    """Switch an account off (it is logged out everywhere) or on again."""
    person = _person_for_admin(person_id)
    account = person.account or abort(404)
    wanted = request.form.get("active") == "yes"
    if not wanted and account.id == current_user.id:
        flash(_("You cannot switch off your own account."))
    elif account.active != wanted:
        account.active = wanted
        account.end_sessions()
        account.reset_token_hash = account.reset_expires_at = None  # no link survives
        record(Action.ACCOUNT_ON if wanted else Action.ACCOUNT_OFF, person=person)
        db.session.commit()
        flash(_("The account is switched on.") if wanted
              else _("The account is switched off; its sessions have ended."))
    return redirect(url_for("people.show", person_id=person.id), code=303)
