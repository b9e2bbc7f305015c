"""Each side prepares the review on their own, brings what they choose into the
meeting, and keeps private notes during it. What one writes, only they ever see."""
from datetime import datetime, timezone

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from ..clock import local_today
from ..access import (is_admin, may_change_preparation, may_prepare, may_see_review,
                      may_share_prepared, viewer_person_id)
from ..conversations.models import Answer, Conversation, Status
from ..conversations.questions import ANSWER_MAX_LENGTH, BY_SLUG, PHASES
from ..conversations.views import phase_url, refuse_if_confirmed, render_phase
from ..extensions import db
from ..people.models import Person
from ..rendering import fragment, render, wants_fragment
from .forms import QUESTIONS, NoteForm, PrepareForm
from .models import PreparedAnswer, PrivateNote

bp = Blueprint("preparation", __name__)

ASKED = tuple(phase for phase in PHASES if phase.questions)


def conversation_to_prepare(conversation_id, changing=False):
    """The review, if the viewer is one of the two sides (else 404: HR and everyone
    else see nothing of a preparation); a change needs it not signed off (else 403)."""
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or not may_see_review(conversation) \
            or not may_prepare(conversation):
        abort(404)
    if changing and not may_change_preparation(conversation):
        abort(403)
    return conversation


# --- what the viewer wrote: for the templates -----------------------------------------

@bp.app_template_global()
def my_prepared(conversation):
    """{question key: PreparedAnswer} of the viewer's own preparation; nobody else's."""
    if not may_prepare(conversation):
        return {}
    cache = g.setdefault("my_prepared", {})
    if conversation.id not in cache:
        cache[conversation.id] = {a.question_key: a for a in db.session.scalars(
            db.select(PreparedAnswer).filter_by(conversation_id=conversation.id,
                                                author_id=viewer_person_id()))}
    return cache[conversation.id]


def _my_note(conversation):
    return db.session.scalar(db.select(PrivateNote).filter_by(
        conversation_id=conversation.id, author_id=viewer_person_id()))


@bp.app_template_global()
def my_note_form(conversation):
    """The viewer's own private notes of this review, as a form (None for others)."""
    if not may_prepare(conversation):
        return None
    note = _my_note(conversation)
    return NoteForm(formdata=None, data={"note": note.text if note else ""})


@bp.app_template_global()
def may_keep_notes(conversation):
    return may_change_preparation(conversation)


@bp.app_template_global()
def may_bring_in(conversation):
    return may_share_prepared(conversation)


@bp.app_template_global()
def planned_reviews():
    """The viewer's planned reviews: their own, and those of the people they manage.

    Planned: not started yet (a draft) on a date from today. Each row says for both
    sides whether they prepared (at least one answer with text), nothing more.
    """
    me = viewer_person_id()
    if me is None or is_admin():
        return []
    employee = db.aliased(Person)
    reviews = db.session.scalars(
        db.select(Conversation).join(employee, Conversation.employee_id == employee.id)
        .where(Conversation.status == Status.DRAFT, Conversation.held_on >= local_today(),
               (Conversation.employee_id == me) | (Conversation.manager_id == me)
               | (employee.manager_id == me))
        .order_by(Conversation.held_on, Conversation.id)).all()
    prepared = set(db.session.execute(
        db.select(PreparedAnswer.conversation_id, PreparedAnswer.author_id).distinct()
        .where(PreparedAnswer.conversation_id.in_([c.id for c in reviews]),
               db.func.trim(PreparedAnswer.text) != "")).all())
    rows = []
    for review in reviews:
        authors = {author for cid, author in prepared if cid == review.id}
        if me == review.employee_id:
            other, theirs = review.manager, bool(authors - {me})
        else:
            other, theirs = review.employee, review.employee_id in authors
        rows.append({"conversation": review, "other": other, "mine": me in authors,
                     "theirs": theirs, "own": me == review.employee_id})
    return rows


# --- the preparation page --------------------------------------------------------------

@bp.get("/conversations/<id:conversation_id>/prepare")
def prepare(conversation_id):
    """The viewer's own answers to the review's questions, before the meeting."""
    return render_prepare(conversation_to_prepare(conversation_id))


def render_prepare(conversation, form=None, status=200):
    mine = my_prepared(conversation)
    if form is None:
        form = PrepareForm(formdata=None, data={f"answer_{key}": answer.text
                                                for key, answer in mine.items()})
    employee_side = viewer_person_id() == conversation.employee_id
    return render("preparation/prepare.html", "content", status=status,
                  conversation=conversation, form=form, mine=mine, phases=ASKED,
                  other=conversation.manager if employee_side else conversation.employee,
                  can_change=may_change_preparation(conversation))


@bp.post("/conversations/<id:conversation_id>/prepare")
def save(conversation_id):
    """Save the viewer's preparation: an autosave sends one answer, the form all."""
    conversation = conversation_to_prepare(conversation_id, changing=True)
    form = PrepareForm(formdata=request.form)
    if not form.validate():
        if request.htmx:
            return _save_status(form, "prepare-status", 422)
        return render_prepare(conversation, form, status=422)
    _store(lambda: _write_prepared(conversation, form))
    if request.form.get("autosave") and not request.htmx:
        return "", 204  # a beacon from a page being closed
    if request.htmx:
        return _save_status(form, "prepare-status")
    flash(_("Your preparation was saved."))
    return redirect(url_for(".prepare", conversation_id=conversation.id), code=303)


