"""In the meeting: rate what came back from the previous review, carry what is
still open into the new period, and delete a draft nobody started."""
from flask import abort, flash, redirect, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import ngettext

from ..access import may_edit_review, may_see_review
from ..audit.models import Action
from ..audit.recorder import record
from ..extensions import db
from ..rendering import fragment, render
from .carry import (agreement_form, agreement_reviews, carry_forward, goal_form,
                    untouched_draft)
from .followups import render_followups
from .models import AgreementReview, Goal
from .questions import AGREEMENTS, LOOKING_BACK
from .views import bp, get_conversation, phase_url, render_phase


def _answer(conversation, template, status, anchor, key, **context):
    if not request.htmx:
        if status == 200:
            return redirect(phase_url(conversation, LOOKING_BACK) + f"#{anchor}", code=303)
        return render_phase(conversation, LOOKING_BACK, status=status,
                            carried_forms={key: context["form"]})
    response = fragment(template, status, conversation=conversation, saved=status == 200,
                        **context)
    if status == 200:  # the tips about what is not reviewed yet change with it
        tips = render_followups(conversation, LOOKING_BACK, oob=True)
        response.set_data(response.get_data() + tips.get_data())
    return response


@bp.post("/conversations/<id:conversation_id>/carried/goals/<id:goal_id>")
def rate_goal(conversation_id, goal_id):
    """Say how a goal of the previous review went, with a comment."""
    conversation = get_conversation(conversation_id)
    goal = db.session.get(Goal, goal_id)
    if goal is None or goal.conversation_id != conversation.id:
        abort(404)
    form = goal_form(goal, formdata=request.form)
    status = 200 if form.validate() else 422
    if status == 200:
        goal.outcome = form.outcome.data
        goal.comment = (form.comment.data or "").strip() or None
        db.session.commit()
    return _answer(conversation, "conversations/_carried_goal.html", status,
                   f"carried-goal-{goal.id}", goal.id, goal=goal, form=form)


@bp.post("/conversations/<id:conversation_id>/carried/agreements/<id:review_id>")
def rate_agreement(conversation_id, review_id):
    """Say how an agreement of the previous review went, with a comment."""
    conversation = get_conversation(conversation_id)
    review = db.session.get(AgreementReview, review_id)
    if review is None or review.conversation_id != conversation.id \
            or not may_see_review(review.agreement.conversation):
        abort(404)
    form = agreement_form(review, formdata=request.form)
    status = 200 if form.validate() else 422
    if status == 200:
        review.verdict = form.verdict.data
        review.comment = (form.comment.data or "").strip() or None
        db.session.commit()
    return _answer(conversation, "conversations/_previous_agreement.html", status,
                   f"previous-agreement-{review.id}", ("agreement", review.id),
                   review=review, form=form)


@bp.post("/conversations/<id:conversation_id>/carry-forward")
def carry_into_new_period(conversation_id):
    """Carry every open point of the previous review into this one, in one step."""
    conversation = get_conversation(conversation_id)
    agreements, goals, done = carry_forward(conversation)
    db.session.commit()
    parts = [
        ngettext("%(num)d agreement carried into the coming period.",
                 "%(num)d agreements carried into the coming period.", agreements)
        if agreements else "",
        ngettext("%(num)d goal set again for the coming period.",
                 "%(num)d goals set again for the coming period.", goals) if goals else "",
        ngettext("%(num)d agreement marked as done.",
                 "%(num)d agreements marked as done.", done) if done else ""]
    message = " ".join(part for part in parts if part) \
        or _("Nothing left to carry: everything is in the coming period already.")
    if request.htmx:
        return render_phase(conversation, AGREEMENTS, carry_message=message)
    flash(message)
    return redirect(phase_url(conversation, AGREEMENTS) + "#carry", code=303)


@bp.route("/conversations/<id:conversation_id>/delete", methods=["GET", "POST"])
def delete_draft(conversation_id):
    """Delete a review that was started by mistake, after asking to be sure."""
    conversation = get_conversation(conversation_id, editing=True)
    deletable = untouched_draft(conversation)
    if request.method == "GET" or not deletable:
        return render("conversations/delete.html", "content",
                      status=200 if request.method == "GET" else 409,
                      conversation=conversation, deletable=deletable,
                      refused=request.method == "POST")
    employee, held_on = conversation.employee, conversation.held_on
    db.session.delete(conversation)
    db.session.flush()
    record(Action.DRAFT_DELETED, person=employee)
    db.session.commit()
    flash(_("The unstarted review of %(date)s was deleted.",
            date=format_date(held_on, "long")))
    return redirect(url_for("people.show", person_id=employee.id), code=303)


@bp.app_template_global()
def may_delete_draft(conversation):
    """The person page offers to delete a draft nobody has started."""
    return may_edit_review(conversation) and untouched_draft(conversation)


@bp.app_template_global()
def previous_agreements_of(conversation):
    """The summary shows how each agreement of the review before went."""
    return agreement_reviews(conversation)
