"""Start a conversation, move through its phases, save answers, complete it."""
from datetime import datetime, timezone

from flask import abort, flash, redirect, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from ..clock import local_today
from ..access import manages, may_write_reaction, person_or_404
from ..audit.recorder import paused
from ..extensions import db
from ..people.routes import render_person, start_form_for
from ..rendering import fragment
from .assistant import not_concrete
from .carry import carry_over, refresh_carry_over
from .followups import with_followups
from .forms import PHASE_FORMS, ReactionForm
from .models import Answer, Conversation, Status, reviews_of
from .questions import BY_SLUG, PHASES, neighbours
from .views import bp, get_conversation, phase_url, render_phase


@bp.post("/people/<id:person_id>/conversations")
def start(person_id):
    """Start a review for this employee and open its first phase."""
    employee = person_or_404(person_id)
    if not manages(employee):
        abort(403)
    form = start_form_for(employee, formdata=request.form)
    if not form.validate():
        return render_person(employee, form, status=422)
    conversation = Conversation(
        employee=employee, manager_id=form.manager.data, held_on=form.held_on.data,
        period_start=form.period_start.data, period_end=form.period_end.data,
        previous=db.session.scalar(reviews_of(employee.id).limit(1)),
    )
    db.session.add(conversation)
    carry_over(conversation)
    db.session.commit()
    if conversation.held_on > local_today():
        # Planned ahead: both sides prepare it first (voortgang/preparation).
        flash(_("The review is planned for %(date)s. Both of you can now prepare it; "
                "here you prepare your own answers.",
                date=format_date(conversation.held_on, "long")))
        return redirect(url_for("preparation.prepare", conversation_id=conversation.id),
                        code=303)
    return redirect(phase_url(conversation, PHASES[0]), code=303)


@bp.get("/conversations/<id:conversation_id>")
def show(conversation_id):
    """A conversation opens at its first phase."""
    return redirect(phase_url(get_conversation(conversation_id), PHASES[0]))


@bp.get("/conversations/<id:conversation_id>/<phase_slug>")
def phase(conversation_id, phase_slug):
    """One phase of the conversation, as page or as htmx fragment."""
    conversation = get_conversation(conversation_id)
    phase = BY_SLUG.get(phase_slug) or abort(404)
    if conversation.status is Status.DRAFT:
        # Planned while the review before was still going: start from that one now.
        # Part of starting the review, so no lines in the trail.
        with paused():
            changed = refresh_carry_over(conversation)
        if changed:
            db.session.commit()
    return render_phase(conversation, phase)


@bp.post("/conversations/<id:conversation_id>/<phase_slug>")
def save_phase(conversation_id, phase_slug):
    """Save the phase's answers (autosave or form), then stay or move on.

    htmx autosaves get the save status back; a press on previous/next gets the
    neighbouring phase; without JavaScript the browser is redirected there.
    """
    conversation = get_conversation(conversation_id)
    current = BY_SLUG.get(phase_slug)
    if current is None or current.slug not in PHASE_FORMS:
        abort(404)
    form = PHASE_FORMS[current.slug](formdata=request.form)
    going = request.form.get("go")
    if not form.validate():
        if request.htmx and not going:
            return _save_status(form, status=422)
        return render_phase(conversation, current, status=422, form=form)
    next_review = conversation.next_evaluation_on
    _store_answers(conversation, current, form)
    previous, following = neighbours(current)
    target = {"previous": previous, "next": following}.get(going)
    if target is None:
        if request.form.get("autosave") and not request.htmx:
            return "", 204  # a beacon from a page being closed: nobody reads the answer
        if request.htmx:
            response = _save_status(form, conversation=conversation, phase=current)
            if conversation.next_evaluation_on != next_review:
                # The agreements on screen ask again whether they fall after it.
                response.headers["HX-Trigger"] = "next-review-changed"
            return response
        flash(_("Your answers were saved."))
        return redirect(phase_url(conversation, current), code=303)
    if request.htmx:
        response = render_phase(conversation, target)
        response.headers["HX-Push-Url"] = phase_url(conversation, target)
        return response
    return redirect(phase_url(conversation, target), code=303)


@bp.post("/conversations/<id:conversation_id>/complete")
def complete(conversation_id):
    """Mark the conversation as completed; the overview then says so."""
    conversation = get_conversation(conversation_id)
    overview = BY_SLUG["overview"]
    if conversation.status is not Status.COMPLETED and not_concrete(conversation) \
            and request.form.get("confirm_not_concrete") != "yes":
        message = _("Some agreements are not concrete yet. Make them concrete, or tick "
                    "the box to complete anyway.")
        return render_phase(conversation, overview, status=422, confirm_error=message)
    if conversation.status is not Status.COMPLETED:
        conversation.status = Status.COMPLETED
        conversation.completed_at = datetime.now(timezone.utc)
        db.session.commit()
    if request.htmx:
        return render_phase(conversation, overview)
    return redirect(phase_url(conversation, overview), code=303)


@bp.post("/conversations/<id:conversation_id>/reaction")
def save_reaction(conversation_id):
    """The employee writes their own reaction to the review."""
    conversation = get_conversation(conversation_id, editing=False)
    if not may_write_reaction(conversation):
        abort(403)
    form = ReactionForm(formdata=request.form)
    if form.validate():
        conversation.employee_reaction = (form.reaction.data or "").strip() or None
        db.session.commit()
    status = 422 if form.errors else 200
    if not request.htmx:
        if status == 200:
            flash(_("Your reaction was saved."))
            return redirect(phase_url(conversation, BY_SLUG["overview"]) + "#reaction",
                            code=303)
        return render_phase(conversation, BY_SLUG["overview"], status=status,
                            reaction_form=form)
    return fragment("conversations/_reaction.html", status, conversation=conversation,
                    reaction_form=form, reaction_saved=status == 200)


def _store_answers(conversation, phase, form):
    try:
        _write_answers(conversation, phase, form)
        db.session.commit()
    except IntegrityError:
        # Two saves of a first answer raced (autosave and form): the row exists now.
        db.session.rollback()
        _write_answers(conversation, phase, form)
        db.session.commit()


def _write_answers(conversation, phase, form):
    # Only what was sent is written: an autosave sends one field, the form all.
    sent = request.form
    existing = {a.question_key: a for a in conversation.answers}
    for question in phase.questions:
        name = f"answer_{question.key}"
        if name not in sent:
            continue
        text = form[name].data or ""
        answer = existing.get(question.key)
        if answer is None and text:
            db.session.add(Answer(conversation=conversation, question_key=question.key,
                                  text=text))
        elif answer is not None and answer.text != text:
            answer.text = text
    if "next_evaluation_on" in form and "next_evaluation_on" in sent:
        conversation.next_evaluation_on = form.next_evaluation_on.data
    if conversation.status is Status.DRAFT:
        conversation.status = Status.IN_PROGRESS


def _save_status(form, status=200, conversation=None, phase=None):
    """The save status; after a save, the follow-up questions ride along out of band."""
    errors = [(form[name].label.text, message)
              for name, messages in form.errors.items() for message in messages]
    response = fragment("conversations/_save_status.html", status, errors=errors,
                        saved_at=None if errors else datetime.now(timezone.utc))
    if conversation is not None:
        return with_followups(response, conversation, phase)
    return response
