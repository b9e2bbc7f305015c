"""Forms of the follow-up: an agreement done or moved, a check-in planned and held."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import InputRequired, Length, ValidationError

from ..clock import local_today
from ..conversations.forms import DATE_MESSAGE, LocalDateField, _in_range
from ..forms import LongText

NOTE_MAX_LENGTH = 5000
NEXT_STEP_MAX_LENGTH = 1000


def _too_long(limit):
    return Length(max=limit, message=_l("Keep it under %(max)d characters.", max=limit))


class DoneForm(FlaskForm):
    """The day it was done: today unless said otherwise."""

    done_on = LocalDateField(_l("Done on"), default=local_today,
                             validators=[InputRequired(DATE_MESSAGE), _in_range])

    def validate_done_on(self, field):
        if field.data and field.data > local_today():
            raise ValidationError(_l("It cannot be done on a day still to come."))


class MoveForm(FlaskForm):
    due_on = LocalDateField(_l("New due date"),
                            validators=[InputRequired(DATE_MESSAGE), _in_range])


class PlanCheckInForm(FlaskForm):
    planned_on = LocalDateField(_l("Date of the check-in"),
                                validators=[InputRequired(DATE_MESSAGE), _in_range])


class CheckInForm(FlaskForm):
    note = LongText(_l("Note"), validators=[_too_long(NOTE_MAX_LENGTH)])
    next_step = LongText(_l("Next step"), validators=[_too_long(NEXT_STEP_MAX_LENGTH)])
