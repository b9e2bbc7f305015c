"""The confirmation HR gives before a person's data is removed."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms.validators import DataRequired, Length, ValidationError

from ..forms import Text


def _plain(name):
    return " ".join((name or "").split()).casefold()


class ConfirmRemovalForm(FlaskForm):
    """HR types the person's name: a click alone cannot remove anyone."""

    confirm_name = Text(_l("The person's full name"), validators=[
        DataRequired(_l("Type the name to confirm.")), Length(max=200)])

    def __init__(self, person, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def validate_confirm_name(self, field):
        if _plain(field.data) != _plain(self.person.name):
            raise ValidationError(_("That is not the name. Type it as it is written "
                                    "above."))
