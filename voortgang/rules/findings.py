"""What a date rule's resolver may return besides a date (see date_rules.py).

Apart from date_rules.py so that importing the package does not compile the rules
themselves: they are compiled with a language's lexicon, when a text first needs it.
"""
from collections import namedtuple

NOT_A_DATE, VAGUE, FREQUENCY = "not a date", "vague", "frequency"

Found = namedtuple("Found", "start end due")  # (typing.NamedTuple: a slower import)
