"""Form to add a person."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField
from wtforms.validators import DataRequired, Length

from ..forms import Text


class PersonForm(FlaskForm):
    name = Text(_l("Full name"), validators=[
        DataRequired(_l("Enter the name.")),
        Length(max=120, message=_l("Keep it under %(max)d characters.", max=120))])
    job_title = Text(_l("Job title"), validators=[
        Length(max=120, message=_l("Keep it under %(max)d characters.", max=120))])
    manager = SelectField(_l("Manager"), coerce=int, choices=[])

    def set_managers(self, people):
        self.manager.choices = [SelectChoice(0, _l("No manager yet"))] + [
            SelectChoice(p.id, p.name) for p in people]
        return self
