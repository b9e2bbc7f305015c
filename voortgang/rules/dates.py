"""Find the deadline in an agreement and resolve it to a calendar date.

Rules run from most to least specific over the folded text; each claims the
characters it explains, so a later, looser rule cannot read them again ("4 uur"
is a duration before it could be a day, "elke maandag" a frequency before it could
be a Monday). Dates prefer the future: "15 januari" is the next 15 January.
"""
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .days import (add_months, full_year, month_end, next_occurrence, period_month_end,
                   quarter_end, safe_date, shift, span_end)
from .lexicon import BIT, GATES
from .text import Taken


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    due: date
    role: str = "deadline"  # or "start"


class TimeFindings:
    """What a text says about time (a plain class: made for every agreement checked)."""

    __slots__ = ("due", "mentions", "vague", "frequency", "ambiguous")

    def __init__(self):
        self.due = None        # the deadline, a date
        self.mentions = []     # Mention of each date named
        self.vague = []        # (start, end) of "binnenkort", "asap"
        self.frequency = []    # (start, end) of "elke week"
        self.ambiguous = []    # other deadlines that were named


_NONSPACE = re.compile(r"\S+")


# --- reading the text ----------------------------------------------------------------

class Reader:
    """Runs the date rules of one language over one text."""

    __slots__ = ("t", "original", "lex", "today", "next_review", "mask", "taken", "free", "found",
                 "_before", "p")

    def __init__(self, folded, original, lex, today, next_review, mask):
        self.t, self.original, self.lex = folded, original, lex
        self.today, self.next_review, self.mask = today, next_review, mask
        self.taken = Taken()
        self.free = self.taken.free
        self.found = TimeFindings()
        self._before = {}
        self.p = lex.patterns

    def before(self, start):
        """The last four words before a position (folded), as a list."""
        found = self._before.get(start)
        if found is None:
            head = self.t[max(0, start - 40):start].rstrip(" ,")
            self._before[start] = found = head.split()[-4:]
        return found

    def before_as_written(self, start):
        """The last four words before a position, lowercase but with their accents
        ("deadline: 15 mei" gives "deadline")."""
        head = unicodedata.normalize("NFC", self.original[max(0, start - 40):start].lower())
        return [word.strip(":;,") for word in head.split()[-4:]]

    def claim(self, span, due):
        """A date named at `span` (start, end), unless a rule has read it already."""
        if due is None or not self.free(*span):
            return False
        self.taken.take(*span)
        self.found.mentions.append(Mention(span[0], span[1], due))
        return True

    def block(self, kind, into=None):
        """Claim a kind of time words that names no deadline (a duration, a vague
        time, a frequency), so that no date rule reads them."""
        for match in self.p[kind].finditer(self.t):
            span = match.span()
            if self.free(*span):
                self.taken.take(*span)
                if into is not None:
                    into.append(span)

    def durations(self):
        self.block("duration")

    def vague_times(self):
        self.block("vague_time", self.found.vague)

    def frequencies(self):
        self.block("frequency", self.found.frequency)

    def run(self):
        # Only the rules whose words are in the text run (`Lexicon.gate_mask`): most
        # agreements name one date in one way, and a skipped rule costs nothing.
        mask = self.mask & _DATE_RULES
        while mask:
            lowest = mask & -mask
            _RULES[lowest.bit_length() - 1](self)
            mask ^= lowest
        return self.choose()

    # each rule ----------------------------------------------------------------------

    def next_review_phrase(self):
        for match in self.p["next_review"].finditer(self.t):
            if self.next_review and self.p["deadline_preps"](self.before(match.start())):
                self.claim(match.span(), self.next_review)

    def iso_dates(self):
        for m in self.p["iso"].finditer(self.t):
            self.claim(m.span(), safe_date(int(m["year"]), int(m["month"]), int(m["day"])))

    def written_dates(self):
        for name in ("day_month", "month_day"):
            for m in self.p[name].finditer(self.t):
                month_word = m["month"]
                if name == "month_day" and not self.month_may_stand_alone(
                        m.start("month"), month_word, abbreviation_with_dot=False):
                    continue
                if name == "month_day" and \
                        self.next_word(m.end()).rstrip(".,;:") in self.lex.units:
                    continue  # "in september 2 dagen meedraaien": a count, not the 2nd
                due = self.resolve_day(int(m["day"]), self.lex.months[month_word], m["year"])
                self.claim(m.span(), due)

    def next_word(self, end):
        """The word that follows a position, as written (or "")."""
        following = self.t[end:].split(maxsplit=1)
        return following[0] if following else ""

    def numeric_dates(self):
        for m in self.p["numeric"].finditer(self.t):
            if m.group() in self.p["numeric_idioms"]:
                continue  # "the 24/7 helpdesk": round the clock, never 24 July
            day, month, year = int(m["day"]), int(m["month"]), m["year"]
            if not year and (m["sep"] == "." or not self.p["deadline_preps"](
                    self.before(m.start()))):
                continue  # "2.3" is a version, "24/7" and "4/5" are not dates
            self.claim(m.span(), self.resolve_day(day, month, year))

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

    def weekdays(self):
        raw = self.lex.raw
        need_prep = set(raw.get("weekday_abbreviations_need_preposition", []))
        next_week = self.p["next_week"]
        events = self.p["weekday_events"]
        determiners = self.lex.owner["determiners"]
        for m in self.p["weekday"].finditer(self.t):
            word = m["weekday"]
            before = self.before(m.start())
            if word in need_prep and not self.p["deadline_preps"](before):
                continue
            if before and before[-1] in determiners and \
                    self.next_word(m.end()).rstrip(".,;:") in events:
                continue  # "in the Monday stand-up", "de vrijdag borrel": an event's name
            if any(abs(mention.start - m.end()) <= 2 or abs(m.start() - mention.end) <= 2
                   for mention in self.found.mentions):
                continue  # "donderdag 19 maart": the date says which Thursday
            if self.near_frequency(m.start(), m.end()):
                continue  # "voortaan op ma", "every week on Friday": a habit, not a deadline
            target = self.lex.weekdays[word]
            after = next_week.match(self.t, m.end() + 1) if m.end() < len(self.t) else None
            # "volgende week dinsdag": the phrase ends where the weekday starts
            ahead = self.p["next_week_before"].search(self.t, max(0, m.start() - 60), m.start())
            if after or ahead:
                monday = self.today + timedelta(days=7 - self.today.weekday())
                start = ahead.start() if ahead else m.start()
                end = after.end() if after else m.end()
                self.claim((start, end), monday + timedelta(days=target))
                continue
            days = (target - self.today.weekday() - 1) % 7 + 1
            self.claim(m.span(), self.today + timedelta(days=days))

    def relative_phrases(self):
        for m in self.p["relative"].finditer(self.t):
            if not self.free(*m.span()):
                continue
            unit, amount = self.lex.relative[m.group(0)]
            if (unit, amount) == ("days", 0) and \
                    self.next_word(m.end()).rstrip(".,;:") in self.lex.weekdays:
                continue  # "EOD Friday": the end of that day, Friday
            self.claim(m.span(), shift(self.today, unit, amount))

    def half_years(self):
        for m in self.p["half"].finditer(self.t):
            if self.p["span_preps"](self.before(m.start())):
                self.claim(m.span(), add_months(self.today, 6))

    def spans(self):
        for m in self.p["span"].finditer(self.t):
            if not self.free(*m.span()):
                continue
            amount = self.lex.numbers.get(m["number"], None) if not m["number"].isdigit() \
                else int(m["number"])
            if amount is None or not self.p["span_preps"](self.before(m.start())):
                continue
            self.claim(m.span(), span_end(self.today, self.lex.units[m["unit"]], amount))

    def quarters(self):
        for m in self.p["quarter"].finditer(self.t):
            at_end = not self.t[m.end():].strip(" .!")
            if not (self.p["quarter_preps"](self.before(m.start())) or at_end):
                continue
            quarter = int(m["quarter"])
            if m["year"]:
                due = quarter_end(full_year(m["year"]), quarter)
            else:
                due = quarter_end(self.today.year, quarter)
                if due < self.today:
                    due = quarter_end(self.today.year + 1, quarter)
            self.claim(m.span(), due)

    def iso_weeks(self):
        """'uiterlijk week 16': the Sunday that ends ISO week 16 (this year's, or next)."""
        for m in self.p["iso_week"].finditer(self.t):
            week = int(m["week"])
            if not 1 <= week <= 52 or not self.p["period_preps"](self.before(m.start())):
                continue
            due = _iso_week_end(self.today.year, week)
            if due and due < self.today:
                due = _iso_week_end(self.today.year + 1, week)
            self.claim(m.span(), due)

    def months(self):
        for m in self.p["month"].finditer(self.t):
            if not self.free(*m.span()):
                continue  # "maart" in "1 maart": read already
            word = m["month"]
            if not self.month_may_stand_alone(m.start("month"), word):
                continue
            if not self.p["period_preps"](self.before(m.start())):
                continue
            month = self.lex.months[word]
            due = (month_end(full_year(m["year"]), month) if m["year"]
                   else period_month_end(self.today, month))
            self.claim(m.span(), due)

    def month_may_stand_alone(self, start, word, abbreviation_with_dot=True):
        raw = self.lex.raw
        if word in (raw["months_alone"]):
            return True
        if abbreviation_with_dot and self.t[start + len(word):start + len(word) + 1] == "." and \
                self.original[start].islower():
            return True  # "in jan." is the month; "Jan" is a name
        return word in raw.get("capitalised_months_alone", []) and self.original[start].isupper()

    def holidays(self):
        nouns = set(self.lex.raw.get("holiday_event_nouns", []))
        for m in self.p["holiday"].finditer(self.t):
            if self.next_word(m.end()) in nouns:
                continue
            if not self.p["holiday_preps"](self.before(m.start())):
                continue
            month, day = self.lex.holidays[m.group(0)]
            self.claim(m.span(), next_occurrence(self.today, month, day))

    def year_ends(self):
        if "20" not in self.t:
            return
        for m in self.p["year_end"].finditer(self.t):
            if self.p["year_end_preps"](self.before(m.start())):
                self.claim(m.span(), date(int(m["year"]), 12, 31))

    # the answer ------------------------------------------------------------------------

    def choose(self):
        found = self.found
        if len(found.mentions) < 2:  # the usual case: one date named, or none
            if found.mentions:
                found.due = found.mentions[0].due
            return found
        ordered = sorted(found.mentions, key=lambda mention: mention.start)
        for mention in ordered:
            if self.p["start_preps"](self.before(mention.start)):
                mention.role = "start"
        deadlines = [m for m in ordered if m.role == "deadline"] or ordered
        # "de KPI's voor Q4, vóór 15 oktober": a firm deadline word ("vóór", "uiterlijk",
        # "within") outweighs a loose one ("voor", "in"), wherever it stands.
        firm, loose = [], []
        for mention in deadlines:
            firm_word = self.p["firm_preps"](self.before_as_written(mention.start))
            (firm if firm_word else loose).append(mention)
        if firm:
            deadlines = firm + loose
        if deadlines:
            found.due = deadlines[0].due
            found.ambiguous = sorted({m.due for m in deadlines[1:] if m.due != found.due})
        return found


def _iso_week_end(year, week):
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


# The rule for each date gate of lexicon.GATES; they run in the order of GATES, from
# the most to the least specific. The blockers ("duration", ...) run first, as rules
# of their own.
_RULE_OF_GATE = {
    "duration": "durations", "vague_time": "vague_times", "frequency": "frequencies",
    "next_review": "next_review_phrase", "iso": "iso_dates", "written_dates": "written_dates",
    "numeric": "numeric_dates", "weekdays": "weekdays", "relative": "relative_phrases",
    "half": "half_years", "units": "spans", "quarters": "quarters", "iso_weeks": "iso_weeks",
    "months": "months", "holidays": "holidays", "year_ends": "year_ends",
}
_RULES = tuple(getattr(Reader, _RULE_OF_GATE[gate]) if gate in _RULE_OF_GATE else None
               for gate in GATES)
_DATE_RULES = sum(BIT[gate] for gate in _RULE_OF_GATE)


def find_time(folded, original, lex, today, next_review, mask):
    """Everything the text says about time: the deadline, vague and recurring mentions.

    `mask` is the `Lexicon.gate_mask` of the text's words: it says which rules can be
    skipped.
    """
    return Reader(folded, original, lex, today, next_review, mask).run()
