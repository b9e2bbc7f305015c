"""Carry-over: a new review starts from what the previous one left open.

At the start, the previous review's goals for the coming period (or, if it set
none, its goals that were not met) come back as goals to look back on, and its
open agreements come back to be reviewed. In the meeting each gets a result and a
comment; then what is still open is carried into the new period in one step.
"""
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField

from ..access import may_see_review
from ..extensions import db
from ..preparation.models import PreparedAnswer, PrivateNote
from ..forms import LongText
from .forms import _enum, _too_long, result_field
from .models import (Agreement, AgreementReview, AgreementStatus, Conversation, Goal,
                     GoalPeriod, Outcome, Status, Verdict)
from .questions import ANSWER_MAX_LENGTH


def _has_content(review):
    """Something was typed in it: an answer, an agreement, or a goal of its own."""
    return (any((a.text or "").strip() for a in review.answers) or bool(review.agreements)
            or any(g.carried_from_id is None for g in review.goals))


def _earlier_reviews(conversation):
    earlier = db.session.scalars(
        db.select(Conversation)
        .where(Conversation.employee_id == conversation.employee.id,
               Conversation.held_on <= conversation.held_on)
        .order_by(Conversation.held_on.desc(), Conversation.id.desc())).all()
    return [c for c in earlier if c is not conversation and c.id != conversation.id]


def previous_review(conversation, earlier=None):
    """The review to carry from: the newest completed one before this, else the
    newest one with content. An unfinished draft in between hides nothing."""
    earlier = _earlier_reviews(conversation) if earlier is None else earlier
    return next((c for c in earlier if c.status is Status.COMPLETED), None) \
        or next((c for c in earlier if _has_content(c)), None)


def goals_to_carry(previous):
    """Its goals for the coming period; if it set none, the goals it did not meet."""
    coming = [g for g in previous.goals if g.period is GoalPeriod.COMING]
    return coming or [g for g in previous.goals
                      if g.period is GoalPeriod.PAST and g.outcome is not Outcome.MET]


def carry_over(conversation):
    """Fill a new review's looking-back step from the previous review."""
    # Nothing is flushed on the way: the review and what it starts with go in one
    # flush, so the trail says "review started" rather than a line per goal.
    with db.session.no_autoflush:
        earlier = _earlier_reviews(conversation)
        previous = previous_review(conversation, earlier)
        # With nothing to carry, the review before is still the one before.
        conversation.previous = previous or next(iter(earlier), None)
        if previous is None:
            return
        for goal in goals_to_carry(previous):
            conversation.goals.append(Goal(description=goal.description, kind=goal.kind,
                                           period=GoalPeriod.PAST, carried_from_id=goal.id))
        for agreement in previous.agreements:
            if agreement.status is AgreementStatus.OPEN:
                db.session.add(AgreementReview(conversation=conversation,
                                               agreement=agreement))


def agreement_reviews(conversation):
    """The previous agreements to review here, as far as the viewer may read them."""
    if conversation.id is None:
        return []
    reviews = db.session.scalars(
        db.select(AgreementReview).where(AgreementReview.conversation_id == conversation.id)
        .order_by(AgreementReview.id)).all()
    return [r for r in reviews if may_see_review(r.agreement.conversation)]


def carried_goals(conversation):
    return [g for g in conversation.goals
            if g.period is GoalPeriod.PAST and g.carried_from_id is not None]


def own_goals(conversation, period=GoalPeriod.PAST):
    """The goals typed in this review for `period` (carried goals have their section)."""
    return [g for g in conversation.goals
            if g.period is period and (period is GoalPeriod.COMING or g.carried_from_id is None)]


@dataclass(frozen=True)
class Unreviewed:
    goals: list
    agreements: list


def unreviewed(conversation):
    """Carried goals without a result and previous agreements without a verdict."""
    return Unreviewed([g for g in carried_goals(conversation) if g.outcome is None],
                      [r for r in agreement_reviews(conversation) if r.verdict is None])


@dataclass(frozen=True)
class Open:
    """What the one step would carry into the new period, and what it closes."""

    agreements: list    # previous agreements to take over as new ones
    done: list          # previous agreements said to be done
    goals: list         # goals of this review not met, to set again for the coming period


def still_open(conversation):
    reviews = [r for r in agreement_reviews(conversation)
               if r.agreement.status is AgreementStatus.OPEN]
    taken = {a.carried_from_id for a in conversation.agreements}
    set_again = {g.carried_from_id for g in conversation.goals
                 if g.period is GoalPeriod.COMING}
    return Open(
        agreements=[r.agreement for r in reviews if r.verdict is not Verdict.DONE
                    and r.agreement.id not in taken],
        done=[r.agreement for r in reviews if r.verdict is Verdict.DONE],
        goals=[g for g in conversation.goals if g.period is GoalPeriod.PAST
               and g.outcome is not Outcome.MET and g.id not in set_again])


