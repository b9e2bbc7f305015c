"""Removing a person on request: delete what can go, anonymise what has to stay.

Delete takes the account and every review where the person is the employee, with
all that was said in it and its history. If other people's reviews or a team still
point at the person (they held reviews or manage someone), the person cannot go
altogether and is anonymised instead. Anonymise keeps the reviews, so HR can still
see that reviews happen, but what named the person in them no longer does.
"""
import re
from dataclasses import dataclass

from flask_babel import force_locale, gettext
from sqlalchemy import or_, update

from ..audit.models import Action, Actor, AuditEvent
from ..audit.recorder import paused, record
from ..conversations.models import Conversation
from ..extensions import db
from ..i18n import FORMATS
from ..people.models import Person, utcnow
from ..rules import detect_language


@dataclass(frozen=True)
class Plan:
    """What erasing this person will do, worked out before HR confirms."""

    person: Person
    delete: bool       # HR asked to delete; otherwise to anonymise
    own_reviews: int   # where they are the employee
    held_reviews: int  # where they were the manager of someone else
    reports: int       # people who have them as manager

    @property
    def person_stays(self):
        """Others' reviews or a team point at the person: the row stays, anonymised."""
        return not self.delete or self.held_reviews > 0 or self.reports > 0

    @property
    def kept_reviews(self):
        return self.held_reviews + (0 if self.delete else self.own_reviews)


def _count(*conditions):
    return db.session.scalar(db.select(db.func.count(Conversation.id)).where(*conditions))


def plan(person, delete):
    return Plan(person, delete,
                own_reviews=_count(Conversation.employee_id == person.id),
                held_reviews=_count(Conversation.manager_id == person.id,
                                    Conversation.employee_id != person.id),
                reports=len(person.reports))


def carry_out(plan):
    """Do what the plan says, and record that HR did it; the caller commits."""
    person = plan.person
    with paused():
        if person.account is not None:
            _forget_as_actor(person.account)
            db.session.delete(person.account)
        if plan.delete:
            for review in db.session.scalars(
                    db.select(Conversation).where(Conversation.employee_id == person.id)):
                db.session.delete(review)
        db.session.flush()
        if plan.person_stays:
            reviews = _anonymise(person)
        else:
            db.session.delete(person)
            reviews = []
    for review in reviews:
        record(Action.NAMES_REMOVED, conversation=review)
    record(Action.PERSON_DELETED if plan.delete else Action.PERSON_ANONYMISED,
           person=person if plan.person_stays else None)


def _forget_as_actor(account):
    """Lines of the trail that name the person as who did it keep the line, not
    the name."""
    db.session.execute(update(AuditEvent).where(AuditEvent.account_id == account.id)
                       .values(actor=Actor.ERASED, actor_name=None, account_id=None))


def _anonymise(person):
    """The name becomes a label, job title and manager go; in the reviews the person
    appears in, their name is replaced by the label too."""
    names = name_pattern(person.stored_name)
    reviews = db.session.scalars(db.select(Conversation).where(or_(
        Conversation.employee_id == person.id, Conversation.manager_id == person.id))
        .order_by(Conversation.id)).all()
    for review in reviews:
        _replace_names(review, names, person.id)
    with force_locale(FORMATS["nl"]):  # stored once; `Person.name` shows it translated
        person.name = gettext("Anonymised person %(number)d", number=person.id)
    person.anonymised_at = utcnow()
    person.job_title = None
    person.manager_id = None
    return reviews


def name_pattern(full_name):
    """The full name (in any case) and the first name (as written), as whole words:
    'Jannie', 'Janssen' and 'Jan-Willem' are other people. A first name right after
    a day number is a month ('15 Jan'), not a person."""
    parts = full_name.split()
    full = r"\s+".join(map(re.escape, parts))
    first = re.escape(parts[0]) if len(parts) > 1 else None
    names = rf"(?i:{full})" + (rf"|(?<!\d )(?<!\d\u00a0){first}" if first else "")
    return re.compile(rf"(?<![\w-])(?:{names})(?![\w-])")


def _label_in_language_of(text, number):
    with force_locale(FORMATS[detect_language(text)]):
        return gettext("Anonymised person %(number)d", number=number)


def replace_names(text, names, number, limit=None):
    """The text with the person's names replaced by the label in the text's own
    language; cut to the column's length if the label made it too long."""
    if not text or not names.search(text):
        return text
    label = _label_in_language_of(text, number)
    return names.sub(lambda _match: label, text)[:limit]


def _replace_names(review, names, number):
    for answer in (*review.answers, *review.coach_notes):  # a note may quote a goal
        answer.text = replace_names(answer.text, names, number)
    for item in (*review.goals, *review.agreements):
        item.description = replace_names(item.description, names, number,
                                         _length(type(item).description))
    for agreement in review.agreements:
        agreement.owner_name = replace_names(agreement.owner_name, names, number,
                                             _length(type(agreement).owner_name))
    review.employee_reaction = replace_names(review.employee_reaction, names, number)


def _length(attribute):
    return attribute.property.columns[0].type.length
