"""Between reviews: open agreements, interim check-ins, the calendar."""
from flask import Blueprint

from . import models  # noqa: F401  (the tables)

bp = Blueprint("followup", __name__)

from . import routes  # noqa: E402,F401  (the views on bp)
