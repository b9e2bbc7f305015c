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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .days import (add_months, easter, full_year, month_end, next_occurrence, nth_weekday,
                   period_month_end, quarter_end, safe_date, shift, span_end)
from .findings import FREQUENCY, NOT_A_DATE, VAGUE, Found  # noqa: F401 (re-exported)
from .text import alternatives, fold, phrase_regex



@dataclass(frozen=True)
class DateRule:
    name: str
    pattern: Callable  # Lexicon -> regex source
    resolve: Callable  # (Reading, re.Match) -> date | Found | marker | None
    # Most agreements name one date in one way, so most rules find nothing; these
    # two let the engine skip a rule without scanning the text:
    # its pattern cannot match a text without a digit;
    needs_digit: bool = False
    # or: the data key whose phrases the pattern matches literally, on word
    # boundaries (a match holds a whole phrase, so a text without any of their words
    # cannot match).
    literal_phrases: str | None = None


def _phrases(key, escape=True):
    """The pattern of a list of phrases in the language data, on word boundaries."""
    return lambda lex: phrase_regex([fold(w) for w in lex.raw[key]], escape=escape)


def _optional(words, then=r"\s+"):
    """An optional word from the list followed by `then` ("" when the list is empty)."""
    return rf"(?:(?:{alternatives(words)}){then})?" if words else ""


# A year is four digits, or two after an apostrophe: "1 juni 20 klanten" has none.
YEAR = r"(?:\s*,?\s*(?P<year>\d{4}|'\d{2})(?!\d))?"


def _year(name):
    """YEAR with another group name, for a second alternative in one pattern."""
    return YEAR.replace("?P<year>", f"?P<{name}>")


def _ordinal(lex, words=True):
    """"3e", "15th", and (with `words`) "derde", "third", "laatste"."""
    suffix = alternatives(lex.raw["ordinal_suffixes"])
    numbers = rf"\d{{1,2}}(?:{suffix})"
    return rf"(?:{numbers}|{alternatives(lex.ordinal_words)})" if words else numbers


def _ordinal_value(lex, text):
    """The number of an ordinal: "3e" 3, "third" 3, "last" -1."""
    if text[0].isdigit():
        return int(text[:2] if text[:2].isdigit() else text[0])
    return lex.ordinal_words[text]


def _this_or_next_year(today, year, make):
    """make(year) for the year written, else this year's if not past, else next year's."""
    if year:
        return make(full_year(year))
    due = make(today.year)
    return due if due is not None and due >= today else make(today.year + 1)


# --- time words that name no deadline ----------------------------------------------

def _duration_pattern(lex):
    return r"(?<![\w])(?:" + "|".join(lex.raw["duration"]) + r")(?![\w])"


# --- dates written out ---------------------------------------------------------------

def _next_review(r, m):
    """"vóór het volgende gesprek": the date of the next review, when it is known."""
    if r.next_review and r.lex.deadline_preps(r.before(m.start())):
        return r.next_review
    return None


def _iso(r, m):
    return safe_date(int(m["year"]), int(m["month"]), int(m["day"]))


def _day_month_pattern(lex):
    suffix = alternatives(lex.raw["ordinal_suffixes"])
    return (rf"(?<![\w])(?P<day>\d{{1,2}})(?:{suffix})?\s*"
            rf"{_optional(lex.raw['day_month_joiners'])}(?P<month>{lex.month_or_typo_regex})"
            rf"\.?(?![\w]){YEAR}")


def _day_month(r, m):
    return r.resolve_day(int(m["day"]), r.lex.months[m["month"]], m["year"])


def _month_day_pattern(lex):
    suffix = alternatives(lex.raw["ordinal_suffixes"])
    return (rf"(?<![\w])(?P<month>{lex.month_or_typo_regex})\.?\s+"
            rf"{_optional(lex.raw['month_day_joiners'])}(?P<day>\d{{1,2}})(?:{suffix})?"
            rf"(?![\d\w:%]|[.,]\d){YEAR}")


def _month_day(r, m):
    if not r.month_may_stand_alone(m.start("month"), m["month"], abbreviation_with_dot=False) \
            and not r.lex.deadline_preps(r.before(m.start())):
        return None  # "Jan 3 klanten": a name; "by Jan 8", "starting may 4": the month
    if r.next_word(m.end()).rstrip(".,;:") in r.lex.units:
        return None  # "in september 2 dagen meedraaien": a count, not the 2nd
    return r.resolve_day(int(m["day"]), r.lex.months[m["month"]], m["year"])


