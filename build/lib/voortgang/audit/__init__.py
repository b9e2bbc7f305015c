"""The audit trail: who changed what in a review, and when, without its words."""
from flask import Blueprint

bp = Blueprint("audit", __name__)

from . import recorder, routes  # noqa: E402,F401  (the listener, and the views on bp)
