"""One line of the audit trail: when, who, which review (or person), what kind of change.

The line never copies what was written: the kind of change and a short field name
(a question's key, the fields of a goal that changed) say enough, and the text
stays in the one place HR may not read.
"""
import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Timestamp, db
from ..people.models import utcnow


def _enum(cls):
    return Enum(cls, native_enum=False, length=30, validate_strings=True,
                values_callable=lambda members: [m.value for m in members])


class Actor(enum.Enum):
    """Who did it: a logged-in person (named), the system (a command, a script), or
    a person whose name was removed since (deleted or anonymised)."""

    PERSON = "person"
    SYSTEM = "system"
    ERASED = "erased"

    @property
    def label(self):
        return {Actor.PERSON: _l("A person"), Actor.SYSTEM: _l("The system"),
                Actor.ERASED: _l("Anonymised person")}[self]


class Action(enum.Enum):
    REVIEW_STARTED = "review_started"
    ANSWER_CHANGED = "answer_changed"
    GOAL_ADDED = "goal_added"
    GOAL_CHANGED = "goal_changed"
    GOAL_REMOVED = "goal_removed"
    AGREEMENT_ADDED = "agreement_added"
    AGREEMENT_CHANGED = "agreement_changed"
    AGREEMENT_REMOVED = "agreement_removed"
    NEXT_EVALUATION_CHANGED = "next_evaluation_changed"
    COMPLETED = "completed"
    REACTION_WRITTEN = "reaction_written"
    # About the person: their review, deleted as a draft nobody had started.
    DRAFT_DELETED = "draft_deleted"
    NAMES_REMOVED = "names_removed"
    # About a person rather than one review: HR's answers to privacy requests.
    DATA_EXPORTED = "data_exported"
    PERSON_ANONYMISED = "person_anonymised"
    PERSON_DELETED = "person_deleted"
    # HR's account work: a one-time link lets HR set a password, so it leaves a trace.
    ACCOUNT_CREATED = "account_created"
    LINK_ISSUED = "link_issued"
    PASSWORD_SET = "password_set"
    ACCOUNT_OFF = "account_switched_off"
    ACCOUNT_ON = "account_switched_on"
    # Follow-up between reviews: the dates are in `item` (no words of the review).
    AGREEMENT_DONE = "agreement_done"
    AGREEMENT_MOVED = "agreement_moved"
    # Sign-off: each side confirms the summary; reopening clears both (reason kept apart).
    SIGNED_BY_MANAGER = "signed_by_manager"
    SIGNED_BY_EMPLOYEE = "signed_by_employee"
    REOPENED = "reopened"

    @property
    def label(self):
        return _LABELS[self]


_LABELS = {
    Action.REVIEW_STARTED: _l("Review started"),
    Action.ANSWER_CHANGED: _l("Answer changed"),
    Action.GOAL_ADDED: _l("Goal added"),
    Action.GOAL_CHANGED: _l("Goal changed"),
    Action.GOAL_REMOVED: _l("Goal removed"),
    Action.AGREEMENT_ADDED: _l("Agreement added"),
    Action.AGREEMENT_CHANGED: _l("Agreement changed"),
    Action.AGREEMENT_REMOVED: _l("Agreement removed"),
    Action.NEXT_EVALUATION_CHANGED: _l("Date of the next evaluation changed"),
    Action.COMPLETED: _l("Review completed"),
    Action.REACTION_WRITTEN: _l("Reaction of the employee written"),
    Action.DRAFT_DELETED: _l("Unstarted review deleted"),
    Action.NAMES_REMOVED: _l("Names replaced by a label (anonymisation)"),
    Action.DATA_EXPORTED: _l("All data exported"),
    Action.PERSON_ANONYMISED: _l("Person anonymised"),
    Action.PERSON_DELETED: _l("Person's data deleted"),
    Action.ACCOUNT_CREATED: _l("Account made, with a one-time link"),
    Action.LINK_ISSUED: _l("New one-time link issued; the old password ended"),
    Action.PASSWORD_SET: _l("Password chosen with a one-time link"),
    Action.ACCOUNT_OFF: _l("Account switched off"),
    Action.ACCOUNT_ON: _l("Account switched on"),
    Action.AGREEMENT_DONE: _l("Agreement marked done"),
    Action.AGREEMENT_MOVED: _l("Due date of an agreement moved"),
    Action.SIGNED_BY_MANAGER: _l("Summary confirmed by the manager"),
    Action.SIGNED_BY_EMPLOYEE: _l("Summary confirmed by the employee"),
    Action.REOPENED: _l("Review reopened for changes; both confirmations cleared"),
}


class AuditEvent(db.Model):
    """Something that happened to a review (or, for privacy requests, to a person).

    Autosaves coalesce: the same person changing the same thing again within a few
    minutes moves the time of their line instead of adding one.
    """

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    actor: Mapped[Actor] = mapped_column(_enum(Actor), default=Actor.PERSON)
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), index=True)
    # The name at the time, so the line still says who after the account is gone.
    actor_name: Mapped[str | None] = mapped_column(String(120))
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True)
    action: Mapped[Action] = mapped_column(_enum(Action))
    # A question's key, or the fields of a goal or agreement that changed.
    item: Mapped[str | None] = mapped_column(String(60))
    item_id: Mapped[int | None]

    @property
    def who(self):
        return self.actor_name if self.actor is Actor.PERSON else self.actor.label
