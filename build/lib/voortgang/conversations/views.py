"""Shared pieces of the conversation views: lookup and rendering a phase."""
from flask import Blueprint, abort, request, url_for
from flask_babel import gettext as _

from ..access import (may_edit_review, may_see_review, may_write_reaction,
                      reaction_locked, review_locked)
from ..extensions import db
from ..rendering import render
from .carry import carried_context
from .forms import PHASE_FORMS, AgreementForm, ComingGoalForm, GoalForm, ReactionForm
from .models import Conversation
from .questions import PHASES, neighbours

bp = Blueprint("conversations", __name__)


def get_conversation(conversation_id, editing=None):
    """The review, if the viewer is one of its two people or the employee's manager
    (else 404). Every POST changes it, so a POST needs the manager's side (else 403),
    unless the view says otherwise."""
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or not may_see_review(conversation):
        abort(404)
    if editing is None:
        editing = request.method == "POST"
    if editing and not may_edit_review(conversation):
        abort(403)
    refuse_if_confirmed(conversation, editing)
    return conversation


def refuse_if_confirmed(conversation, editing):
    """Sign-off: once a side confirmed the summary its content stays as confirmed
    (409 with a page that says why); the employee's reaction, the one change a
    non-editing POST makes, stays open until the employee confirms."""
    if editing and review_locked(conversation):
        message = _("This review has been confirmed, so it cannot be changed now. "
                    "The manager can reopen it from the summary, with a reason.")
    elif request.method == "POST" and not editing and reaction_locked(conversation):
        message = _("The employee confirmed the summary, so the reaction cannot be changed "
                    "now. The manager can reopen the review from the summary, with a reason.")
    else:
        return
    abort(render("signoff/locked.html", "content", status=409, code=409, message=message,
                 conversation=conversation))


def phase_url(conversation, phase, **kwargs):
    return url_for("conversations.phase", conversation_id=conversation.id,
                   phase_slug=phase.slug, **kwargs)


def phase_form(conversation, phase):
    """The phase's answers form, filled with what was saved."""
    form_class = PHASE_FORMS.get(phase.slug)
    if form_class is None:
        return None
    answers = conversation.answer_texts()
    data = {f"answer_{q.key}": answers.get(q.key, "") for q in phase.questions}
    if hasattr(form_class, "next_evaluation_on"):
        data["next_evaluation_on"] = conversation.next_evaluation_on
    return form_class(formdata=None, data=data)


def render_phase(conversation, phase, status=200, **overrides):
    """The phase page, or its `conversation` block for htmx."""
    previous, following = neighbours(phase)
    context = {
        "conversation": conversation,
        "phase": phase,
        "phases": PHASES,
        "previous": previous,
        "following": following,
        "form": phase_form(conversation, phase),
        "goal_form": GoalForm(formdata=None, prefix="new-goal"),
        "coming_goal_form": ComingGoalForm(formdata=None, prefix="new-coming-goal"),
        "agreement_form": AgreementForm(formdata=None, prefix="new-agreement")
        .set_people(conversation),
        "editing": None,
        "can_edit": may_edit_review(conversation) and not review_locked(conversation),
        "locked": review_locked(conversation),
        "reaction_form": ReactionForm(formdata=None,
                                      data={"reaction": conversation.employee_reaction})
        if may_write_reaction(conversation) and not reaction_locked(conversation)
        else None,
    }
    context.update(carried_context(conversation, phase, overrides.pop("carried_forms", None)))
    context.update(overrides)
    return render("conversations/phase.html", "conversation", status=status, **context)
