"""Reopening a signed-off review is explicit and recorded with its reason."""
from datetime import datetime

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..conversations.models import Conversation
from ..extensions import Timestamp, db
from ..people.models import Person, utcnow


class Reopening(db.Model):
    """A signed-off review opened again: by whom, when and why."""

    __tablename__ = "reopening"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    reason: Mapped[str] = mapped_column(Text)

    conversation: Mapped[Conversation] = relationship()
    person: Mapped[Person | None] = relationship()
