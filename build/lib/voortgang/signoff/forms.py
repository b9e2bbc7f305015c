"""The two forms of sign-off: a confirmation (nothing but the token) and a reopening."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import DataRequired, Length

from ..forms import LongText

REASON_MAX_LENGTH = 2000


class SignForm(FlaskForm):
    """Confirming needs no field: who confirms follows from the account."""


class ReopenForm(FlaskForm):
    reason = LongText(_l("Reason for reopening"), validators=[
        DataRequired(_l("Say why the review is reopened.")),
        Length(max=REASON_MAX_LENGTH,
               message=_l("Keep it under %(max)d characters.", max=REASON_MAX_LENGTH))])
