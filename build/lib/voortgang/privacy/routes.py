"""HR answers privacy requests: everything stored about a person, and removing it."""
from datetime import date

from flask import flash, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..access import person_or_404, require_admin
from ..audit.models import Action
from ..audit.recorder import record
from ..extensions import db
from ..people.models import anonymised_label
from ..rendering import render
from . import bp
from .erasure import carry_out, plan
from .export import ACTIONS, LABELS, as_json, export_person
from .forms import ConfirmRemovalForm


def _person_for_hr(person_id):
    require_admin()
    return person_or_404(person_id)


@bp.get("/people/<id:person_id>/export")
def export(person_id):
    """Everything stored about a person, to read and hand over; HR's look is recorded."""
    person = _person_for_hr(person_id)
    data = export_person(person)
    record(Action.DATA_EXPORTED, person=person, item="page")
    db.session.commit()
    return render("privacy/export.html", "content", person=person, export=data,
                  labels=LABELS, actions=ACTIONS)


@bp.get("/people/<id:person_id>/export.json")
def export_json(person_id):
    """The same as a JSON file to download; the download is recorded."""
    person = _person_for_hr(person_id)
    body = as_json(export_person(person))
    record(Action.DATA_EXPORTED, person=person, item="json")
    db.session.commit()
    response = make_response(body)
    response.content_type = "application/json; charset=utf-8"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="voortgang-person-{person.id}-{date.today()}.json"')
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/people/<id:person_id>/delete", methods=["GET", "POST"])
def delete(person_id):
    """Delete a person's data, once HR has read what will happen and typed the name."""
    return _remove(person_id, delete=True)


@bp.route("/people/<id:person_id>/anonymise", methods=["GET", "POST"])
def anonymise(person_id):
    """Anonymise a person: the reviews stay, the name does not."""
    return _remove(person_id, delete=False)


def _remove(person_id, delete):
    person = _person_for_hr(person_id)
    what = plan(person, delete)
    refusal = _refusal(person, delete)
    form = ConfirmRemovalForm(person)
    if refusal is None and form.validate_on_submit():
        carry_out(what)
        db.session.commit()
        flash(_done(what))
        if what.person_stays:
            return redirect(url_for("people.show", person_id=person_id), code=303)
        return redirect(url_for("people.index"), code=303)
    status = 422 if request.method == "POST" else 200
    return render("privacy/remove.html", "content", status=status, person=person,
                  plan=what, form=form, refusal=refusal,
                  label=anonymised_label(person.id),
                  first_name=person.stored_name.split()[0])


def _refusal(person, delete):
    if person.id == current_user.person_id:
        return _("You cannot remove your own data here; ask another HR administrator.")
    if not delete and person.anonymised_at is not None:
        return _("This person is anonymised already.")
    return None


def _done(what):
    # No name in the message: it would wait in the session cookie until shown.
    if not what.delete:
        return ngettext("The person is anonymised; %(num)d review is kept without "
                        "their name.", "The person is anonymised; %(num)d reviews are "
                        "kept without their name.", what.kept_reviews)
    return ngettext("The data is deleted, with %(num)d review.",
                    "The data is deleted, with %(num)d reviews.", what.own_reviews)
