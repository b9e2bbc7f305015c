"""Every change to a review is recorded here, and only here: one listener on the
session looks at what a flush wrote, so no view has to remember to log.

It listens after the flush: new goals and reviews have their ids then, and each
object's history still tells what changed. The lines go in with plain SQL on the
flush's own connection, in the same transaction. The actor is the logged-in
account during a request, else the system (a command).
"""
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from flask import has_request_context
from flask_login import current_user
from sqlalchemy import event, inspect, insert, select, update

from ..conversations.models import Agreement, Answer, Conversation, Goal, Status
from ..extensions import db
from ..people.models import utcnow
from .models import Action, Actor, AuditEvent

# Autosave writes about every second while someone types: one line per stretch.
COALESCE_WITHIN = timedelta(minutes=10)

# What is worth a line, per kind of item: (added, changed, removed), and the fields.
ITEMS = {
    Goal: ((Action.GOAL_ADDED, Action.GOAL_CHANGED, Action.GOAL_REMOVED),
           ("description", "kind", "outcome")),
    Agreement: ((Action.AGREEMENT_ADDED, Action.AGREEMENT_CHANGED,
                 Action.AGREEMENT_REMOVED),
                ("description", "owner", "owner_name", "due_on", "kind", "status")),
}
_PAUSED = "audit_paused"
_TABLE = AuditEvent.__table__


@dataclass(frozen=True)
class Change:
    action: Action
    conversation_id: int | None = None
    person_id: int | None = None
    item: str | None = None
    item_id: int | None = None


def _changed_fields(obj, names):
    state = inspect(obj)
    return [name for name in names if state.attrs[name].history.has_changes()]


def _review_changes(review):
    changes = []
    if _changed_fields(review, ["next_evaluation_on"]):
        changes.append(Action.NEXT_EVALUATION_CHANGED)
    if _changed_fields(review, ["status"]) and review.status is Status.COMPLETED:
        changes.append(Action.COMPLETED)
    if _changed_fields(review, ["employee_reaction"]):
        changes.append(Action.REACTION_WRITTEN)
    return [Change(action, review.id) for action in changes]


def _changes(session):
    """What this flush did to reviews, as lines for the trail."""
    started = {obj.id for obj in session.new if isinstance(obj, Conversation)}
    changes = [Change(Action.REVIEW_STARTED, review_id) for review_id in started]
    for state, objects in (("new", session.new), ("dirty", session.dirty),
                           ("deleted", session.deleted)):
        for obj in objects:
            if isinstance(obj, Conversation):
                changes += _review_changes(obj) if state == "dirty" else []
            elif getattr(obj, "conversation_id", None) in started:
                continue  # what a review starts with is part of starting it
            elif isinstance(obj, Answer):
                changes += _answer_change(obj, state)
            elif type(obj) in ITEMS:
                changes += _item_change(obj, state)
    # A review deleted in the same flush takes its lines with it.
    gone = {obj.id for obj in session.deleted if isinstance(obj, Conversation)}
    return [change for change in changes if change.conversation_id not in gone]


def _answer_change(answer, state):
    if state == "new" or (state == "dirty" and _changed_fields(answer, ["text"])):
        return [Change(Action.ANSWER_CHANGED, answer.conversation_id,
                       item=answer.question_key)]
    return []


def _item_change(obj, state):
    (added, changed, removed), fields = ITEMS[type(obj)]
    if state == "new":
        return [Change(added, obj.conversation_id, item_id=obj.id)]
    if state == "deleted":
        return [Change(removed, obj.conversation_id, item_id=obj.id)]
    which = _changed_fields(obj, fields)
    return [Change(changed, obj.conversation_id, item=" ".join(which), item_id=obj.id)] \
        if which else []


def _current_actor():
    if has_request_context() and current_user.is_authenticated:
        return Actor.PERSON, current_user.id, current_user.person.name
    return Actor.SYSTEM, None, None


def _write(connection, changes):
    actor, account_id, name = _current_actor()
    now = utcnow()
    for change in changes:
        same = dict(actor=actor, account_id=account_id, action=change.action,
                    conversation_id=change.conversation_id, person_id=change.person_id,
                    item=change.item, item_id=change.item_id)
        recent = connection.scalar(
            select(_TABLE.c.id)
            .where(*[_TABLE.c[key] == value for key, value in same.items()],
                   _TABLE.c.at >= now - COALESCE_WITHIN)
            .order_by(_TABLE.c.at.desc()).limit(1))
        if recent is not None:
            connection.execute(update(_TABLE).where(_TABLE.c.id == recent).values(at=now))
        else:
            connection.execute(insert(_TABLE).values(at=now, actor_name=name, **same))


@event.listens_for(db.session, "after_flush")
def _record_flush(session, _flush_context):
    if session.info.get(_PAUSED):
        return
    changes = _changes(session)
    if changes:
        _write(session.connection(), changes)


def record(action, conversation=None, person=None, item=None, item_id=None):
    """A line for what no flush of review content shows: exports, erasures, an
    agreement's follow-up (with its dates)."""
    _write(db.session.connection(), [Change(
        action, conversation_id=conversation.id if conversation else None,
        person_id=person.id if person else None, item=item, item_id=item_id)])


@contextmanager
def paused():
    """Changes made inside are not recorded line by line (an anonymisation rewrites
    every text of a review; one line says so instead)."""
    db.session.flush()
    db.session.info[_PAUSED] = True
    try:
        yield
        db.session.flush()
    finally:
        db.session.info.pop(_PAUSED, None)
