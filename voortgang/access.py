"""Who may see and change what. Every view asks here; nothing else decides.

A review belongs to two people: the employee, and the manager who holds it. The
employee's current manager may see and change it too (a review can be held by a
stand-in). The employee reads their reviews and writes their own reaction. HR
administrators manage people and accounts and see that reviews happen, not what
was said in them.
"""
from flask import abort
from flask_login import current_user

from .extensions import db
from .people.models import Person


def viewer_person_id():
    return current_user.person_id if current_user.is_authenticated else None


def is_admin():
    return current_user.is_authenticated and current_user.is_admin


def manages(person):
    """The viewer is this person's manager."""
    me = viewer_person_id()
    return me is not None and person.manager_id == me


def may_see_person(person):
    return is_admin() or person.id == viewer_person_id() or manages(person)


def may_see_review(conversation):
    me = viewer_person_id()
    return me is not None and (me in (conversation.employee_id, conversation.manager_id)
                               or manages(conversation.employee))


def may_see_history(conversation):
    """Who changed what and when, without a word of the review: its people, and HR."""
    return is_admin() or may_see_review(conversation)


def may_edit_review(conversation):
    """The manager's side: answers, goals, agreements, completing it."""
    me = viewer_person_id()
    return me is not None and (me == conversation.manager_id
                               or manages(conversation.employee))


def may_write_reaction(conversation):
    """The employee's own words: theirs alone."""
    return viewer_person_id() == conversation.employee_id


def may_change_person(person):
    """HR changes people and their accounts; an anonymised person stays as they are."""
    return is_admin() and person.anonymised_at is None


def person_or_404(person_id):
    person = db.session.get(Person, person_id)
    if person is None or not may_see_person(person):
        abort(404)
    return person


def visible_people():
    """The people the viewer may open: everyone for HR, else themselves and their reports."""
    query = db.select(Person).order_by(Person.name)
    if not is_admin():
        me = viewer_person_id()
        query = query.where((Person.id == me) | (Person.manager_id == me))
    return query


def require_admin():
    if not is_admin():
        abort(404)


# --- Preparation and private notes (issue 9) ------------------------------------------
# Each side prepares the review's questions and keeps notes for themselves alone: the
# employee, and the manager's side (the manager of the review, or the employee's
# current manager). Nobody else sees them, not the other side and not HR.

def may_prepare(conversation):
    """The viewer may write their own preparation and private notes for this review."""
    return may_write_reaction(conversation) or may_edit_review(conversation)


def may_change_preparation(conversation):
    """Writing and sharing one's own preparation stops once both signed the review."""
    return may_prepare(conversation) and not conversation.signed_off


def may_share_prepared(conversation):
    """Bringing one's own prepared answer into the shared conversation. The employee
    may do this too, though they do not otherwise change the review's answers."""
    return may_change_preparation(conversation)
