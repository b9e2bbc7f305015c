"""What every form shares: text fields that drop control characters, and a request
body that is a form."""
import re

from flask import abort, request
from wtforms import StringField, TextAreaField

# NUL and the other C0 controls, except tab and newline: PostgreSQL refuses NUL, and
# none of them means anything in a review.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(value):
    return _CONTROL.sub("", value) if isinstance(value, str) else value


class Text(StringField):
    def __init__(self, *args, filters=(), **kwargs):
        super().__init__(*args, filters=(without_controls, *filters), **kwargs)


class LongText(TextAreaField):
    def __init__(self, *args, filters=(), **kwargs):
        super().__init__(*args, filters=(without_controls, *filters), **kwargs)


def only_form_bodies():
    """Our pages send text fields: a form, or the autosave beacon's multipart
    FormData. Flask-WTF would hand a JSON body or an uploaded file to the fields as
    numbers, lists or files where they expect text; refuse those plainly (415).
    A form that takes a file one day must be let through here."""
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and request.endpoint \
            and (request.is_json or request.files):
        abort(415)


def init_app(app):
    app.before_request(only_form_bodies)
