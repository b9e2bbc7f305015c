"""People: employees and the managers they report to."""
from datetime import datetime, timezone

from flask_babel import gettext
from sqlalchemy import ForeignKey, String
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Timestamp, db


def utcnow():
    return datetime.now(timezone.utc)


class Person(db.Model):
    """Someone who takes part in reviews, as employee, as manager or both.

    An account hangs off a person; a person is not a login. Once anonymised (on
    request, by HR) the person's name is a label, which says so wherever it shows.
    """

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    # As stored; read `name`, which gives the label once the person is anonymised.
    stored_name: Mapped[str] = mapped_column("name", String(120))
    job_title: Mapped[str | None] = mapped_column(String(120))
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    anonymised_at: Mapped[datetime | None] = mapped_column(Timestamp)

    manager: Mapped["Person | None"] = relationship(
        remote_side=[id], back_populates="reports"
    )
    reports: Mapped[list["Person"]] = relationship(
        back_populates="manager", order_by="Person.stored_name"
    )

    @hybrid_property
    def name(self):
        if self.anonymised_at is not None:
            return anonymised_label(self.id)
        return self.stored_name

    @name.inplace.setter
    def _name_setter(self, value):
        self.stored_name = value

    @name.inplace.expression
    @classmethod
    def _name_expression(cls):
        return cls.stored_name

    def __repr__(self):
        return f"<Person {self.id} {self.name!r}>"


def anonymised_label(number):
    """What is left of an anonymised person's name, in the interface language."""
    return gettext("Anonymised person %(number)d", number=number)
