"""Find the deadline in an agreement and resolve it to a calendar date.

The rules themselves are in date_rules.py; this module runs them, in the order of
`DATE_RULES`, over one text, and chooses the deadline among the dates they found.
Dates prefer the future: "15 januari" is the next 15 January.
"""
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .findings import FREQUENCY, NOT_A_DATE, VAGUE, Found
from .days import full_year, next_occurrence, safe_date
from .text import Taken, letter_runs


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    due: date
    role: str = "deadline"  # or "start"


class TimeFindings:
    """What a text says about time (a plain class: made for every agreement checked)."""

    __slots__ = ("due", "due_is_start", "mentions", "vague", "frequency", "ambiguous")

    def __init__(self):
        self.due = None        # the deadline, a date
        self.due_is_start = False  # the date is when something starts ("vanaf 1 maart")
        self.mentions = []     # Mention of each date named
        self.vague = []        # (start, end) of "binnenkort", "asap"
        self.frequency = []    # (start, end) of "elke week"
        self.ambiguous = []    # other deadlines that were named


_NONSPACE = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")


class Reading:
    """One text being read by the date rules: what they have found and claimed so far,
    and the questions a resolver asks about the words around a match."""

    __slots__ = ("t", "original", "lex", "today", "next_review", "taken", "free", "found",
                 "_before")

    def __init__(self, folded, original, lex, today, next_review):
        self.t, self.original, self.lex = folded, original, lex
        self.today, self.next_review = today, next_review
        self.taken = Taken()
        self.free = self.taken.free
        self.found = TimeFindings()
        self._before = {}

    def run(self):
        # A rule that cannot match is not run (see DateRule.needs_digit, literal_phrases).
        has_digit = _DIGIT.search(self.t) is not None
        words = letter_runs(self.t)
        typo = None  # is a month or weekday name written with a typo? (asked once)
        for rule, pattern, key_words in self.lex.date_rules:
            if rule.needs_digit and not has_digit:
                continue
            if key_words is not None and words.isdisjoint(key_words):
                if rule.literal_phrases not in self.lex.TYPO_KEYS:
                    continue
                if typo is None:
                    typo = self.lex.has_typo_of_a_name(words)
                if not typo:
                    continue
            for match in pattern.finditer(self.t):
                if self.free(*match.span()):
                    self.record(match, rule.resolve(self, match))
        return self.choose()

    def record(self, match, result):
        """Claim what a resolver found (see date_rules), unless a rule read it already."""
        if result is None:
            return
        if result is NOT_A_DATE or result is VAGUE or result is FREQUENCY:
            self.taken.take(*match.span())
            if result is VAGUE:
                self.found.vague.append(match.span())
            elif result is FREQUENCY:
                self.found.frequency.append(match.span())
            return
        start, end, due = result if isinstance(result, Found) else (*match.span(), result)
        if due is not None and self.free(start, end):
            self.taken.take(start, end)
            self.found.mentions.append(Mention(start, end, due))

    # what resolvers ask -----------------------------------------------------------------

    def before(self, start):
        """The last four words before a position (folded), as a list."""
        found = self._before.get(start)
        if found is None:
            head = self.t[max(0, start - 40):start].rstrip(" ,")
            self._before[start] = found = head.split()[-4:]
        return found

    def before_as_written(self, start):
        """The last four words before a position, lowercase but with their accents
        ("vóór" is a firm deadline, "voor" is not; "deadline: 15 mei" gives "deadline")."""
        head = unicodedata.normalize("NFC", self.original[max(0, start - 40):start].lower())
        return [word.strip(":;,") for word in head.split()[-4:]]

    def next_word(self, end):
        """The word that follows a position, as written (or "")."""
        following = self.t[end:].split(maxsplit=1)
        return following[0] if following else ""

    def resolve_day(self, day, month, year):
        if not 1 <= month <= 12:
            return None
        if year:
            return safe_date(full_year(year), month, day)
        return next_occurrence(self.today, month, day)

    def near_frequency(self, start, end):
        """Is a frequency word at most two unclaimed words away ('voortaan om 9 uur op ma')?"""
        for f_start, f_end in self.found.frequency:
            gap = self.t[f_end:start] if f_end <= start else self.t[end:f_start]
            offset = f_end if f_end <= start else end
            words = [w for w in _NONSPACE.finditer(gap)
                     if self.free(offset + w.start(), offset + w.end())]
            if len(words) <= 2:
                return True
        return False

    def month_may_stand_alone(self, start, word, abbreviation_with_dot=True):
        """Is this month word a month? "Jan" and "May" are names too."""
        if word in self.lex.months_alone:
            return True
        if abbreviation_with_dot and self.t[start + len(word):start + len(word) + 1] == "." \
                and self.original[start].islower():
            return True  # "in jan." is the month; "Jan" is a name
        return word in self.lex.capitalised_months_alone and \
            self.original[start].isupper()

    # the answer -------------------------------------------------------------------------

    def choose(self):
        found = self.found
        if len(found.mentions) < 2:  # the usual case: one date named, or none
            if found.mentions:
                mention = found.mentions[0]
                found.due = mention.due
                if self.lex.start_or_per_preps(self.before(mention.start)):
                    mention.role = "start"  # "vanaf 11 december", "per 1/3"
                    found.due_is_start = True
            return found
        ordered = sorted(found.mentions, key=lambda mention: mention.start)
        for mention in ordered:
            if self.lex.start_preps(self.before(mention.start)):
                mention.role = "start"
        deadlines = [m for m in ordered if m.role == "deadline"] or ordered
        # "de KPI's voor Q4, vóór 15 oktober": a firm deadline word ("vóór", "uiterlijk",
        # "within") outweighs a loose one ("voor", "in"), wherever it stands.
        firm, loose = [], []
        for mention in deadlines:
            firm_word = self.lex.firm_preps(self.before_as_written(mention.start))
            (firm if firm_word else loose).append(mention)
        if firm:
            deadlines = firm + loose
        # "heeft gisteren gemaild, reageert morgen": what is still to come is the deadline
        coming = [m for m in deadlines if m.due >= self.today]
        if coming and len(coming) < len(deadlines):
            deadlines = coming + [m for m in deadlines if m.due < self.today]
        if deadlines:
            found.due = deadlines[0].due
            found.due_is_start = deadlines[0].role == "start"  # only starts are named
            found.ambiguous = sorted({m.due for m in deadlines[1:] if m.due != found.due})
        return found


def find_time(folded, original, lex, today, next_review):
    """Everything the text says about time: the deadline, vague and recurring mentions."""
    return Reading(folded, original, lex, today, next_review).run()

