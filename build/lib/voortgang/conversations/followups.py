"""Follow-up questions beside the questions: the rules, fed with this conversation."""
from flask import abort, redirect, request, session
from flask_babel import get_locale

from ..rendering import fragment
from ..rules import Goal, suggest_followups
from .carry import unreviewed
from .models import GoalPeriod
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
        dismissed=_dismissed(conversation),
        ui_lang=get_locale().language)


def _dismissed(conversation):
    return set(session.get(SESSION_KEY, {}).get(str(conversation.id), []))


def render_followups(conversation, phase, oob=False):
    return fragment("conversations/_followups.html", conversation=conversation,
                    phase=phase, followups=followups_for(conversation, phase), oob=oob)


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
