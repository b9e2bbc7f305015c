"""What every form shares: text fields that drop control characters."""
import re

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

