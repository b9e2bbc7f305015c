"""The .ics downloads: the next review of a review, and an agreement's deadline."""
from urllib.parse import urlsplit

from flask import abort, current_app, make_response, request, url_for
from flask_babel import format_date, get_locale
from flask_babel import gettext as _

from ..access import may_see_review
from ..conversations.models import Agreement, AgreementStatus, Conversation
from ..extensions import db
from . import bp
from .events import all_day_event_file, sequence_of, timed_event_file

# Long descriptions would fill a calendar's day view; the whole text is in DESCRIPTION.
SUMMARY_LENGTH = 80


@bp.get("/conversations/<id:conversation_id>/next-review.ics")
def next_review(conversation_id):
    """The next review agreed in this one, as a timed event in the configured time zone."""
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or not may_see_review(conversation):
        abort(404)
    day = conversation.next_evaluation_on
    if day is None:
        abort(404)
    names = {"employee": conversation.employee.name, "manager": conversation.manager.name}
    description = "\n\n".join([
        _("The next progress review of %(employee)s with %(manager)s, agreed in the "
          "review of %(date)s.", date=format_date(conversation.held_on, "long"), **names),
        _("The time is a proposal: move the event to a time that suits you both."),
        _("The review in Voortgang: %(url)s", url=_review_url(conversation)),
    ])
    body = timed_event_file(
        uid=f"review-{conversation.id}-next@{_uid_host()}",
        sequence=sequence_of(conversation.updated_at),
        day=day, zone_name=current_app.config["BABEL_DEFAULT_TIMEZONE"],
        summary=_("Progress review of %(employee)s with %(manager)s", **names),
        description=description,
        reminder=_("Tomorrow: the progress review of %(employee)s with %(manager)s",
                   **names),
        language=_language())
    return _download(body, f"next-review-{day.isoformat()}.ics")


@bp.get("/agreements/<id:agreement_id>/deadline.ics")
def agreement_deadline(agreement_id):
    """An agreement's due date as an all-day event; a dropped one cancels the event."""
    agreement = db.session.get(Agreement, agreement_id)
    if agreement is None or not may_see_review(agreement.conversation):
        abort(404)
    day = agreement.due_on
    if day is None:
        abort(404)
    conversation = agreement.conversation
    short = _shorten(agreement.description)
    description = "\n\n".join([
        agreement.description,
        _("Agreed in the progress review of %(employee)s with %(manager)s on %(date)s.",
          employee=conversation.employee.name, manager=conversation.manager.name,
          date=format_date(conversation.held_on, "long")),
        _("The review in Voortgang: %(url)s", url=_review_url(conversation)),
    ])
    body = all_day_event_file(
        uid=f"agreement-{agreement.id}@{_uid_host()}",
        sequence=sequence_of(agreement.updated_at),
        day=day,
        summary=_("Agreement due: %(agreement)s", agreement=short),
        description=description,
        reminder=_("Tomorrow an agreement is due: %(agreement)s", agreement=short),
        language=_language(),
        cancelled=agreement.status == AgreementStatus.DROPPED)
    return _download(body, f"agreement-{agreement.id}-deadline.ics")


def _download(body, filename):
    response = make_response(body)
    response.content_type = "text/calendar; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: never kept by a shared cache.
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _review_url(conversation):
    return url_for("conversations.show", conversation_id=conversation.id, _external=True)


def _uid_host():
    """The server's own name: the first allowed host if one is configured (the same
    whichever address served the file), else the host asked for."""
    for host in current_app.config.get("TRUSTED_HOSTS") or ():
        if host and not host.startswith("."):
            return host
    return urlsplit("//" + request.host).hostname or "voortgang"


def _language():
    return get_locale().language if get_locale() else "nl"


def _shorten(text):
    text = " ".join(text.split())
    if len(text) <= SUMMARY_LENGTH:
        return text
    return text[:SUMMARY_LENGTH - 1].rstrip() + "…"
