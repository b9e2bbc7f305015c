"""Sign-off of the summary by both sides, and reopening with a reason."""
from . import models  # noqa: F401  (the tables)
