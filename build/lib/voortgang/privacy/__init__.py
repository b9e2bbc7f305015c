"""Privacy requests, handled by HR: everything stored about a person, and removing it."""
from flask import Blueprint

bp = Blueprint("privacy", __name__)

from . import routes  # noqa: E402,F401  (they register on bp)
