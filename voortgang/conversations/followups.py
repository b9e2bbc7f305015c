"""Follow-up questions beside the questions: the rules, fed with this conversation."""
from flask import abort, redirect, request, session
from flask_babel import get_locale

from ..extensions import db
from ..rendering import fragment
from ..rules import Goal, suggest_followups
from .carry import unreviewed
from .models import CoachNote, GoalPeriod
from .questions import BY_SLUG
from .views import bp, get_conversation, phase_url

SESSION_KEY = "dismissed_followups"
MAX_REVIEWS, MAX_TIPS = 5, 30


def followups_for(conversation, phase):
    """The suggestions for one phase, without the ones dismissed in this session."""
    if not phase.questions:
        return []
    # What came back from the previous review and has no result yet, with a link to
    # each (the previous agreements only as far as the viewer may read that review).
    waiting = unreviewed(conversation) if phase.slug == "looking-back" else None
    return suggest_followups(
        phase.slug, conversation.answer_texts(),
        questions=[q.key for q in phase.questions],
        question_texts={q.key: str(q.text) for q in phase.questions},
        goals=[Goal(g.description, g.outcome.value if g.outcome else None)
               for g in conversation.goals if g.period is GoalPeriod.PAST],
        agreement_kinds=[a.kind.value for a in conversation.agreements],
        unreviewed_goals=[(f"carried-goal-{g.id}", g.description)
                          for g in waiting.goals] if waiting else (),
        unreviewed_agreements=[(f"previous-agreement-{r.id}", r.agreement.description)
                               for r in waiting.agreements] if waiting else (),
        # A question taken up as a note is done with, like one dismissed.
        dismissed=_dismissed(conversation) | {n.tip_key for n in conversation.coach_notes},
        ui_lang=get_locale().language)


def _dismissed(conversation):
    return set(session.get(SESSION_KEY, {}).get(str(conversation.id), []))


def render_followups(conversation, phase, oob=False):
    return fragment("conversations/_followups.html", conversation=conversation,
                    phase=phase, followups=followups_for(conversation, phase), oob=oob)


def with_followups(response, conversation, phase):
    """`response` with the step's tips riding along out of band: every change that
    matters to them (an answer, a goal, an agreement, a rating) brings them up to date."""
    if phase.questions:
        tips = render_followups(conversation, phase, oob=True)
        response.set_data(response.get_data() + tips.get_data())
    return response


@bp.post("/conversations/<id:conversation_id>/<phase_slug>/followups/dismiss")
def dismiss_followup(conversation_id, phase_slug):
    """Hide one suggestion for the rest of this session."""
    conversation = get_conversation(conversation_id)
    phase = BY_SLUG.get(phase_slug) or abort(404)
    key = request.form.get("key", "")
    # Only a suggestion on offer is remembered: made-up keys would fill the session
    # cookie until the browser drops it, and the login with it.
    if key in {tip.key for tip in followups_for(conversation, phase)}:
        dismissed = session.get(SESSION_KEY, {})
        keys = [k for k in dismissed.pop(str(conversation.id), []) if k != key] + [key]
        # The cookie stays small: the last few reviews, the last tips of each.
        dismissed[str(conversation.id)] = keys[-MAX_TIPS:]
        session[SESSION_KEY] = dict(list(dismissed.items())[-MAX_REVIEWS:])
    if request.htmx:
        return render_followups(conversation, phase)
    return redirect(phase_url(conversation, phase), code=303)


@bp.post("/conversations/<id:conversation_id>/<phase_slug>/followups/note")
def note_followup(conversation_id, phase_slug):
    """Keep a tip's question as the review's own note beside its answer, once."""
    conversation = get_conversation(conversation_id)
    phase = BY_SLUG.get(phase_slug) or abort(404)
    key = request.form.get("key", "")
    tip = next((t for t in followups_for(conversation, phase) if t.key == key), None)
    # A tip no longer on offer (taken up in another tab, or made up) changes nothing.
    if tip is not None and tip.target is not None:
        db.session.add(CoachNote(conversation=conversation, tip_key=tip.key,
                                 question_key=tip.target, text=tip.question))
        db.session.commit()
    if not request.htmx:
        anchor = f"#answer_{tip.target}" if tip is not None and tip.target else ""
        return redirect(phase_url(conversation, phase) + anchor, code=303)
    response = render_followups(conversation, phase)
    if tip is not None and tip.target is not None:
        notes = fragment("conversations/_coach_notes.html", question_key=tip.target,
                         notes=conversation.coach_notes_by_question().get(tip.target, []),
                         oob=True)
        response.set_data(response.get_data() + notes.get_data())
    return response