def carry_forward(conversation, today=None):
    """Carry what is still open into this review's coming period, once.

    Returns (agreements carried, goals carried, agreements closed as done)."""
    today = today or date.today()
    found = still_open(conversation)
    for old in found.agreements:
        conversation.agreements.append(Agreement(
            description=old.description, owner=old.owner, owner_name=old.owner_name,
            kind=old.kind, carried_from_id=old.id,
            due_on=old.due_on if old.due_on and old.due_on > today else None))
        old.status = AgreementStatus.CARRIED
    for old in found.done:
        old.status = AgreementStatus.DONE
        old.done_on = old.done_on or min(today, conversation.held_on)
    for goal in found.goals:
        conversation.goals.append(Goal(description=goal.description, kind=goal.kind,
                                       period=GoalPeriod.COMING, carried_from_id=goal.id))
    return len(found.agreements), len(found.goals), len(found.done)


def untouched_draft(conversation):
    """A draft nobody has started: only what carry-over put in, not yet rated."""
    if conversation.status is not Status.DRAFT or _has_content(conversation):
        return False
    if any(g.outcome is not None or (g.comment or "").strip() for g in conversation.goals):
        return False
    rated = db.select(AgreementReview.id).where(
        AgreementReview.conversation_id == conversation.id,
        AgreementReview.verdict.is_not(None) | AgreementReview.comment.is_not(None))
    # Someone's preparation or private note is theirs: a draft with one stays.
    written = [db.select(model.id).where(model.conversation_id == conversation.id,
                                         model.text != "")
               for model in (PreparedAnswer, PrivateNote)]
    return not any(db.session.scalar(query.limit(1)) for query in (rated, *written))


def refresh_carry_over(conversation):
    """A review planned while the one before it was still going carried from an older
    review (or from nothing). Until someone touches it, it follows what the previous
    review is now: its goals and open agreements replace what came along at planning.
    Returns whether anything changed; the caller commits."""
    if not untouched_draft(conversation):
        return False
    source = previous_review(conversation)
    goals = {g.id for g in goals_to_carry(source)} if source else set()
    agreements = {a.id for a in source.agreements
                  if a.status is AgreementStatus.OPEN} if source else set()
    reviews = db.session.scalars(db.select(AgreementReview).where(
        AgreementReview.conversation_id == conversation.id)).all()
    if goals == {g.carried_from_id for g in carried_goals(conversation)} \
            and agreements == {r.agreement_id for r in reviews}:
        return False
    for goal in carried_goals(conversation):
        conversation.goals.remove(goal)
    for review in reviews:
        db.session.delete(review)
    db.session.flush()
    carry_over(conversation)
    return True


# --- in the meeting: a result and a comment per item that came back -------------

class GoalReviewForm(FlaskForm):
    outcome = result_field()
    comment = LongText(_l("Comment"), validators=[_too_long(ANSWER_MAX_LENGTH)])


class AgreementReviewForm(FlaskForm):
    verdict = SelectField(_l("How did it go?"), coerce=_enum(Verdict), choices=[
        SelectChoice("", _l("Not discussed yet")),
        SelectChoice(Verdict.DONE.value, _l("Done")),
        SelectChoice(Verdict.PARTLY.value, _l("Partly done")),
        SelectChoice(Verdict.NOT_DONE.value, _l("Not done")),
    ])
    comment = LongText(_l("Comment"), validators=[_too_long(ANSWER_MAX_LENGTH)])


def goal_form(goal, formdata=None):
    return GoalReviewForm(formdata=formdata, prefix=f"carried-goal-{goal.id}",
                          data=None if formdata else {"outcome": goal.outcome,
                                                      "comment": goal.comment})


def agreement_form(review, formdata=None):
    return AgreementReviewForm(formdata=formdata, prefix=f"previous-agreement-{review.id}",
                               data=None if formdata else {"verdict": review.verdict,
                                                           "comment": review.comment})


def carried_context(conversation, phase, forms=None):
    """What the looking-back, looking-ahead and agreements steps show of carry-over."""
    if phase.slug == "looking-back":
        forms = forms or {}
        reviews = agreement_reviews(conversation)
        goals = carried_goals(conversation)
        return {"carried_goals": [(g, forms.get(g.id) or goal_form(g)) for g in goals],
                "previous_agreements": [(r, forms.get(("agreement", r.id))
                                         or agreement_form(r)) for r in reviews],
                "past_goals": own_goals(conversation)}
    if phase.slug == "looking-ahead":
        return {"coming_goals": own_goals(conversation, GoalPeriod.COMING)}
    if phase.slug == "agreements":
        return {"still_open": still_open(conversation),
                "has_previous": bool(agreement_reviews(conversation))}
    return {}
