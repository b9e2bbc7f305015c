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


def may_see_timeline(person):
    """A person's timeline shows what was said in their reviews: the person and their
    manager only, not HR (unless it is their own)."""
    return person.id == viewer_person_id() or manages(person)
# --- Follow-up between reviews (issue 9) ----------------------------------------------

def may_follow_up(agreement):
    """Mark an agreement done or move its due date, also after the review was signed
    off (the follow-up is not the review's content being rewritten): the review's
    manager side, or the employee for their own review's agreements. Not HR."""
    review = agreement.conversation
    return may_edit_review(review) or viewer_person_id() == review.employee_id


def may_see_check_in(check_in):
    """An interim check-in is read by its employee and the manager side; HR does not
    read it (404), nor does anyone else."""
    me = viewer_person_id()
    return me is not None and (me in (check_in.employee_id, check_in.manager_id)
                               or manages(check_in.employee))


def may_hold_check_in(check_in):
    """Writing the note and the next step, holding or deleting it: the manager side."""
    me = viewer_person_id()
    return me is not None and (me == check_in.manager_id or manages(check_in.employee))


def may_plan_check_in(person):
    """The person's manager plans interim check-ins from the person's page."""
    return manages(person)
# --- Sign-off: each side confirms the summary; what is confirmed stays as it was ---

def review_locked(conversation):
    """Someone confirmed the summary: its content stays as confirmed, so that both
    confirm the same text, until the manager's side reopens it."""
    return (conversation.manager_signed_at is not None
            or conversation.employee_signed_at is not None)


def reaction_locked(conversation):
    """The employee's reaction stays theirs to write until they confirm."""
    return conversation.employee_signed_at is not None


def sign_side(conversation, even_if_signed=False):
    """Which side the viewer confirms for ("manager" or "employee"), if any: only a
    completed review is confirmed, and each side once."""
    from .conversations.models import Status
    if conversation.status is not Status.COMPLETED and not even_if_signed:
        return None
    if viewer_person_id() == conversation.employee_id:
        side, signed = "employee", conversation.employee_signed_at
    elif may_edit_review(conversation):
        side, signed = "manager", conversation.manager_signed_at
    else:
        return None
    return side if even_if_signed or signed is None else None


def may_reopen_review(conversation, even_if_open=False):
    """The manager's side reopens a confirmed review (with a reason)."""
    return may_edit_review(conversation) and (even_if_open or review_locked(conversation))
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
    may do this too, though they do not otherwise change the review's answers. It
    changes the shared answers, so it stops as soon as one side confirmed (not only
    once both did): both must confirm the same text."""
    return may_change_preparation(conversation) and not review_locked(conversation)