NUMERIC = (r"(?<![\d\w.,/:-])(?P<day>\d{1,2})\s?(?P<sep>[-/.])\s?(?P<month>\d{1,2})"
           r"(?:(?P=sep)(?P<year>\d{4}|\d{2}))?(?![\d\w]|[.,/:-]\d|%)")


def _numeric(r, m):
    if m.group() in r.lex.numeric_idioms:
        return None  # "the 24/7 helpdesk": round the clock, never 24 July
    if not m["year"]:
        before = r.before(m.start())
        ends = not r.t[m.end():].strip(" .!;)") or r.t[m.end()] == ","
        # "de teamdag van 12/11": an event's day (where the text or clause ends there)
        named = r.lex.deadline_preps(before) or r.lex.event_preps(before) and ends and \
            not (len(before) > 1 and before[-2] in r.lex.score_nouns)  # "score van 7/10"
        if not named or m["sep"] == "." and not ends:
            return None  # "2.3" is a version, "24/7" and "4/5" are not dates
    return r.resolve_day(int(m["day"]), int(m["month"]), m["year"])


# --- days of the week ----------------------------------------------------------------

def _weekday_pattern(lex):
    return rf"(?<![\w])(?P<weekday>{lex.weekday_or_typo_regex})\.?(?![\w])"


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
    # "dinsdag volgende week", "deze week woensdag", "friday after next": that day in
    # that ISO week (this week's even if it has passed)
    after = r.lex.weekday_weeks_after.match(r.t, end) if end < len(r.t) else None
    ahead = None if after else r.lex.weekday_weeks_before.search(r.t, max(0, start - 60),
                                                                 start)
    if after or ahead:
        weeks = r.lex.weekday_weeks[(after or ahead)["weeks"]]
        monday = r.today + timedelta(days=7 * weeks - r.today.weekday())
        return Found(ahead.start() if ahead else start, after.end() if after else end,
                     monday + timedelta(days=target))
    return r.today + timedelta(days=(target - r.today.weekday() - 1) % 7 + 1)


# --- periods and spans from today ----------------------------------------------------

def _relative(r, m):
    unit, amount = r.lex.relative[m.group()]
    if (unit, amount) == ("days", 0):
        following = r.next_word(m.end()).rstrip(".,;:")
        if following in r.lex.weekdays or r.lex.relative.get(following, ("",))[0] == "days":
            return None  # "EOD Friday", "COB morgen": the end of that day
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
    following = r.next_word(m.end()).rstrip(".,;:")
    if not 1 <= week <= 53 or following in r.lex.units or \
            not r.lex.period_preps(r.before(m.start())) and \
            following in r.lex.raw["part_of_joiners"]:
        return None  # "week 3 dagen" is a count, "week 2 of the onboarding" a part of it
    due = _iso_week_end(r.today.year, week)
    if due is None or due < r.today:
        due = _iso_week_end(r.today.year + 1, week)
    return due


def _iso_week_end(year, week):
    try:
        return date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


def _mid_month_pattern(lex):
    return (rf"(?<![\w])(?:{alternatives(lex.raw['mid_month_words'])})(?:\s*-\s*|\s+)"
            rf"(?P<month>{lex.month_regex})\.?(?![\w]){YEAR}")


def _mid_month(r, m):
    """"medio maart", "mid-July": the 15th (the next one on or after today)."""
    month = r.lex.months[m["month"]]
    if m["year"]:
        return safe_date(full_year(m["year"]), month, 15)
    return next_occurrence(r.today, month, 15)


def _month_pattern(lex):
    return rf"(?<![\w])(?P<month>{lex.month_or_typo_regex})\.?(?![\w]){YEAR}"


def _month(r, m):
    word = m["month"]
    before = r.before(m.start())
    if not r.lex.period_preps(before):
        return None
    if not r.month_may_stand_alone(m.start("month"), word) and \
            not r.lex.ambiguous_month_preps(before):
        return None  # "Jan" is a name, "in jan" the month
    month = r.lex.months[word]
    return (month_end(full_year(m["year"]), month) if m["year"]
            else period_month_end(r.today, month))


