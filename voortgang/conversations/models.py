"""A progress review and what it keeps: answers, goals and agreements."""
import enum
from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Timestamp, db
from ..people.models import Person, utcnow


def _enum(cls):
    # Store the enum's value as a short string: portable across SQLite and PostgreSQL.
    return Enum(cls, native_enum=False, length=20, validate_strings=True,
                values_callable=lambda members: [m.value for m in members])


class Status(enum.Enum):
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class GoalKind(enum.Enum):
    JOB = "job"
    PERSONAL = "personal"


class Outcome(enum.Enum):
    MET = "met"
    PARTLY = "partly"
    NOT_MET = "not_met"


class Owner(enum.Enum):
    EMPLOYEE = "employee"
    MANAGER = "manager"
    BOTH = "both"
    OTHER = "other"


class AgreementKind(enum.Enum):
    TRAINING = "training"
    COACHING = "coaching"
    ASSESSMENT = "assessment"
    SUPPORT = "support"
    OTHER = "other"


class AgreementStatus(enum.Enum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"
    # Still open at the next review and taken into its agreements as a new one.
    CARRIED = "carried"


class GoalPeriod(enum.Enum):
    """A goal looked back on in this review, or one set for the coming period."""

    PAST = "past"
    COMING = "coming"


class Verdict(enum.Enum):
    """How a previous agreement went, said in the next review."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"


class Conversation(db.Model):
    """One progress review between an employee and their manager."""

    __tablename__ = "conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    held_on: Mapped[date]
    period_start: Mapped[date | None]
    period_end: Mapped[date | None]
    status: Mapped[Status] = mapped_column(_enum(Status), default=Status.DRAFT)
    next_evaluation_on: Mapped[date | None]
    completed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # The employee's own words on the review; only they write here.
    employee_reaction: Mapped[str | None] = mapped_column(Text)
    # Sign-off: each side confirms the summary; once both have, it is read-only.
    manager_signed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    manager_signed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"))
    employee_signed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # The review before this one: its goals and agreements come back here.
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversation.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    employee: Mapped[Person] = relationship(foreign_keys=[employee_id])
    manager: Mapped[Person] = relationship(foreign_keys=[manager_id])
    manager_signed_by: Mapped[Person | None] = relationship(
        foreign_keys=[manager_signed_by_id])
    previous: Mapped["Conversation | None"] = relationship(remote_side=[id])
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan"
    )
    goals: Mapped[list["Goal"]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="Goal.id"
    )
    agreements: Mapped[list["Agreement"]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan",
        order_by="Agreement.id",
    )
    coach_notes: Mapped[list["CoachNote"]] = relationship(
        back_populates="conversation", cascade="all, delete-orphan", order_by="CoachNote.id"
    )

    @property
    def signed_off(self):
        """Both sides confirmed the summary: the review is read-only until reopened."""
        return self.manager_signed_at is not None and self.employee_signed_at is not None

    def answer_texts(self):
        """Map question key to the text answered so far."""
        return {a.question_key: a.text for a in self.answers}

    def coach_notes_by_question(self):
        """Map question key to the coach's questions the two took up there."""
        notes = {}
        for note in self.coach_notes:
            notes.setdefault(note.question_key, []).append(note)
        return notes


def reviews_of(employee_id):
    """A query for an employee's reviews, newest first."""
    return (db.select(Conversation).where(Conversation.employee_id == employee_id)
            .order_by(Conversation.held_on.desc(), Conversation.id.desc()))


def latest_reviews(employee_ids):
    """Each employee's newest review, in one query: {employee id: Conversation}."""
    ranked = db.select(
        Conversation.id,
        db.func.row_number().over(
            partition_by=Conversation.employee_id,
            order_by=(Conversation.held_on.desc(), Conversation.id.desc())).label("rank"),
    ).where(Conversation.employee_id.in_(employee_ids)).subquery()
    newest = db.select(Conversation).join(ranked, ranked.c.id == Conversation.id) \
        .where(ranked.c.rank == 1)
    return {c.employee_id: c for c in db.session.scalars(newest)}


class Answer(db.Model):
    """What was said in reply to one question of the conversation."""

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("conversation_id", "question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE")
    )
    question_key: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="answers")


class CoachNote(db.Model):
    """A follow-up question of the coach that the two took up: kept as the review's
    own note beside an answer, never as the employee's words, and once."""

    __tablename__ = "coach_note"
    __table_args__ = (UniqueConstraint("conversation_id", "tip_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True
    )
    tip_key: Mapped[str] = mapped_column(String(120))
    question_key: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="coach_notes")


class Goal(db.Model):
    """A personal or job-related goal looked back on: met, partly met or not met."""

    __tablename__ = "goal"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(String(500))
    kind: Mapped[GoalKind] = mapped_column(_enum(GoalKind), default=GoalKind.JOB)
    outcome: Mapped[Outcome | None] = mapped_column(_enum(Outcome))
    period: Mapped[GoalPeriod] = mapped_column(_enum(GoalPeriod), default=GoalPeriod.PAST)
    # What was said about how it went, in the meeting.
    comment: Mapped[str | None] = mapped_column(Text)
    # The same goal in the review before, when it came back from there.
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("goal.id", ondelete="SET NULL"))

    conversation: Mapped[Conversation] = relationship(back_populates="goals")
    carried_from: Mapped["Goal | None"] = relationship(remote_side=[id])


class Agreement(db.Model):
    """Who does what by when, agreed for the coming period."""

    __tablename__ = "agreement"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(String(1000))
    owner: Mapped[Owner | None] = mapped_column(_enum(Owner))
    owner_name: Mapped[str | None] = mapped_column(String(120))
    due_on: Mapped[date | None]
    # "vanaf 11 december elke twee weken": the date is when it starts, not a deadline.
    due_is_start: Mapped[bool] = mapped_column(default=False, server_default=false())
    kind: Mapped[AgreementKind] = mapped_column(
        _enum(AgreementKind), default=AgreementKind.OTHER
    )
    status: Mapped[AgreementStatus] = mapped_column(
        _enum(AgreementStatus), default=AgreementStatus.OPEN
    )
    # The day it was marked done, on the follow-up page or in the next review.
    done_on: Mapped[date | None]
    # The same agreement in the review before, when it was carried into this one.
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    # A calendar takes a moved deadline by the change of this (the event's SEQUENCE).
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="agreements")
    carried_from: Mapped["Agreement | None"] = relationship(remote_side=[id])


class AgreementReview(db.Model):
    """In a new review: how one agreement of the review before went, and a comment."""

    __tablename__ = "agreement_review"
    __table_args__ = (UniqueConstraint("conversation_id", "agreement_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    verdict: Mapped[Verdict | None] = mapped_column(_enum(Verdict))
    comment: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    conversation: Mapped[Conversation] = relationship()
    agreement: Mapped[Agreement] = relationship()
