"""History: per employee, a timeline of reviews, check-ins and agreements, and how
each goal developed over the periods."""
from flask import Blueprint

bp = Blueprint("history", __name__)

from . import routes  # noqa: E402,F401  (the views on bp)
