"""Between reviews: open agreements, interim check-ins, the calendar."""
from . import models  # noqa: F401  (the tables)
