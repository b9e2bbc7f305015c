"""Preparation before the meeting and private notes during it, each private to its author."""
from . import models  # noqa: F401  (the tables)
