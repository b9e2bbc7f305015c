"""The coaching assistant in the conversation: the rules, applied to what is on screen.

An agreement is concrete when its text and its fields together say who does it and
by when: an owner picked in the list counts as much as a name in the text.
"""
from datetime import date

from flask_babel import get_locale
from markupsafe import Markup, escape

from ..rules import analyse_agreement
from .models import Owner

MAX_TEXT = 2_000


def advise(conversation, text, owner=None, due=None, today=None):
    """The rules' verdict on one agreement as it stands, in the interface language."""
    if not isinstance(owner, Owner):
        owner = Owner(owner) if owner in Owner._value2member_map_ else None
    return analyse_agreement(
        (text or "")[:MAX_TEXT], today=today or date.today(),
        employee=conversation.employee.name, manager=conversation.manager.name,
        next_review=conversation.next_evaluation_on, ui_lang=get_locale().language,
        owner=owner.value if owner else None, due=due)


def advise_saved(conversation, agreement):
    """A saved agreement is judged on its stored owner and date; its text is read
    as on the day it was made."""
    made = agreement.created_at.date() if agreement.created_at else None
    return advise(conversation, agreement.description, agreement.owner, agreement.due_on,
                  today=made)


def not_concrete(conversation):
    """The open agreements of a conversation that still lack an owner, date or clarity."""
    pairs = [(a, advise_saved(conversation, a)) for a in conversation.agreements
             if a.status.value == "open"]
    return [(a, check) for a, check in pairs if check.flags]


def highlight(text, flags):
    """The text with the words that triggered a flag marked."""
    spans = sorted({tuple(span) for flag in flags for span in flag.spans})
    out, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        out.append(escape(text[position:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)
