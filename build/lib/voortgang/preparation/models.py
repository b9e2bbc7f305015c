"""What each side writes for themselves: preparation before, private notes during."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..conversations.models import Conversation
from ..extensions import Timestamp, db
from ..people.models import Person, utcnow


class PreparedAnswer(db.Model):
    """One side's own answer to a question, written before the meeting.

    Private to its author until they bring it into the shared conversation.
    """

    __tablename__ = "prepared_answer"
    __table_args__ = (UniqueConstraint("conversation_id", "author_id", "question_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    question_key: Mapped[str] = mapped_column(String(60))
    text: Mapped[str] = mapped_column(Text, default="")
    # When the author brought it into the conversation; None while it is theirs alone.
    shared_at: Mapped[datetime | None] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    conversation: Mapped[Conversation] = relationship()
    author: Mapped[Person] = relationship()


class PrivateNote(db.Model):
    """A note one of the two keeps during the meeting: theirs alone, never on the summary."""

    __tablename__ = "private_note"
    __table_args__ = (UniqueConstraint("conversation_id", "author_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversation.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"),
                                           index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)

    conversation: Mapped[Conversation] = relationship()
    author: Mapped[Person] = relationship()