def _holiday(r, m):
    if r.next_word(m.end()) in r.lex.holiday_events:
        return None  # "kerstborrel" is one word, "Christmas drinks" two
    if not r.lex.holiday_preps(r.before(m.start())):
        return None
    month, day = r.lex.holidays[m["holiday"]]
    if m["year"]:
        return safe_date(full_year(m["year"]), month, day)
    return next_occurrence(r.today, month, day)


def _holiday_pattern(key):
    """The phrases of a list of holidays, maybe with a year ("Koningsdag 2018")."""
    return lambda lex: (rf"(?P<holiday>{phrase_regex([fold(w) for w in lex.raw[key]])})"
                        rf"{YEAR}")


def _year_end(r, m):
    if not r.lex.year_end_preps(r.before(m.start())):
        return None
    return date(int(m["year"]), 12, 31)




# --- added for notes as people type them (tests/rules/corpus/README.md) -------------

def _span_from_now_pattern(lex):
    numbers = r"\d+|" + alternatives(lex.numbers)
    units = alternatives(list(lex.units) + [w + "s" for w in lex.weekdays if len(w) > 2])
    return (rf"(?<![\w])(?P<number>{numbers})\s+(?P<unit>{units})\s+"
            rf"(?:{alternatives(lex.raw['span_suffixes'])})(?![\w])")


def _span_from_now(r, m):
    """"3 days from now", "a fortnight hence", "3 fridays from now" (the third Friday)."""
    number = m["number"]
    amount = int(number) if number.isdigit() else r.lex.numbers.get(number)
    if amount is None:
        return None
    unit = m["unit"]
    if unit in r.lex.units:
        return span_end(r.today, r.lex.units[unit], amount)
    target = r.lex.weekdays[unit[:-1]]
    first = r.today + timedelta(days=(target - r.today.weekday() - 1) % 7 + 1)
    return first + timedelta(weeks=amount - 1) if 0 < amount < 1000 else None


def _begin_month_pattern(lex):
    """"begin april", "early May": vague (the coach asks for a day)."""
    return (rf"(?<![\w])(?:{alternatives(lex.raw['period_start_words'])})\s+"
            rf"(?P<month>{lex.month_regex})\.?(?![\w])")


def _easter_holiday(r, m):
    """"voor Pasen", "before Ascension Day": a day counted from Easter Sunday."""
    if r.next_word(m.end()) in r.lex.holiday_events:
        return None  # "Easter drinks"
    offset = timedelta(days=r.lex.easter_holidays[m["holiday"]])
    return _this_or_next_year(r.today, m["year"], lambda year: easter(year) + offset)


def _year_month(r, m):
    """"2014-10", "2/2013": the last day of that month."""
    month, year = (m["month"], m["year"]) if m["year"] else (m["month2"], m["year2"])
    if not 1 <= int(month) <= 12 or not r.lex.deadline_preps(r.before(m.start())):
        return None
    return month_end(int(year), int(month))


def _range_pattern(lex):
    suffix = rf"(?:{alternatives(lex.raw['ordinal_suffixes'])})?"
    to = rf"\s*(?:{alternatives(lex.raw['range_joiners'])})\s*"
    months = lex.month_regex
    numeric = (r"(?P<{0}d>\d{{1,2}})(?P<{0}s>[-/.])(?P<{0}m>\d{{1,2}})"
               r"(?:(?P={0}s)(?P<{0}y>\d{{4}}|\d{{2}}))?")  # day, separator, month, year
    return (rf"(?<![\w])\d{{1,2}}{suffix}{to}(?P<day>\d{{1,2}}){suffix}\s*(?P<month>{months})"
            rf"\.?(?![\w]){YEAR}"
            rf"|(?<![\w])(?P<month2>{months})\.?\s+\d{{1,2}}{suffix}{to}"
            rf"(?:(?P<month3>{months})\.?\s+)?(?P<day2>\d{{1,2}}){suffix}(?![\w]){_year('year2')}"
            rf"|(?<![\d\w.,/:-]){numeric.format('a')}{to}{numeric.format('b')}"
            rf"(?![\d\w]|[.,/:-]\d)")


def _range(r, m):
    """"13-15 juli", "July 13 to 15", "14/10 - 15/10": a range's last day."""
    if m["day"]:
        return r.resolve_day(int(m["day"]), r.lex.months[m["month"]], m["year"])
    if m["day2"]:
        return r.resolve_day(int(m["day2"]), r.lex.months[m["month3"] or m["month2"]],
                             m["year2"])
    if m["as"] != m["bs"]:
        return None
    return r.resolve_day(int(m["bd"]), int(m["bm"]), m["by"] or m["ay"])


