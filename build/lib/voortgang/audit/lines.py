"""Lines of the audit trail as a person reads them, in the interface language."""
from dataclasses import dataclass
from datetime import date, datetime

from babel.lists import format_list
from flask_babel import format_date, get_locale, gettext
from flask_babel import lazy_gettext as _l

from ..conversations.questions import PHASES
from ..extensions import db
from .models import Action, AuditEvent

QUESTIONS = {q.key: q.text for phase in PHASES for q in phase.questions}

FIELDS = {
    "description": _l("description"),
    "kind": _l("kind"),
    "outcome": _l("result"),
    "owner": _l("who does it"),
    "owner_name": _l("name of someone else"),
    "due_on": _l("due date"),
    "status": _l("status"),
}

EXPORTS = {"page": _l("as a page"), "json": _l("as a JSON file")}


@dataclass(frozen=True)
class Line:
    at: datetime
    who: str
    what: str
    detail: str | None
    review_id: int | None


def _detail(event):
    if not event.item:
        return None
    if event.action is Action.ANSWER_CHANGED:
        return str(QUESTIONS.get(event.item, event.item))
    if event.action is Action.DATA_EXPORTED:
        return str(EXPORTS.get(event.item, event.item))
    if event.action in FOLLOW_UP:
        return FOLLOW_UP[event.action](event.item)
    fields = [str(FIELDS.get(name, name)) for name in event.item.split()]
    return format_list(fields, locale=get_locale())


def _day(text):
    """An ISO date of the trail as the reader writes dates; '-' means none."""
    try:
        return format_date(date.fromisoformat(text), "long")
    except (TypeError, ValueError):
        return gettext("no date")


def _moved(item):
    old, _, new = item.partition(" ")
    return gettext("from %(old)s to %(new)s", old=_day(old), new=_day(new))


def _done(item):
    return gettext("done on %(date)s", date=_day(item))


# "Due date moved from X to Y" and "marked done on D", by whoever did it.
FOLLOW_UP = {Action.AGREEMENT_MOVED: _moved, Action.AGREEMENT_DONE: _done}


def line(event):
    return Line(event.at, event.who, str(event.action.label), _detail(event),
                event.conversation_id)


def _lines(query):
    return [line(event) for event in db.session.scalars(
        query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()))]


def review_lines(conversation):
    return _lines(db.select(AuditEvent)
                  .where(AuditEvent.conversation_id == conversation.id))


def person_lines(person):
    """HR's actions about one person: exports, anonymisation, accounts and links."""
    return _lines(db.select(AuditEvent).where(AuditEvent.person_id == person.id))
