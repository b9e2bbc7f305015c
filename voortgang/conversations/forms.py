"""Forms of the conversation: the answers of a phase, goals, agreements, start."""
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, \
    ValidationError

from ..clock import local_today
from ..forms import LongText, Text
from .models import AgreementKind, AgreementStatus, GoalKind, Outcome, Owner
from .questions import ANSWER_MAX_LENGTH, PHASES

DATE_MESSAGE = _l("Enter a valid date, for example 15-01-2027.")


def _enum(cls):
    """Coerce a submitted choice to the model's enum member; '' means none chosen."""
    def coerce(value):
        if value is None or value == "":
            return None
        return value if isinstance(value, cls) else cls(value)
    return coerce


def _too_long(limit):
    return Length(max=limit, message=_l("Keep it under %(max)d characters.", max=limit))


def _date_field(label, *validators):
    return LocalDateField(label, validators=[Optional(), *validators])


def _in_range(form, field):
    # A date picker can send any year; keep to what a review can mean.
    if field.data and not date(1990, 1, 1) <= field.data <= date(2100, 12, 31):
        raise ValidationError(_l("Choose a date between 1990 and 2100."))


class LocalDateField(DateField):
    """A date field whose parse error is a whole sentence in the user's language."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError(str(DATE_MESSAGE)) from error


def _phase_form(phase):
    fields = {
        f"answer_{q.key}": LongText(q.text, validators=[_too_long(ANSWER_MAX_LENGTH)])
        for q in phase.questions
    }
    if phase.slug == "agreements":
        fields["next_evaluation_on"] = _date_field(_l("Date of the next evaluation"),
                                                   _in_range)
    return type(f"PhaseForm_{phase.slug}", (FlaskForm,), fields)


# One form class per phase, built once at import.
PHASE_FORMS = {phase.slug: _phase_form(phase) for phase in PHASES if phase.questions}


def result_field():
    """How a goal went: in the looking-back list and for a goal that came back."""
    return SelectField(_l("Result"), coerce=_enum(Outcome), choices=[
        SelectChoice("", _l("Not discussed yet")),
        SelectChoice(Outcome.MET.value, _l("Met")),
        SelectChoice(Outcome.PARTLY.value, _l("Partly met")),
        SelectChoice(Outcome.NOT_MET.value, _l("Not met")),
    ])


class GoalForm(FlaskForm):
    description = LongText(_l("Goal"), validators=[
        DataRequired(_l("Describe the goal.")), _too_long(500)])
    kind = SelectField(_l("Kind of goal"), coerce=_enum(GoalKind), choices=[
        SelectChoice(GoalKind.JOB.value, _l("Job-related")),
        SelectChoice(GoalKind.PERSONAL.value, _l("Personal")),
    ])
    outcome = result_field()


class ComingGoalForm(FlaskForm):
    """A goal set for the coming period: its result is for the next review."""

    description = LongText(_l("Goal for the coming period"), validators=[
        DataRequired(_l("Describe the goal.")), _too_long(500)])
    kind = SelectField(_l("Kind of goal"), coerce=_enum(GoalKind), choices=[
        SelectChoice(GoalKind.JOB.value, _l("Job-related")),
        SelectChoice(GoalKind.PERSONAL.value, _l("Personal")),
    ])


class AgreementForm(FlaskForm):
    description = LongText(_l("What is agreed"), validators=[
        DataRequired(_l("Describe the agreement.")), _too_long(1000)])
    # The choices name the two people; set_people() fills them in per request.
    owner = SelectField(_l("Who does it"), coerce=_enum(Owner), choices=[])
    owner_name = Text(_l("Name, if someone else"), validators=[
        _too_long(120)])
    due_on = _date_field(_l("Due date"), _in_range)
    kind = SelectField(_l("Kind"), coerce=_enum(AgreementKind), choices=[
        SelectChoice(AgreementKind.TRAINING.value, _l("Training")),
        SelectChoice(AgreementKind.COACHING.value, _l("Coaching")),
        SelectChoice(AgreementKind.ASSESSMENT.value, _l("Assessment")),
        SelectChoice(AgreementKind.SUPPORT.value, _l("Support")),
        SelectChoice(AgreementKind.OTHER.value, _l("Other")),
    ], default=AgreementKind.OTHER)
    status = SelectField(_l("Status"), coerce=_enum(AgreementStatus), choices=[
        SelectChoice(AgreementStatus.OPEN.value, _l("Open")),
        SelectChoice(AgreementStatus.DONE.value, _l("Done")),
        SelectChoice(AgreementStatus.DROPPED.value, _l("Dropped")),
    ], default=AgreementStatus.OPEN)

    def set_people(self, conversation):
        """Offer the two people by name, so the owner is unmistakable on screen.

        The labels with a name are plain strings, made now: WTForms takes a lazy
        string for safe HTML (it has __html__) and would not escape the name in it.
        """
        self.owner.choices = [
            SelectChoice("", _l("Nobody yet")),
            SelectChoice(Owner.EMPLOYEE.value,
                         _("%(name)s (employee)", name=conversation.employee.name)),
            SelectChoice(Owner.MANAGER.value,
                         _("%(name)s (manager)", name=conversation.manager.name)),
            SelectChoice(Owner.BOTH.value, _l("Both")),
            SelectChoice(Owner.OTHER.value, _l("Someone else")),
        ]
        return self


class StartForm(FlaskForm):
    held_on = LocalDateField(_l("Date of the conversation"), default=local_today,
                        validators=[InputRequired(DATE_MESSAGE), _in_range])
    manager = SelectField(_l("Manager"), coerce=int,
                          validators=[InputRequired(_l("Choose the manager."))])
    period_start = _date_field(_l("Period from"), _in_range)
    period_end = _date_field(_l("Period until"), _in_range)

    def validate_period_end(self, field):
        if field.data and self.period_start.data and field.data < self.period_start.data:
            raise ValidationError(_l("The period cannot end before it starts."))


class ReactionForm(FlaskForm):
    reaction = LongText(_l("Your reaction"), validators=[_too_long(ANSWER_MAX_LENGTH)])