def _week_of_pattern(lex):
    suffix = rf"(?:{alternatives(lex.raw['ordinal_suffixes'])})?"
    months = lex.month_regex
    return (rf"(?<![\w])(?:{alternatives(lex.raw['week_of_words'])})\s+"
            rf"(?:(?P<day>\d{{1,2}}){suffix}\s*(?P<month>{months})\.?"
            rf"|(?P<month2>{months})\.?\s+(?P<day2>\d{{1,2}}){suffix}"
            rf"|(?P<day3>\d{{1,2}})[-/](?P<month3>\d{{1,2}}))(?![\w]){YEAR}")


def _week_of(r, m):
    """"in de week van 12 januari", "w/c 5 Feb": the Sunday of that date's ISO week."""
    if m["day"]:
        day = r.resolve_day(int(m["day"]), r.lex.months[m["month"]], m["year"])
    elif m["day2"]:
        day = r.resolve_day(int(m["day2"]), r.lex.months[m["month2"]], m["year"])
    else:
        day = r.resolve_day(int(m["day3"]), int(m["month3"]), m["year"])
    return day + timedelta(days=6 - day.weekday()) if day else None


def _nth_weekday_pattern(lex):
    return (rf"(?<![\w])(?P<nth>{_ordinal(lex)})\s+(?P<weekday>{lex.weekday_regex})"
            rf"\s+(?:{alternatives(lex.raw['part_of_joiners'])})\s+(?P<month>{lex.month_regex})"
            rf"\.?(?![\w]){YEAR}")


def _nth_weekday(r, m):
    """"laatste maandag van maart", "first tuesday of october"."""
    nth, weekday = _ordinal_value(r.lex, m["nth"]), r.lex.weekdays[m["weekday"]]
    month = r.lex.months[m["month"]]
    return _this_or_next_year(r.today, m["year"],
                              lambda year: nth_weekday(year, month, weekday, nth))


def _nth_part_pattern(lex):
    parts = [w for w, unit in lex.units.items() if unit in ("days", "weeks")]
    parts += lex.raw["week_words"]
    return (rf"(?<![\w])(?P<nth>{_ordinal(lex)})\s+(?P<part>{alternatives(parts)})\.?"
            rf"\s+(?:{alternatives(lex.raw['part_of_joiners'])})\s+(?P<month>{lex.month_regex})"
            rf"\.?(?![\w]){YEAR}")


def _nth_part(r, m):
    """"de derde dag in oktober"; "de 1e week van januari" = the 7th (the Nth week ends on
    day 7N; the last week on the month's last day)."""
    nth, month = _ordinal_value(r.lex, m["nth"]), r.lex.months[m["month"]]
    week = r.lex.units.get(m["part"], "weeks") == "weeks"
    if not (nth == -1 or 1 <= nth <= (5 if week else 31)):
        return None

    def day(year):
        last = month_end(year, month)
        if nth == -1:
            return last
        return min(last, date(year, month, 7 * nth)) if week else safe_date(year, month, nth)
    return _this_or_next_year(r.today, m["year"], day)


def _day_of_month_pattern(lex):
    days = [w for w, unit in lex.units.items() if unit == "days"]
    return (rf"(?<![\w])(?:(?:{alternatives(lex.raw['day_articles'])})\s+)?"
            rf"(?P<day>{_ordinal(lex)}|\d{{1,2}})\s+(?:(?:{alternatives(days)})\s+)?"
            rf"(?:{alternatives(lex.raw['part_of_joiners'])})\s+"
            rf"(?P<months>{alternatives(lex.relative_months)})(?![\w])")


def _day_of_month(r, m):
    """"the 20th of next month", "de 20e van volgende maand"."""
    day = int(m["day"]) if m["day"].isdigit() else _ordinal_value(r.lex, m["day"])
    first = add_months(r.today.replace(day=1), r.lex.relative_months[m["months"]])
    return month_end(first.year, first.month) if day == -1 else \
        safe_date(first.year, first.month, day)