def _write_prepared(conversation, form):
    me = viewer_person_id()
    mine = {a.question_key: a for a in db.session.scalars(
        db.select(PreparedAnswer).filter_by(conversation_id=conversation.id, author_id=me))}
    for key in QUESTIONS:
        name = f"answer_{key}"
        if name not in request.form:
            continue
        text = form[name].data or ""
        answer = mine.get(key)
        if answer is None and text.strip():
            db.session.add(PreparedAnswer(conversation_id=conversation.id, author_id=me,
                                          question_key=key, text=text))
        elif answer is not None and answer.text != text:
            answer.text = text


def _store(write):
    try:
        write()
        db.session.commit()
    except IntegrityError:
        # Two saves of a first answer raced (autosave and form): the row exists now.
        db.session.rollback()
        write()
        db.session.commit()
    g.pop("my_prepared", None)


def _save_status(form, status_id, status=200):
    errors = [(form[name].label.text, message)
              for name, messages in form.errors.items() for message in messages]
    return fragment("conversations/_save_status.html", status, status_id=status_id,
                    own_words=True, errors=errors,
                    saved_at=None if errors else datetime.now(timezone.utc))


def _refuse(message, status=422):
    template = "errors/_error.html" if wants_fragment() else "errors/error.html"
    return render_template(template, code=status, message=message), status


# --- bringing a prepared answer into the conversation ---------------------------------

@bp.post("/conversations/<id:conversation_id>/prepare/share")
def share(conversation_id):
    """Add the viewer's own prepared answer to the shared answer (after what is there)
    and mark it shared. From the preparation page the button sends the form too, so
    what was just typed is saved first."""
    conversation = conversation_to_prepare(conversation_id, changing=True)
    if not may_share_prepared(conversation):
        # One side confirmed: say so (409), as every other change of a locked review does.
        refuse_if_confirmed(conversation, editing=True)
        abort(403)
    key, back = request.form.get("question", ""), request.form.get("back", "prepare")
    phase = BY_SLUG.get(back)
    if key not in QUESTIONS or (back != "prepare" and (phase is None or not any(
            q.key == key for q in phase.questions))):
        return _refuse(_("This question is not part of the review. Reload the page and "
                         "try again."))
    form = PrepareForm(formdata=request.form)
    if not form.validate():
        return render_prepare(conversation, form, status=422)
    name, stored = f"answer_{key}", my_prepared(conversation).get(key)
    typed = (form[name].data or "") if name in request.form else \
        (stored.text if stored else "")
    if not typed.strip():
        return _refuse(_("There is nothing prepared for this question to bring in."))
    shared = next((a for a in conversation.answers if a.question_key == key), None)
    text = typed.strip()
    if shared is not None and shared.text.strip():
        text = shared.text.rstrip() + "\n\n" + text
    if len(text) > ANSWER_MAX_LENGTH:
        return _refuse(_("Together with what is already there, this answer would be "
                         "too long. Shorten one of the two first."))
    _write_prepared(conversation, form)
    db.session.flush()
    g.pop("my_prepared", None)
    prepared = my_prepared(conversation)[key]
    if prepared.shared_at is None:
        if shared is None:
            conversation.answers.append(Answer(question_key=key, text=text))
        else:
            shared.text = text
        prepared.shared_at = datetime.now(timezone.utc)
    db.session.commit()
    if phase is None:
        flash(_("Your answer is now part of the conversation."))
        return redirect(url_for(".prepare", conversation_id=conversation.id)
                        + f"#prepared-{key}", code=303)
    if request.htmx:
        return render_phase(conversation, phase)
    return redirect(phase_url(conversation, phase) + f"#answer_{key}", code=303)


# --- private notes in the meeting ------------------------------------------------------

@bp.post("/conversations/<id:conversation_id>/private-note")
def save_note(conversation_id):
    """The viewer's own notes of the meeting: theirs alone, never in the summary."""
    conversation = conversation_to_prepare(conversation_id, changing=True)
    phase = BY_SLUG.get(request.form.get("back", "")) or PHASES[0]
    form = NoteForm(formdata=request.form)
    if not form.validate():
        if request.htmx:
            return _save_status(form, "note-status", 422)
        return render_phase(conversation, phase, status=422, note_form=form)
    if "note" in request.form:
        _store(lambda: _write_note(conversation, form.note.data or ""))
    if request.form.get("autosave") and not request.htmx:
        return "", 204
    if request.htmx:
        return _save_status(form, "note-status")
    flash(_("Your private notes were saved."))
    return redirect(phase_url(conversation, phase) + "#private-notes", code=303)


def _write_note(conversation, text):
    note = _my_note(conversation)
    if note is None:
        if text:
            db.session.add(PrivateNote(conversation_id=conversation.id,
                                       author_id=viewer_person_id(), text=text))
    elif note.text != text:
        note.text = text
