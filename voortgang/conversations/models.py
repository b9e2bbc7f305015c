"""A progress review and what it keeps: answers, goals and agreements."""
import enum
from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, String, Text, UniqueConstraint
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
    # The review before this one: its goals and agreements come back here (later issue).
    previous_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversation.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    employee: Mapped[Person] = relationship(foreign_keys=[employee_id])
    manager: Mapped[Person] = relationship(foreign_keys=[manager_id])
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

    def answer_texts(self):
        """Map question key to the text answered so far."""
        return {a.question_key: a.text for a in self.answers}


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

    conversation: Mapped[Conversation] = relationship(back_populates="goals")


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
    kind: Mapped[AgreementKind] = mapped_column(
        _enum(AgreementKind), default=AgreementKind.OTHER
    )
    status: Mapped[AgreementStatus] = mapped_column(
        _enum(AgreementStatus), default=AgreementStatus.OPEN
    )
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    conversation: Mapped[Conversation] = relationship(back_populates="agreements")
