"""Sign-off of the summary by both sides, and reopening with a reason."""
from flask import Blueprint

from . import models  # noqa: F401  (the tables)

bp = Blueprint("signoff", __name__)

from . import routes  # noqa: E402,F401  (the views on bp)
