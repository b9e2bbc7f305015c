"""People: employees and the managers they report to."""
from datetime import datetime, timezone

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Timestamp, db


def utcnow():
    return datetime.now(timezone.utc)


class Person(db.Model):
    """Someone who takes part in reviews, as employee, as manager or both.

    Accounts and roles (a later issue) hang off a person; a person is not a login.
    """

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    job_title: Mapped[str | None] = mapped_column(String(120))
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)

    manager: Mapped["Person | None"] = relationship(
        remote_side=[id], back_populates="reports"
    )
    reports: Mapped[list["Person"]] = relationship(
        back_populates="manager", order_by="Person.name"
    )

    def __repr__(self):
        return f"<Person {self.id} {self.name!r}>"