def _ordinal_month_pattern(lex):
    words = alternatives(lex.ordinal_words)
    of = alternatives(lex.raw["day_month_joiners"] + lex.raw["part_of_joiners"])
    return (rf"(?<![\w])(?P<nth>{words})\s+(?:(?P<of>{of})\s+)?"
            rf"(?P<month>{lex.month_regex})\.?(?![\w]){YEAR}"
            rf"|(?<![\w])(?P<month2>{lex.month_regex})\.?\s+"
            rf"{_optional(lex.raw['month_day_joiners'])}(?P<nth2>{words})(?![\w]){_year('year2')}")


def _ordinal_month(r, m):
    """"de derde maart", "the first of March", "march third 2015"."""
    word, nth, year = ((m["month"], m["nth"], m["year"]) if m["month"]
                       else (m["month2"], m["nth2"], m["year2"]))
    day = r.lex.ordinal_words[nth]
    if day < 1:
        return None
    start = m.start("month") if m["month"] else m.start("month2")
    if not (m["of"] or r.month_may_stand_alone(start, word)
            or r.lex.deadline_preps(r.before(m.start()))):
        return None  # "we may first": a verb
    return r.resolve_day(day, r.lex.months[word], year)


def _next_periods_pattern(lex):
    numbers = r"\d+|" + alternatives(lex.numbers)
    return (rf"(?<![\w])(?:{alternatives(lex.raw['next_n_words'])})\s+(?P<number>{numbers})"
            rf"\s+(?P<unit>{alternatives(lex.units)})(?![\w])")


def _next_periods(r, m):
    """"komende 3 dagen" = today + 3; "next 3 weeks" = the end of the third week after
    this one; months, quarters and years likewise end on their last day."""
    number = m["number"]
    amount = int(number) if number.isdigit() else r.lex.numbers.get(number)
    if amount is None or amount > 100:
        return None
    unit = r.lex.units[m["unit"]]
    if r.lex.span_preps(r.before(m.start())):
        return span_end(r.today, unit, amount)  # "within the next 2 weeks": today + 14
    if unit in ("days", "weeks", "months", "quarters", "years"):
        return shift(r.today, unit, amount)
    return span_end(r.today, unit, amount)


def _quarter_topic_pattern(lex):
    return (rf"(?<![\w])q[1-4]\s*(?:{alternatives(lex.raw['topic_joiners'])})\s*q[1-4]"
            r"(?![\w])")


def _ordinal_quarter_pattern(lex):
    return (rf"(?<![\w])(?P<nth>{_ordinal(lex)})\s+(?:{alternatives(lex.raw['quarter_words'])})"
            rf"(?:\s+(?:{alternatives(lex.raw['part_of_joiners'])}))?{YEAR}(?![\w])")


def _ordinal_quarter(r, m):
    """"derde kwartaal", "the 4th qtr of 2018": the quarter's last day."""
    quarter = _ordinal_value(r.lex, m["nth"])
    if not 1 <= quarter <= 4:
        return None
    if not (r.lex.quarter_preps(r.before(m.start())) or not r.t[m.end():].strip(" .!")):
        return None  # "het derde kwartaal bespreken": a topic
    return _this_or_next_year(r.today, m["year"], lambda year: quarter_end(year, quarter))


def _year_quarter(r, m):
    """"2018Q4", "18q4"."""
    return quarter_end(full_year(m["year"]), int(m["quarter"]))


def _bare_day_pattern(lex):
    return (rf"(?<![\w])(?:{alternatives(lex.raw['day_articles'])})\s+"
            rf"(?P<day>{_ordinal(lex)}|\d{{1,2}})(?![\w])"
            rf"|(?<![\w])(?P<day2>{_ordinal(lex, words=False)})(?![\w])")


