"""The forms of preparation: one's own answers to the review's questions, and notes."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..conversations.forms import _too_long
from ..conversations.questions import ANSWER_MAX_LENGTH, PHASES
from ..forms import LongText

QUESTIONS = {q.key: q for phase in PHASES for q in phase.questions}


# The same questions as the meeting, under the same field names as its phase forms.
PrepareForm = type("PrepareForm", (FlaskForm,), {
    f"answer_{key}": LongText(question.text, validators=[_too_long(ANSWER_MAX_LENGTH)])
    for key, question in QUESTIONS.items()
})


class NoteForm(FlaskForm):
    note = LongText(_l("My private notes"), validators=[_too_long(ANSWER_MAX_LENGTH)])
