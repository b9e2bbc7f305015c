"""Forms to log in, set a password, and give a person an account."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from ..forms import without_controls
from .models import Account, account_by_email

PASSWORD_MIN = 10


class LoginForm(FlaskForm):
    email = EmailField(_l("Email address"), filters=[without_controls], validators=[
        DataRequired(_l("Enter your email address.")), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Enter your password.")), Length(max=200)])


class PasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), validators=[
        DataRequired(_l("Choose a password.")),
        Length(min=PASSWORD_MIN, max=200,
               message=_l("Use at least %(min)d characters.", min=PASSWORD_MIN))])
    repeat = PasswordField(_l("The same password again"), validators=[
        EqualTo("password", _l("The two passwords are not the same."))])


class AccountForm(FlaskForm):
    email = EmailField(_l("Email address"), filters=[without_controls], validators=[
        DataRequired(_l("Enter the email address.")),
        Length(max=254, message=_l("Keep it under %(max)d characters.", max=254))])
    is_admin = BooleanField(_l("HR / administrator: manages people and accounts"))

    def validate_email(self, field):
        email = Account.normalise_email(field.data)
        if "@" not in email.strip("@") or " " in email:
            raise ValidationError(_l("Enter an email address, like name@example.org."))
        if account_by_email(email) is not None:
            raise ValidationError(_l("Another account already uses this address."))
