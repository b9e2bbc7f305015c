"""Goals and agreements: lists to add to, edit and remove from during the talk.

Both work the same way, so one set of views serves each `Collection`. An htmx
request gets the list component back; without JavaScript the browser goes back
to the phase page.
"""
from dataclasses import dataclass

from flask import abort, redirect, request

from ..extensions import db
from ..rendering import fragment
from .assistant import advise, advise_saved, check_agreements
from .carry import carried_context
from .followups import with_followups
from .forms import AgreementForm, ComingGoalForm, GoalForm
from .models import Agreement, Goal, GoalPeriod, Owner
from .questions import AGREEMENTS, LOOKING_AHEAD, LOOKING_BACK
from .views import bp, get_conversation, phase_url, render_phase


@dataclass(frozen=True)
class Collection:
    name: str
    model: type
    form_class: type
    phase: object
    template: str
    # Goals are looked back on or set for the coming period; each list keeps to its own.
    period: GoalPeriod | None = None
    prefix: str | None = None

    def holds(self, item):
        return self.period is None or item.period is self.period

    def form(self, conversation, prefix, formdata=None, obj=None):
        form = self.form_class(formdata=formdata, obj=obj, prefix=prefix)
        if hasattr(form, "set_people"):
            form.set_people(conversation)
        return form

    def add_prefix(self):
        return f"new-{self.prefix or self.model.__tablename__}"

    def edit_prefix(self, item):
        return f"{self.prefix or self.model.__tablename__}-{item.id}"


COLLECTIONS = {
    "goals": Collection("goals", Goal, GoalForm, LOOKING_BACK, "conversations/_goals.html",
                        period=GoalPeriod.PAST),
    "coming_goals": Collection("coming_goals", Goal, ComingGoalForm, LOOKING_AHEAD,
                               "conversations/_coming_goals.html",
                               period=GoalPeriod.COMING, prefix="coming-goal"),
    "agreements": Collection("agreements", Agreement, AgreementForm, AGREEMENTS,
                             "conversations/_agreements.html"),
}
ITEM_URL = "/conversations/<id:conversation_id>/items/<collection>"


def _lookup(conversation_id, collection, item_id=None, editing=True):
    # Lists with their forms are the manager's tools; reading is the phase page.
    conversation = get_conversation(conversation_id, editing=editing)
    kind = COLLECTIONS.get(collection) or abort(404)
    if item_id is None:
        return conversation, kind, None
    item = db.session.get(kind.model, item_id)
    if item is None or item.conversation_id != conversation.id or not kind.holds(item):
        abort(404)
    return conversation, kind, item


@bp.post(ITEM_URL)
def add_item(conversation_id, collection):
    """Add a goal or agreement; on errors keep what was typed and say why."""
    conversation, kind, _ = _lookup(conversation_id, collection)
    form = kind.form(conversation, kind.add_prefix(), formdata=request.form)
    if not form.validate():
        return _respond(conversation, kind, status=422, new_form=form)
    item = kind.model(conversation=conversation)
    if kind.period is not None:
        item.period = kind.period
    _fill(form, item)
    db.session.add(item)
    db.session.commit()
    return _respond(conversation, kind)


@bp.route(ITEM_URL + "/<id:item_id>/edit", methods=["GET", "POST"])
def edit_item(conversation_id, collection, item_id):
    """Show one goal or agreement as a form, and save the changes."""
    conversation, kind, item = _lookup(conversation_id, collection, item_id)
    if request.method == "GET":
        form = kind.form(conversation, kind.edit_prefix(item), obj=item)
        return _respond(conversation, kind, editing=(item.id, form))
    form = kind.form(conversation, kind.edit_prefix(item), formdata=request.form)
    if not form.validate():
        return _respond(conversation, kind, status=422, editing=(item.id, form))
    _fill(form, item)
    db.session.commit()
    return _respond(conversation, kind)


@bp.get(ITEM_URL)
def list_items(conversation_id, collection):
    """The list component as it is saved (used to cancel an edit)."""
    conversation, kind, _ = _lookup(conversation_id, collection)
    return _respond(conversation, kind)


@bp.post(ITEM_URL + "/<id:item_id>/delete")
def delete_item(conversation_id, collection, item_id):
    """Remove a goal or agreement."""
    conversation, kind, item = _lookup(conversation_id, collection, item_id)
    db.session.delete(item)
    db.session.commit()
    return _respond(conversation, kind)


@bp.get("/conversations/<id:conversation_id>/items/agreements/<id:item_id>/advice")
def saved_agreement_advice(conversation_id, item_id):
    """What one saved agreement still lacks (it asks when the next evaluation moves)."""
    conversation, _kind, agreement = _lookup(conversation_id, "agreements", item_id,
                                               editing=False)
    return fragment("conversations/_agreement_advice.html", conversation=conversation,
                    agreement=agreement,
                    agreement_checks={agreement.id: advise_saved(conversation, agreement)})


def _fill(form, item):
    form.populate_obj(item)
    if isinstance(item, Agreement):
        item.owner_name = (item.owner_name or "").strip() or None
        _complete_from_text(item)


def _complete_from_text(agreement):
    """Store who and when that the text names and the fields left empty, and whether
    the date is when it starts ("vanaf 11 december") rather than a deadline.

    What is saved is what counts: "binnen twee weken" becomes a date now, so it
    does not slide along with every later look at the agreement.
    """
    found = advise(agreement.conversation, agreement.description)
    if agreement.owner is None and found.owner_from_text:
        agreement.owner = Owner(found.owner_from_text)
    if agreement.due_on is None:
        agreement.due_on = found.due_from_text
    agreement.due_is_start = bool(found.due_is_start and agreement.due_on is not None
                                  and agreement.due_on == found.due_from_text)


def _respond(conversation, kind, status=200, new_form=None, editing=None):
    """The list component for htmx; the phase page otherwise."""
    if request.method == "POST" and status == 200 and not request.htmx:
        return redirect(phase_url(conversation, kind.phase) + f"#{kind.name}", code=303)
    new_form = new_form or kind.form(conversation, kind.add_prefix())
    # Put the cursor where the user will type next once htmx swaps the list in.
    focus = "edit" if editing else ("add" if request.method == "POST" else None)
    context = {f"{kind.name[:-1]}_form": new_form, "editing": editing, "focus": focus}
    if request.htmx:
        response = fragment(kind.template, status, conversation=conversation,
                            agreement_checks=check_agreements(conversation)
                            if kind.model is Agreement else {},
                            **carried_context(conversation, kind.phase), **context)
        if request.method in ("POST", "DELETE") and status == 200:
            return with_followups(response, conversation, kind.phase)
        return response
    return render_phase(conversation, kind.phase, status=status, **context)
