"""The summary of a review (page, PDF, Markdown), its sign-off and reopening."""
from datetime import datetime, timezone

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from ..access import (may_reopen_review, may_see_review, review_locked, sign_side,
                      viewer_person_id)
from ..audit.models import Action
from ..audit.recorder import record
from ..conversations.models import Conversation, Status
from ..extensions import db
from ..rendering import render
from . import bp, export
from .forms import ReopenForm, SignForm
from .models import Reopening
from .summary import build


def _review(conversation_id):
    """The review for its two people and the employee's manager; 404 for anyone else
    (HR too: the summary holds what was said)."""
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or not may_see_review(conversation):
        abort(404)
    return conversation


def _summary_url(conversation):
    return url_for("signoff.summary", conversation_id=conversation.id)


def render_summary(conversation, status=200, reopen_form=None):
    side = sign_side(conversation)
    if reopen_form is None and may_reopen_review(conversation):
        reopen_form = ReopenForm(formdata=None)
    response = render("signoff/summary.html", "content", status=status,
                      summary=build(conversation), sign_side=side,
                      sign_form=SignForm(formdata=None) if side else None,
                      reopen_form=reopen_form)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _refuse(conversation, message, status=409):
    return render("signoff/locked.html", "content", status=status, code=status,
                  message=message, conversation=conversation)


@bp.get("/conversations/<id:conversation_id>/summary")
def summary(conversation_id):
    """One summary of the review, to read together, print, download and confirm."""
    return render_summary(_review(conversation_id))


@bp.get("/conversations/<id:conversation_id>/summary.pdf")
def summary_pdf(conversation_id):
    summary = build(_review(conversation_id))
    return export.download(export.pdf_bytes(summary), "application/pdf",
                           export.filename(summary, "pdf"))


@bp.get("/conversations/<id:conversation_id>/summary.md")
def summary_markdown(conversation_id):
    summary = build(_review(conversation_id))
    return export.download(export.markdown(summary), "text/markdown",
                           export.filename(summary, "md"))


@bp.post("/conversations/<id:conversation_id>/sign")
def sign(conversation_id):
    """The viewer confirms the summary for their side: the employee as employee, the
    manager's side as manager."""
    conversation = _review(conversation_id)
    form = SignForm(formdata=request.form)
    if not form.validate():
        abort(400)
    if conversation.status is not Status.COMPLETED:
        return _refuse(conversation, _("The summary can be confirmed once the review is "
                                       "completed."))
    side = sign_side(conversation, even_if_signed=True)
    if side is None:
        abort(403)
    now = datetime.now(timezone.utc)
    if side == "manager" and conversation.manager_signed_at is None:
        conversation.manager_signed_at = now
        conversation.manager_signed_by_id = viewer_person_id()
        record(Action.SIGNED_BY_MANAGER, conversation)
        db.session.commit()
    elif side == "employee" and conversation.employee_signed_at is None:
        conversation.employee_signed_at = now
        record(Action.SIGNED_BY_EMPLOYEE, conversation)
        db.session.commit()
    if conversation.signed_off:
        flash(_("Both have confirmed the summary. The review is read-only now."))
    else:
        flash(_("Your confirmation was saved."))
    return redirect(_summary_url(conversation), code=303)


@bp.post("/conversations/<id:conversation_id>/reopen")
def reopen(conversation_id):
    """The manager's side opens a confirmed review again, with a reason: both
    confirmations are cleared, and both confirm again after the changes."""
    conversation = _review(conversation_id)
    if not may_reopen_review(conversation, even_if_open=True):
        abort(403)
    if not review_locked(conversation):
        return _refuse(conversation, _("Nobody has confirmed this review yet, so it is "
                                       "open for changes already."))
    form = ReopenForm(formdata=request.form)
    if not form.validate():
        return render_summary(conversation, status=422, reopen_form=form)
    db.session.add(Reopening(conversation=conversation, person_id=viewer_person_id(),
                             reason=form.reason.data.strip()))
    conversation.manager_signed_at = None
    conversation.manager_signed_by_id = None
    conversation.employee_signed_at = None
    record(Action.REOPENED, conversation)
    db.session.commit()
    flash(_("The review is open for changes again. Both confirm the summary again "
            "afterwards."))
    return redirect(_summary_url(conversation), code=303)

