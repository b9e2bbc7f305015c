"""Interim check-ins between two reviews."""
from datetime import date, datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..conversations.models import Conversation
from ..extensions import Timestamp, db
from ..people.models import Person, utcnow


class CheckIn(db.Model):
    """A short interim conversation between two reviews: open agreements, a note, a
    next step."""

    __tablename__ = "check_in"

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                             index=True)
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True)
    # The review whose agreements it follows up.
    review_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversation.id", ondelete="SET NULL"), index=True)
    planned_on: Mapped[date]
    held_at: Mapped[datetime | None] = mapped_column(Timestamp)
    note: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    employee: Mapped[Person] = relationship(foreign_keys=[employee_id])
    manager: Mapped[Person | None] = relationship(foreign_keys=[manager_id])
    review: Mapped[Conversation | None] = relationship()
