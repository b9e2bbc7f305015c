"""The history of changes of one review."""
from flask import abort

from ..access import may_see_history, may_see_review
from ..conversations.models import Conversation
from ..extensions import db
from ..rendering import render
from . import bp
from .lines import review_lines


@bp.get("/conversations/<id:conversation_id>/history")
def history(conversation_id):
    """Who changed what in a review, and when: no word of what was said, so HR may
    read it too."""
    conversation = db.session.get(Conversation, conversation_id)
    if conversation is None or not may_see_history(conversation):
        abort(404)
    return render("audit/history.html", "content", conversation=conversation,
                  lines=review_lines(conversation),
                  may_open=may_see_review(conversation))
