"""What a person's timeline shows, computed once per request in a few queries."""
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _l
from flask_babel import to_user_timezone
from sqlalchemy.orm import selectinload

from ..conversations.models import (Agreement, AgreementReview, AgreementStatus,
                                    Conversation, GoalPeriod, Outcome, Verdict, reviews_of)
from ..extensions import db
from ..followup.models import CheckIn

# One label per enum member, for this page.
LABELS = {
    Outcome.MET: _l("Met"),
    Outcome.PARTLY: _l("Partly met"),
    Outcome.NOT_MET: _l("Not met"),
    AgreementStatus.OPEN: _l("Open"),
    AgreementStatus.DONE: _l("Done"),
    AgreementStatus.DROPPED: _l("Dropped"),
    AgreementStatus.CARRIED: _l("Carried into the next review"),
    Verdict.DONE: _l("Done"),
    Verdict.PARTLY: _l("Partly done"),
    Verdict.NOT_DONE: _l("Not done"),
    "not_discussed": _l("Not discussed yet"),
    "coming": _l("Set for the coming period"),
}


@dataclass
class AgreementLine:
    agreement: Agreement
    carried_into: Conversation | None = None
    reviews: list[AgreementReview] = field(default_factory=list)


@dataclass
class Entry:
    """A review or a check-in on the timeline."""

    day: date
    review: Conversation | None = None
    check_in: CheckIn | None = None
    agreements: list[AgreementLine] = field(default_factory=list)


@dataclass
class GoalStep:
    review: Conversation
    label: str


@dataclass
class GoalCourse:
    """One goal followed through the reviews it came back in, oldest first."""

    description: str
    steps: list[GoalStep]


@dataclass
class Timeline:
    entries: list[Entry]
    goals: list[GoalCourse]

    @property
    def empty(self):
        return not self.entries


def build_timeline(person):
    reviews = db.session.scalars(reviews_of(person.id).options(
        selectinload(Conversation.goals), selectinload(Conversation.agreements),
        selectinload(Conversation.manager))).all()
    lines = _agreement_lines(reviews)
    entries = [Entry(day=r.held_on, review=r, agreements=lines[r.id]) for r in reviews]
    entries += [Entry(day=_check_in_day(c), check_in=c) for c in _check_ins(person)]
    entries.sort(key=lambda e: (e.day, e.review is not None,
                                (e.review or e.check_in).id), reverse=True)
    return Timeline(entries=entries, goals=_goal_courses(reviews))


def _check_ins(person):
    return db.session.scalars(db.select(CheckIn).where(CheckIn.employee_id == person.id)
                              .options(selectinload(CheckIn.manager))).all()


def _check_in_day(check_in):
    if check_in.held_at is not None:
        return to_user_timezone(check_in.held_at).date()
    return check_in.planned_on


def _agreement_lines(reviews):
    """Per review its agreements, each with the review it was carried into and what
    later reviews said of it (two passes over the person's agreements, one query)."""
    agreements = [a for review in reviews for a in review.agreements]
    carried = {a.carried_from_id: a.conversation for a in agreements
               if a.carried_from_id is not None}
    verdicts = {}
    if agreements:
        rows = db.session.scalars(
            db.select(AgreementReview)
            .where(AgreementReview.agreement_id.in_([a.id for a in agreements]))
            .options(selectinload(AgreementReview.conversation)))
        for row in rows:
            verdicts.setdefault(row.agreement_id, []).append(row)
    return {review.id: [AgreementLine(a, carried.get(a.id), verdicts.get(a.id, []))
                        for a in review.agreements] for review in reviews}


def _goal_courses(reviews):
    """Follow each goal back along carried_from_id; newest course first."""
    goals = {g.id: g for review in reviews for g in review.goals}
    carried_on = {g.carried_from_id for g in goals.values()}
    courses = []
    for newest in goals.values():
        if newest.id in carried_on:
            continue  # not the end of its chain
        chain, seen, goal = [], set(), newest
        while goal is not None and goal.id not in seen:
            seen.add(goal.id)
            chain.append(goal)
            goal = goals.get(goal.carried_from_id)
        chain.reverse()
        courses.append((newest, GoalCourse(newest.description,
                                           [GoalStep(g.conversation, _goal_label(g))
                                            for g in chain])))
    courses.sort(key=lambda pair: (pair[0].conversation.held_on,
                                   pair[0].conversation.id, pair[0].id), reverse=True)
    return [course for _newest, course in courses]


def _goal_label(goal):
    if goal.outcome is not None:
        return LABELS[goal.outcome]
    if goal.period == GoalPeriod.COMING:
        return LABELS["coming"]
    return LABELS["not_discussed"]
