"""Today, in the configured time zone (VOORTGANG_TIMEZONE), not the server's.

The server's clock runs in UTC; between midnight in Amsterdam and midnight in UTC
the two disagree about the date. Every date the app shows or assumes comes from here,
so a review held just after midnight is dated the day the people see on their watch.
"""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

DEFAULT_ZONE = "Europe/Amsterdam"


def local_zone():
    name = current_app.config.get("BABEL_DEFAULT_TIMEZONE", DEFAULT_ZONE) \
        if has_app_context() else DEFAULT_ZONE
    return ZoneInfo(name)


def local_today() -> date:
    return datetime.now(local_zone()).date()
