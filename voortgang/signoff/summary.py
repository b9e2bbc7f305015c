"""One summary of a review, built once and shown as page, PDF and Markdown.

Only what both sides share goes in: the answers, goals, agreements, the reviews of
the previous agreements, the next date and the employee's reaction. Preparation and
private notes live in their own tables and are never read here.
"""
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..conversations.models import (AgreementReview, AgreementStatus, GoalKind,
                                    GoalPeriod, Owner, Status)
from ..conversations.questions import AGREEMENTS, LOOKING_AHEAD, LOOKING_BACK
from ..extensions import db

OUTCOMES = {"met": _l("Met"), "partly": _l("Partly met"), "not_met": _l("Not met")}
VERDICTS = {"done": _l("Done"), "partly": _l("Partly done"), "not_done": _l("Not done")}
KINDS = {"training": _l("Training"), "coaching": _l("Coaching"),
         "assessment": _l("Assessment"), "support": _l("Support"), "other": _l("Other")}
STATUSES = {"open": _l("Open"), "done": _l("Done"), "dropped": _l("Dropped"),
            "carried": _l("Carried into the next review")}


@dataclass
class Item:
    """A goal or an agreement: its words, a few facts, and what was said about it."""

    text: str
    facts: list = field(default_factory=list)  # (label, value, missing?)
    comment: str | None = None


@dataclass
class Group:
    title: str
    items: list
    empty: str


@dataclass
class Part:
    """One step of the review: its lists, then its questions and answers."""

    slug: str
    title: str
    groups: list
    answers: list  # (question, answer or None, coach's questions noted there)


@dataclass
class Signature:
    side: str
    who: str
    at: datetime | None


@dataclass
class Summary:
    conversation: object
    title: str
    lead: str
    completed: str | None
    parts: list
    next_review: str | None
    reaction: str | None
    signatures: list
    reopenings: list


def long_date(value):
    return format_date(value, "long") if isinstance(value, date) else None


def moment(value):
    return format_datetime(value, "medium") if value else None


def owner_text(conversation, agreement):
    """Who does it, by name, as the overview says it."""
    owner = agreement.owner
    if owner is None:
        return None
    if owner is Owner.EMPLOYEE:
        return conversation.employee.name
    if owner is Owner.MANAGER:
        return conversation.manager.name
    if owner is Owner.BOTH:
        return _("%(employee)s and %(manager)s", employee=conversation.employee.name,
                 manager=conversation.manager.name)
    return agreement.owner_name or _("Someone else")


def _goal(goal):
    kind = _("Personal") if goal.kind is GoalKind.PERSONAL else _("Job-related")
    result = str(OUTCOMES[goal.outcome.value]) if goal.outcome else None
    return Item(goal.description, [(_("Kind"), kind, False),
                                   (_("Result"), result or _("Not discussed yet"),
                                    result is None)], goal.comment or None)


def agreement_item(conversation, agreement):
    owner = owner_text(conversation, agreement)
    due = long_date(agreement.due_on)
    facts = [(_("Who"), owner or _("Nobody yet"), owner is None),
             (_("From") if agreement.due_is_start else _("By"), due or _("No date yet"),
              due is None),
             (_("Kind"), str(KINDS[agreement.kind.value]), False)]
    if agreement.status is not AgreementStatus.OPEN:
        status = str(STATUSES[agreement.status.value])
        if agreement.status is AgreementStatus.DONE and agreement.done_on:
            status = _("%(status)s on %(date)s", status=status,
                       date=long_date(agreement.done_on))
        facts.append((_("Status"), status, False))
    return Item(agreement.description, facts)


def _previous_agreements(conversation):
    """The agreements of the review before, with how they went if that was said."""
    reviews = {r.agreement_id: r for r in db.session.scalars(
        db.select(AgreementReview).where(AgreementReview.conversation_id == conversation.id))}
    agreements = [r.agreement for r in reviews.values()]
    if conversation.previous is not None:
        agreements += [a for a in conversation.previous.agreements if a.id not in reviews
                       and a.status in (AgreementStatus.OPEN, AgreementStatus.CARRIED)]
    items = []
    for agreement in sorted(agreements, key=lambda a: a.id):
        item = agreement_item(agreement.conversation, agreement)
        review = reviews.get(agreement.id)
        verdict = review.verdict if review else None
        item.facts.append((_("How it went"),
                           str(VERDICTS[verdict.value]) if verdict else _("Not reviewed"),
                           verdict is None))
        item.comment = (review.comment or None) if review else None
        items.append(item)
    return items


def _answers(conversation, phase):
    """(question, answer or None, the coach's questions noted there) per question."""
    texts = conversation.answer_texts()
    notes = conversation.coach_notes_by_question()
    return [(str(q.text), texts.get(q.key) or None, [n.text for n in notes.get(q.key, [])])
            for q in phase.questions]


def build(conversation):
    past = [g for g in conversation.goals if g.period is not GoalPeriod.COMING]
    coming = [g for g in conversation.goals if g.period is GoalPeriod.COMING]
    parts = [
        Part(LOOKING_BACK.slug, str(LOOKING_BACK.title), [
            Group(_("Goals of the past period"), [_goal(g) for g in past],
                  _("No goals were recorded.")),
            Group(_("Agreements of the previous review"), _previous_agreements(conversation),
                  _("There were no agreements from a previous review.")),
        ], _answers(conversation, LOOKING_BACK)),
        Part(LOOKING_AHEAD.slug, str(LOOKING_AHEAD.title), [
            Group(_("Goals for the coming period"), [_goal(g) for g in coming],
                  _("No goals were set for the coming period.")),
        ], _answers(conversation, LOOKING_AHEAD)),
        Part(AGREEMENTS.slug, str(AGREEMENTS.title), [
            Group(_("Agreements for the coming period"),
                  [agreement_item(conversation, a) for a in conversation.agreements],
                  _("No agreements were made.")),
        ], _answers(conversation, AGREEMENTS)),
    ]
    lead = _("%(date)s, with %(manager)s", date=format_date(conversation.held_on, "full"),
             manager=conversation.manager.name)
    if conversation.period_start and conversation.period_end:
        lead += " · " + _("looking back on %(start)s to %(end)s",
                          start=long_date(conversation.period_start),
                          end=long_date(conversation.period_end))
    completed = long_date(conversation.completed_at.date()) \
        if conversation.status is Status.COMPLETED and conversation.completed_at else None
    from .models import Reopening
    reopenings = db.session.scalars(
        db.select(Reopening).where(Reopening.conversation_id == conversation.id)
        .order_by(Reopening.at.desc(), Reopening.id.desc())).all()
    manager = conversation.manager_signed_by.name if conversation.manager_signed_by \
        else conversation.manager.name
    return Summary(
        conversation=conversation,
        title=_("Summary of the progress review of %(name)s",
                name=conversation.employee.name),
        lead=lead, completed=completed, parts=parts,
        next_review=format_date(conversation.next_evaluation_on, "full")
        if conversation.next_evaluation_on else None,
        reaction=conversation.employee_reaction or None,
        signatures=[Signature("manager", manager, conversation.manager_signed_at),
                    Signature("employee", conversation.employee.name,
                              conversation.employee_signed_at)],
        reopenings=reopenings,
    )
