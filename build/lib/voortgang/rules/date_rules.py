"""The date rules: one declared rule per kind of time expression, in the order they run.

Each `DateRule` has a name, a pattern built from the language's data (a function
of the `Lexicon`) and a resolver that turns one match into a deadline. The order
of `DATE_RULES` is the order they run in, from the most to the least specific:
each claims the characters it explains, so a looser rule later on cannot read them
again ("4 uur" is a duration before it could be a day, "elke maandag" a frequency
before it could be a Monday). To add a kind of expression: write its rule here,
put its words in data/<lang>.json (and schema.py), add corpus lines.

A resolver gets the `dates.Reading` of the text and the match, and returns
- a date: the deadline named by the matched words;
- `Found(start, end, due)`: a deadline named by other words than the match;
- NOT_A_DATE, VAGUE or FREQUENCY: time words that name no deadline, claimed so that
  no later rule reads them (vague and recurring ones are reported too);
- None: the match is no date here, the characters stay free.
"""
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, NamedTuple

from .days import (add_months, full_year, month_end, next_occurrence, period_month_end,
                   quarter_end, safe_date, shift, span_end)
from .text import alternatives, fold, phrase_regex

NOT_A_DATE, VAGUE, FREQUENCY = "not a date", "vague", "frequency"


class Found(NamedTuple):
    start: int
    end: int
    due: date


@dataclass(frozen=True)
class DateRule:
    name: str
    pattern: Callable  # Lexicon -> regex source
    resolve: Callable  # (Reading, re.Match) -> date | Found | marker | None
    # Its pattern cannot match a text without a digit: skip it there. Most agreements
    # name one date, so this skips most of the rules for dates written in numbers.
    needs_digit: bool = False


def _phrases(key, escape=True):
    """The pattern of a list of phrases in the language data, on word boundaries."""
    return lambda lex: phrase_regex([fold(w) for w in lex.raw[key]], escape=escape)


def _optional(words, then=r"\s+"):
    """An optional word from the list followed by `then` ("" when the list is empty)."""
    return rf"(?:(?:{alternatives(words)}){then})?" if words else ""


# A year is four digits, or two after an apostrophe: "1 juni 20 klanten" has none.
YEAR = r"(?:\s*,?\s*(?P<year>\d{4}|'\d{2})(?!\d))?"


# --- time words that name no deadline ----------------------------------------------

def _duration_pattern(lex):
    return r"(?<![\w])(?:" + "|".join(lex.raw["duration"]) + r")(?![\w])"


# --- dates written out ---------------------------------------------------------------

def _iso(r, m):
    return safe_date(int(m["year"]), int(m["month"]), int(m["day"]))


def _day_month_pattern(lex):
    suffix = alternatives(lex.raw["ordinal_suffixes"])
    return (rf"(?<![\w])(?P<day>\d{{1,2}})(?:{suffix})?\s*"
            rf"{_optional(lex.raw['day_month_joiners'])}(?P<month>{lex.month_regex})"
            rf"\.?(?![\w]){YEAR}")


def _day_month(r, m):
    return r.resolve_day(int(m["day"]), r.lex.months[m["month"]], m["year"])


def _month_day_pattern(lex):
    suffix = alternatives(lex.raw["ordinal_suffixes"])
    return (rf"(?<![\w])(?P<month>{lex.month_regex})\.?\s+"
            rf"{_optional(lex.raw['month_day_joiners'])}(?P<day>\d{{1,2}})(?:{suffix})?"
            rf"(?![\d\w:%]|[.,]\d){YEAR}")


def _month_day(r, m):
    if not r.month_may_stand_alone(m.start("month"), m["month"], abbreviation_with_dot=False):
        return None
    if r.next_word(m.end()).rstrip(".,;:") in r.lex.units:
        return None  # "in september 2 dagen meedraaien": a count, not the 2nd
    return r.resolve_day(int(m["day"]), r.lex.months[m["month"]], m["year"])


NUMERIC = (r"(?<![\d\w.,/:-])(?P<day>\d{1,2})\s?(?P<sep>[-/.])\s?(?P<month>\d{1,2})"
           r"(?:(?P=sep)(?P<year>\d{4}|\d{2}))?(?![\d\w]|[.,/:-]\d|%)")


def _numeric(r, m):
    if m.group() in r.lex.numeric_idioms:
        return None  # "the 24/7 helpdesk": round the clock, never 24 July
    if not m["year"] and (m["sep"] == "." or not r.lex.deadline_preps(r.before(m.start()))):
        return None  # "2.3" is a version, "24/7" and "4/5" are not dates
    return r.resolve_day(int(m["day"]), int(m["month"]), m["year"])


# --- days of the week ----------------------------------------------------------------

def _weekday_pattern(lex):
    return rf"(?<![\w])(?P<weekday>{alternatives(lex.weekdays)})\.?(?![\w])"


