"""Calendar files (.ics): the next review and an agreement's deadline, for any calendar."""
from flask import Blueprint

bp = Blueprint("calendar", __name__)

from . import routes  # noqa: E402,F401  (the views on bp)
