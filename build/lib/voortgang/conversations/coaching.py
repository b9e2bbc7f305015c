"""The assistant's live check of an agreement while it is typed."""
from datetime import date

from flask import abort, request

from ..rendering import fragment
from .assistant import MAX_TEXT, advise, highlight
from .views import bp, get_conversation

PREFIX_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")
OWNERS = {"employee", "manager", "both", "other"}


@bp.post("/conversations/<id:conversation_id>/assistant/agreement")
def check_agreement(conversation_id):
    """The checklist beside an agreement form: who, by when, and how concrete."""
    conversation = get_conversation(conversation_id)
    prefix = request.form.get("prefix", "")
    if not prefix or not set(prefix) <= PREFIX_CHARS or len(prefix) > 40:
        abort(400)
    text = request.form.get(f"{prefix}-description", "")
    owner = request.form.get(f"{prefix}-owner") or None
    try:
        due = date.fromisoformat(request.form.get(f"{prefix}-due_on", ""))
    except ValueError:
        due = None
    owner = owner if owner in OWNERS else None
    check = advise(conversation, text, owner=owner, due=due)
    # Offer to copy who and when only where the text knows more than the fields.
    can_apply = (check.owner_from_text and check.owner_from_text != owner) or \
        (check.due_from_text and check.due_from_text != due)
    return fragment("conversations/_agreement_check.html", conversation=conversation,
                    check=check, text=text, prefix=prefix, can_apply=can_apply,
                    marked=highlight(text[:MAX_TEXT], check.flags))
