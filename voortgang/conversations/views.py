"""Shared pieces of the conversation views: lookup and rendering a phase."""
from flask import Blueprint, url_for

from ..extensions import db
from ..rendering import render
from .forms import PHASE_FORMS, AgreementForm, GoalForm
from .models import Conversation
from .questions import PHASES, neighbours

bp = Blueprint("conversations", __name__)


def get_conversation(conversation_id):
    return db.get_or_404(Conversation, conversation_id)


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
        "agreement_form": AgreementForm(formdata=None, prefix="new-agreement")
        .set_people(conversation),
        "editing": None,
    }
    context.update(overrides)
    return render("conversations/phase.html", "conversation", status=status, **context)
