"""Accounts: who logs in, and what each of them may see and change."""
from flask import Blueprint

bp = Blueprint("accounts", __name__)

from . import admin, guard, routes  # noqa: E402,F401  (they register on bp)