def _bare_day(r, m):
    """"by the 15th", "voor de 20e", "op de eerste": the next such day of a month."""
    text = m["day"] or m["day2"]
    if not r.lex.deadline_preps(r.before(m.start())):
        return None
    rest = r.t[m.end():m.end() + 2]
    if rest[:1] in ("/", "-", ":") or rest[:1] == "." and rest[1:].isdigit() or \
            r.t[m.end():].lstrip()[:1].isalnum():
        return None  # "voor de 2e ronde", "the 24/7 helpdesk": no day of the month
    day = int(text) if text.isdigit() else _ordinal_value(r.lex, text)
    if not 1 <= day <= 31:
        return None
    year, month = r.today.year, r.today.month
    for _ in range(13):
        if day <= month_end(year, month).day and date(year, month, day) >= r.today:
            return date(year, month, day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


DATE_RULES = (
    DateRule("duration", _duration_pattern, lambda r, m: NOT_A_DATE),
    DateRule("<number> <unit> from now", _span_from_now_pattern, _span_from_now,
             literal_phrases="span_suffixes"),
    DateRule("vague time", _phrases("vague_time", escape=False), lambda r, m: VAGUE,
             literal_phrases="vague_time"),
    DateRule("frequency", _phrases("frequency", escape=False), lambda r, m: FREQUENCY),
    DateRule("begin <month>", _begin_month_pattern, lambda r, m: VAGUE,
             literal_phrases="months"),
    DateRule("next review", _phrases("next_review"), _next_review,
             literal_phrases="next_review"),
    DateRule("Easter holiday", _holiday_pattern("easter_holidays"), _easter_holiday,
             literal_phrases="easter_holidays"),
    DateRule("yyyy-mm-dd",
             lambda lex: r"(?<![\d\w])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d])",
             _iso, needs_digit=True),
    DateRule("yyyy-mm", lambda lex: r"(?<![\d\w./-])(?:(?P<year>\d{4})[-/](?P<month>\d{1,2})"
             r"|(?P<month2>\d{1,2})/(?P<year2>\d{4}))(?![\d\w]|[./-]\d)", _year_month,
             needs_digit=True),
    DateRule("range of days", _range_pattern, _range, needs_digit=True),
    DateRule("week of <date>", _week_of_pattern, _week_of, needs_digit=True,
             literal_phrases="week_of_words"),
    DateRule("<nth> <weekday> of <month>", _nth_weekday_pattern, _nth_weekday,
             literal_phrases="weekdays"),
    DateRule("<nth> day/week of <month>", _nth_part_pattern, _nth_part,
             literal_phrases="months"),
    DateRule("<day> of <relative month>", _day_of_month_pattern, _day_of_month,
             literal_phrases="relative_months"),
    DateRule("mid <month>", _mid_month_pattern, _mid_month,
             literal_phrases="mid_month_words"),
    DateRule("<ordinal word> <month>", _ordinal_month_pattern, _ordinal_month,
             literal_phrases="ordinal_words"),
    DateRule("<day> <month> [year]", _day_month_pattern, _day_month, needs_digit=True),
    DateRule("<month> <day> [year]", _month_day_pattern, _month_day, needs_digit=True,
             literal_phrases="months"),
    DateRule("dd-mm[-yyyy]", lambda lex: NUMERIC, _numeric, needs_digit=True),
    DateRule("<weekday>", _weekday_pattern, _weekday, literal_phrases="weekdays"),
    DateRule("relative phrase", _phrases("relative"), _relative, literal_phrases="relative"),
    DateRule("half a year", _phrases("half_units"), _half_year,
             literal_phrases="half_units"),
    DateRule("next <number> <unit>", _next_periods_pattern, _next_periods,
             literal_phrases="next_n_words"),
    DateRule("<number> <unit>", _span_pattern, _span, literal_phrases="units"),
    DateRule("quarters as a topic", _quarter_topic_pattern, lambda r, m: NOT_A_DATE,
             needs_digit=True),
    DateRule("quarter", lambda lex: r"(?<![\w])q(?P<quarter>[1-4])"
             r"(?:\s*'?(?P<year>\d{4}|\d{2}))?(?![\w-])", _quarter, needs_digit=True),
    DateRule("<nth> quarter", _ordinal_quarter_pattern, _ordinal_quarter,
             literal_phrases="quarter_words"),
    DateRule("<year>Q<n>", lambda lex: r"(?<![\w])(?P<year>\d{4}|\d{2})q(?P<quarter>[1-4])(?![\w])",
             _year_quarter, needs_digit=True),
    DateRule("week <number>", _iso_week_pattern, _iso_week, needs_digit=True,
             literal_phrases="week_words"),
    DateRule("<month> [year]", _month_pattern, _month, literal_phrases="months"),
    DateRule("holiday", _holiday_pattern("holidays"), _holiday, literal_phrases="holidays"),
    DateRule("the <day>", _bare_day_pattern, _bare_day),
    DateRule("end of <year>", lambda lex: r"(?<![\w])(?P<year>20\d{2})(?![\w%])", _year_end,
             needs_digit=True),
)
