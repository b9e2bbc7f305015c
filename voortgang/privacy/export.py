"""Everything Voortgang stores about one person, as one structure: the page shows it
and the JSON file is it (a request for access under the GDPR).

Never the password hash or a token; of the reviews they held as a manager, only the
date and status, since what was said there is another employee's.
"""
import json
from datetime import date, datetime, timezone

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from ..audit.models import Action, AuditEvent
from ..conversations.models import Conversation, reviews_of
from ..conversations.questions import PHASES
from ..extensions import db
from ..people.models import utcnow
from ..preparation.models import PreparedAnswer, PrivateNote

QUESTIONS = [q for phase in PHASES for q in phase.questions]

# The stored codes as the page shows them (the JSON keeps the codes).
LABELS = {
    "draft": _l("Not started"), "in_progress": _l("In progress"),
    "completed": _l("Completed"), "job": _l("Job-related"), "personal": _l("Personal"),
    "met": _l("Met"), "partly": _l("Partly met"), "not_met": _l("Not met"),
    "employee": _l("Employee"), "manager": _l("Manager"), "both": _l("Both"),
    "other": _l("Someone else"), "training": _l("Training"), "coaching": _l("Coaching"),
    "assessment": _l("Assessment"), "support": _l("Support"), "open": _l("Open"),
    "done": _l("Done"), "dropped": _l("Dropped"), "admin": _l("HR / administrator"),
}


def _value(member):
    return member.value if member is not None else None


def _answers(review):
    said = review.answer_texts()
    asked = [{"question_key": q.key, "question": str(q.text), "answer": said.pop(q.key)}
             for q in QUESTIONS if said.get(q.key)]
    # An answer to a question since retired keeps its key as the question.
    return asked + [{"question_key": key, "question": key, "answer": text}
                    for key, text in sorted(said.items()) if text]


def _review(review):
    return {
        "id": review.id, "held_on": review.held_on, "status": review.status.value,
        "period_start": review.period_start, "period_end": review.period_end,
        "manager": review.manager.name, "completed_at": review.completed_at,
        "answers": _answers(review),
        "coach_notes": [{"question_key": n.question_key, "note": n.text}
                        for n in review.coach_notes],
        "goals": [{"description": g.description, "kind": g.kind.value,
                   "outcome": _value(g.outcome)} for g in review.goals],
        "agreements": [{"description": a.description, "owner": _value(a.owner),
                        "owner_name": a.owner_name, "due_on": a.due_on,
                        "kind": a.kind.value, "status": a.status.value}
                       for a in review.agreements],
        "next_evaluation_on": review.next_evaluation_on,
        "reaction": review.employee_reaction,
    }


def _account(account):
    if account is None:
        return None
    return {"email": account.email, "role": account.role.value, "active": account.active,
            "created_at": account.created_at, "last_login_at": account.last_login_at}


def _held_as_manager(person):
    held = db.select(Conversation).where(Conversation.manager_id == person.id,
                                         Conversation.employee_id != person.id)
    return [{"id": c.id, "held_on": c.held_on, "status": c.status.value}
            for c in db.session.scalars(held.order_by(Conversation.held_on.desc(),
                                                      Conversation.id.desc()))]


def _acted(account):
    if account is None:
        return []
    events = db.select(AuditEvent).where(AuditEvent.account_id == account.id)
    return [{"at": e.at, "action": e.action.value, "review_id": e.conversation_id,
             "person_id": e.person_id, "item": e.item}
            for e in db.session.scalars(events.order_by(AuditEvent.at, AuditEvent.id))]


def _own_preparation(person):
    """What the person wrote for themselves (preparation, private notes), in any review,
    also one they held as manager: it is theirs. The other side's stays out."""
    texts = {q.key: str(q.text) for q in QUESTIONS}
    rows = [{"review_id": a.conversation_id, "held_on": a.conversation.held_on,
             "kind": "preparation", "question_key": a.question_key,
             "question": texts.get(a.question_key, a.question_key), "text": a.text,
             "shared_at": a.shared_at, "updated_at": a.updated_at}
            for a in db.session.scalars(db.select(PreparedAnswer).filter_by(
                author_id=person.id).order_by(PreparedAnswer.id)) if a.text.strip()]
    rows += [{"review_id": n.conversation_id, "held_on": n.conversation.held_on,
              "kind": "private_note", "question_key": None, "question": None,
              "text": n.text, "shared_at": None, "updated_at": n.updated_at}
             for n in db.session.scalars(db.select(PrivateNote).filter_by(
                 author_id=person.id).order_by(PrivateNote.id)) if n.text.strip()]
    return sorted(rows, key=lambda row: (row["held_on"], row["review_id"]))


def export_person(person):
    """The whole structure; dates stay dates until `as_json`."""
    return {
        "exported_at": utcnow(),
        "language": get_locale().language,
        "person": {"id": person.id, "name": person.name, "job_title": person.job_title,
                   "manager": person.manager.name if person.manager else None,
                   "created_at": person.created_at},
        "account": _account(person.account),
        "reviews": [_review(c) for c in db.session.scalars(reviews_of(person.id))],
        "reviews_held_as_manager": _held_as_manager(person),
        "own_preparation_and_notes": _own_preparation(person),
        "changes_made": _acted(person.account),
    }


def _iso(value):
    if isinstance(value, datetime) and value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)  # SQLite hands back naive UTC
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not part of an export")


def as_json(export):
    return json.dumps(export, ensure_ascii=False, indent=2, default=_iso)


ACTIONS = {action.value: action.label for action in Action}