def _weekday(r, m):
    word, start, end = m["weekday"], m.start(), m.end()
    before = r.before(start)
    if word in r.lex.weekday_needs_preposition and not r.lex.deadline_preps(before):
        return None  # "zo" is mostly "so"; "vóór zo" is Sunday
    if before and before[-1] in r.lex.owner["determiners"] and \
            r.next_word(end).rstrip(".,;:") in r.lex.weekday_events:
        return None  # "in the Monday stand-up", "de vrijdag borrel": an event's name
    if any(abs(mention.start - end) <= 2 or abs(start - mention.end) <= 2
           for mention in r.found.mentions):
        return None  # "donderdag 19 maart": the date says which Thursday
    if r.near_frequency(start, end):
        return None  # "voortaan op ma", "every week on Friday": a habit, not a deadline
    target = r.lex.weekdays[word]
    # "dinsdag volgende week" / "volgende week dinsdag": that day in the next week
    after = r.lex.next_week_after.match(r.t, end + 1) if end < len(r.t) else None
    ahead = r.lex.next_week_before.search(r.t, max(0, start - 60), start)
    if after or ahead:
        monday = r.today + timedelta(days=7 - r.today.weekday())
        return Found(ahead.start() if ahead else start, after.end() if after else end,
                     monday + timedelta(days=target))
    return r.today + timedelta(days=(target - r.today.weekday() - 1) % 7 + 1)


# --- periods and spans from today ----------------------------------------------------

def _relative(r, m):
    unit, amount = r.lex.relative[m.group()]
    if (unit, amount) == ("days", 0) and \
            r.next_word(m.end()).rstrip(".,;:") in r.lex.weekdays:
        return None  # "EOD Friday": the end of that day, Friday
    return shift(r.today, unit, amount)


def _half_year(r, m):
    return add_months(r.today, 6) if r.lex.span_preps(r.before(m.start())) else None


def _span_pattern(lex):
    numbers = r"\d+|" + alternatives(lex.numbers)
    return rf"(?<![\w])(?P<number>{numbers})\s*(?P<unit>{alternatives(lex.units)})(?![\w])"


def _span(r, m):
    number = m["number"]
    amount = int(number) if number.isdigit() else r.lex.numbers.get(number)
    if amount is None or not r.lex.span_preps(r.before(m.start())):
        return None
    return span_end(r.today, r.lex.units[m["unit"]], amount)


def _quarter(r, m):
    at_end = not r.t[m.end():].strip(" .!")
    if not (r.lex.quarter_preps(r.before(m.start())) or at_end):
        return None  # "het Q3-project", "doelen voor Q2 bespreken": a topic
    quarter = int(m["quarter"])
    if m["year"]:
        return quarter_end(full_year(m["year"]), quarter)
    due = quarter_end(r.today.year, quarter)
    return due if due >= r.today else quarter_end(r.today.year + 1, quarter)


def _iso_week_pattern(lex):
    return rf"(?<![\w])(?:{alternatives(lex.raw['week_words'])})\.?\s*(?P<week>\d{{1,2}})(?![\d\w])"


def _iso_week(r, m):
    """'uiterlijk week 16': the Sunday that ends ISO week 16 (this year's, or next)."""
    week = int(m["week"])
    if not 1 <= week <= 52 or not r.lex.period_preps(r.before(m.start())):
        return None
    due = _iso_week_end(r.today.year, week)
    if due and due < r.today:
        due = _iso_week_end(r.today.year + 1, week)
    return due


def _iso_week_end(year, week):
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


def _month_pattern(lex):
    return rf"(?<![\w])(?P<month>{lex.month_regex})\.?(?![\w]){YEAR}"


def _month(r, m):
    word = m["month"]
    if not r.month_may_stand_alone(m.start("month"), word):
        return None
    if not r.lex.period_preps(r.before(m.start())):
        return None
    month = r.lex.months[word]
    return (month_end(full_year(m["year"]), month) if m["year"]
            else period_month_end(r.today, month))


def _holiday(r, m):
    if r.next_word(m.end()) in r.lex.holiday_events:
        return None  # "kerstborrel" is one word, "Christmas drinks" two
    if not r.lex.holiday_preps(r.before(m.start())):
        return None
    month, day = r.lex.holidays[m.group()]
    return next_occurrence(r.today, month, day)


def _year_end(r, m):
    if not r.lex.year_end_preps(r.before(m.start())):
        return None
    return date(int(m["year"]), 12, 31)


DATE_RULES = (
    DateRule("duration", _duration_pattern, lambda r, m: NOT_A_DATE),
    DateRule("vague time", _phrases("vague_time", escape=False), lambda r, m: VAGUE),
    DateRule("frequency", _phrases("frequency", escape=False), lambda r, m: FREQUENCY),
    DateRule("next review", _phrases("next_review"),
             lambda r, m: r.next_review if r.next_review and
             r.lex.deadline_preps(r.before(m.start())) else None),
    DateRule("yyyy-mm-dd",
             lambda lex: r"(?<![\d\w])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d])",
             _iso, needs_digit=True),
    DateRule("<day> <month> [year]", _day_month_pattern, _day_month, needs_digit=True),
    DateRule("<month> <day> [year]", _month_day_pattern, _month_day, needs_digit=True),
    DateRule("dd-mm[-yyyy]", lambda lex: NUMERIC, _numeric, needs_digit=True),
    DateRule("<weekday>", _weekday_pattern, _weekday),
    DateRule("relative phrase", _phrases("relative"), _relative),
    DateRule("half a year", _phrases("half_units"), _half_year),
    DateRule("<number> <unit>", _span_pattern, _span),
    DateRule("quarter", lambda lex: r"(?<![\w])q(?P<quarter>[1-4])"
             r"(?:\s*'?(?P<year>\d{4}|\d{2}))?(?![\w-])", _quarter, needs_digit=True),
    DateRule("week <number>", _iso_week_pattern, _iso_week, needs_digit=True),
    DateRule("<month> [year]", _month_pattern, _month),
    DateRule("holiday", _phrases("holidays"), _holiday),
    DateRule("end of <year>", lambda lex: r"(?<![\w])(?P<year>20\d{2})(?![\w%])", _year_end,
             needs_digit=True),
)
