"""Turn Duckling's Dutch and English time corpora into a day-level test set.

    python benchmarks/duckling/extract.py

Reads source/NL_Corpus.hs and source/EN_Corpus.hs (saved copies of facebook/duckling's
Duckling/Time/{NL,EN}/Corpus.hs, BSD licence) and writes nl.jsonl, en.jsonl and
excluded.jsonl next to this file. Every example is resolved against Duckling's
reference time (Tuesday 2013-02-12 04:30) and mapped to one expected day under our
corpus conventions (tests/rules/corpus/README.md); see README.md here for the mapping
and for each reason an expression is left out. Only the standard library is used.
"""
import calendar
import json
import re
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
REFERENCE = datetime(2013, 2, 12, 4, 30)
TODAY = REFERENCE.date()
LANGUAGES = {"nl": "NL_Corpus.hs", "en": "EN_Corpus.hs"}

SENTENCE = {"nl": ("Sanne levert het verslag in", "vóór"),
            "en": ("Sanne hands in the report", "by")}
# An expression that already starts with one of these words goes straight after the
# verb phrase, without "vóór"/"by" ("… levert het verslag in op de 15de", "… hands in
# the report within 2 weeks"): "vóór op de 15de" is not Dutch, "by on the 15th" not English.
PREPOSITIONS = {
    "nl": {"op", "in", "om", "tot", "binnen", "over", "van", "vanaf", "tegen", "rond", "na",
           "voor", "vóór", "tussen", "uiterlijk"},
    "en": {"on", "in", "at", "by", "within", "from", "until", "till", "through", "thru",
           "during", "for", "around", "since", "after", "before", "between",
           "approximately", "anytime", "sometimes"},
}

# Where our conventions name a different day than Duckling's label for the same words,
# ours wins (the analyser is scored on our conventions); each one says why.
OURS = {
    "binnen 2 weken": (date(2013, 2, 26), "within N weeks = today + 7N days (ours); "
                       "Duckling's interval ends 2013-02-25"),
    "Within 2 weeks": (date(2013, 2, 26), "within N weeks = today + 7N days (ours); "
                       "Duckling's interval ends 2013-02-25"),
    "in 3 jaar": (date(2016, 2, 12), "a span is today + N years (ours); "
                  "Duckling names the month February 2016"),
    "two years hence": (date(2015, 2, 12), "a span is today + N years (ours); "
                        "Duckling names the month February 2015"),
    "eerste week in oktober 2014": (date(2014, 10, 7), "the Nth week of a month is day 7N "
                                    "(ours); Duckling: the ISO week of 6 October"),
    "first week of october 2014": (date(2014, 10, 7), "the Nth week of a month is day 7N "
                                   "(ours); Duckling: the ISO week of 6 October"),
    "laatste week van september 2014": (date(2014, 9, 30), "the last week of a month is its "
                                        "last day (ours); Duckling: the week of 22 September"),
    "last week of september 2014": (date(2014, 9, 30), "the last week of a month is its "
                                    "last day (ours); Duckling: the week of 22 September"),
    "the week of october 6th": (date(2013, 10, 6), "the week of a date is the Sunday of "
                                "that date's ISO week (ours); Duckling: the week after"),
    "mid March": (date(2013, 3, 15), "mid-month is the 15th (ours); "
                  "Duckling: 11 to 20 March"),
    "friday after next": (date(2013, 3, 1), "a weekday after next is that day of the ISO "
                          "week after next (ours); Duckling: the Friday after this week's, "
                          "2013-02-22"),
    "wednesday after next": (date(2013, 2, 27), "a weekday after next is that day of the ISO "
                             "week after next (ours); Duckling: the Wednesday after "
                             "tomorrow's, 2013-02-20"),
    "dinsdag over een week": (date(2013, 2, 26), "'vrijdag over een week' is that day of the "
                              "ISO week after next (ours); Duckling: a week from today, "
                              "2013-02-19"),
}

# Left out whatever their grain: what our conventions call vague, and labels that are
# not one deadline day.
LEFT_OUT = [
    (re.compile(r"\b(begin|beginning|early|BOM|BOY)\b", re.I),
     "vague: the beginning of a period has no day in our conventions"),
    (re.compile(r"\b(zomer|winter|summer|seasons?)\b", re.I),
     "vague: a season has no day in our conventions"),
    (re.compile(r"\b(paar|few)\b", re.I), "vague: 'a few days' has no day"),
    (re.compile(r"^(een jaar na kerst|one year After christmas|a year from Christmas)$"),
     "ambiguous: Duckling labels 'a year after Christmas' as this Christmas"),
    (re.compile(r"^(all week|rest of the week|the week)$"),
     "not a deadline: a stretch of this week"),
    (re.compile(r"\bfor \d+ days\b"), "not a deadline: a stretch of days from a start day"),
    (re.compile(r"^through 2014$"),
     "disputed: Duckling reads 'through 2014' as before 2014"),
]

NUMERIC_MD = re.compile(r"^(?:on )?(\d{1,2})\s*([-/.])\s*(\d{1,2})(?:\2(\d{2,4}))?$")

TUPLE = r"\(\s*(-?\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)"
HELPERS = [
    ("datetime", re.compile(rf"^datetime\s*{TUPLE}\s*(\w+)$")),
    ("holiday", re.compile(rf"^datetimeHoliday\s*{TUPLE}\s*(\w+)\s*\"[^\"]*\"$")),
    ("interval", re.compile(rf"^datetimeInterval\s*\(\s*{TUPLE}\s*,\s*{TUPLE}\s*\)\s*(\w+)$")),
    ("holiday interval",
     re.compile(rf"^datetimeIntervalHoliday\s*\(\s*{TUPLE}\s*,\s*{TUPLE}\s*\)\s*(\w+)"
                rf"\s*\"[^\"]*\"$")),
    ("open interval", re.compile(rf"^datetimeOpenInterval\s*(Before|After)\s*{TUPLE}\s*(\w+)$")),
]
SECTIONS = ["defaultCorpus", "latentCorpus", "negativeCorpus", "diffContext", "diffCorpus",
            "allExamples"]
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
TIME_GRAINS = {"Hour", "Minute", "Second"}
DAY_UNITS = re.compile(r"\b(dag|dagen|day|days|fortnight)\b", re.I)


def read_examples(text):
    """(section, line, helper text, [expressions]) for each `examples (…) […]` block."""
    text = "\n".join("" if line.lstrip().startswith("--") else line
                     for line in text.splitlines())
    marks = sorted((m.start(), name) for name in SECTIONS
                   for m in re.finditer(rf"^{name} ::", text, re.M))
    for found in re.finditer(r"\bexamples \(", text):
        start = found.end() - 1
        end = _closing(text, start, "(", ")")
        helper = " ".join(text[start + 1:end].split())
        open_list = text.index("[", end)
        close_list = _closing(text, open_list, "[", "]")
        strings = [_unescape(s) for s in STRING.findall(text[open_list:close_list + 1])]
        section = [name for pos, name in marks if pos < start][-1]
        yield section, text.count("\n", 0, start) + 1, helper, strings


def _closing(text, start, opening, closing):
    depth, i = 0, start
    while i < len(text):
        char = text[i]
        if char == '"':
            i = STRING.match(text, i).end()
            continue
        depth += char == opening
        depth -= char == closing
        if depth == 0:
            return i
        i += 1
    raise ValueError(f"no closing {closing} after position {start}")


def _unescape(value):
    return re.sub(r"\\(.)", r"\1", value)


def _datetime(parts):
    y, m, d, h, mi, s = (int(p) for p in parts)
    if y < 1:
        return None  # BC and year 14 are far past anyway; datetime cannot hold year 0
    return datetime(y, max(m, 1), max(d, 1), h, mi, s)


def _last_of_grain(start, grain):
    """The day our conventions give to a Duckling value of this grain."""
    day = start.date()
    if grain == "Day":
        return day
    if grain == "Week":
        return day + timedelta(days=6 - day.weekday())
    if grain == "Month":
        return day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if grain == "Quarter":
        month = (day.month - 1) // 3 * 3 + 3
        return date(day.year, month, calendar.monthrange(day.year, month)[1])
    if grain == "Year":
        return date(day.year, 12, 31)
    raise ValueError(grain)


def _at_reference_hour(moment, grain):
    """Duckling's 'now plus N days' keeps the reference clock time, cut to its grain."""
    keep = {"Hour": REFERENCE.replace(minute=0), "Minute": REFERENCE, "Second": REFERENCE}
    return moment.time() == keep[grain].time()


def resolve(helper, expression):
    """(kind, grain, expected day or None, reason when None) for one example."""
    for kind, pattern in HELPERS:
        match = pattern.match(helper)
        if match:
            break
    else:
        raise ValueError(f"unknown helper: {helper}")
    groups = match.groups()
    grain = groups[-1]
    if kind in ("datetime", "holiday"):
        moment = _datetime(groups[:6])
        if moment is None:
            return kind, grain, None, "past"
        if grain in TIME_GRAINS:
            if (moment.date() != TODAY and _at_reference_hour(moment, grain)
                    and DAY_UNITS.search(expression)):
                return kind, grain, moment.date(), None  # "in 7 dagen", "a day from now"
            return kind, grain, None, f"time of day ({grain} grain)"
        return kind, grain, _last_of_grain(moment, grain), None
    if kind == "open interval":
        side, moment = groups[0], _datetime(groups[1:7])
        if side == "After":
            return kind, grain, None, "a start (after/since), not a deadline"
        if grain in TIME_GRAINS:
            return kind, grain, None, f"time of day ({grain} grain)"
        return kind, grain, moment.date() - timedelta(days=1), None
    first, end = _datetime(groups[:6]), _datetime(groups[6:12])
    runs_from_now = first == REFERENCE and end.time() == datetime.min.time()
    if grain in TIME_GRAINS and not runs_from_now:
        return kind, grain, None, f"time of day ({grain} grain)"
    # Duckling's interval ends are exclusive: the last day is the day before the end.
    return kind, grain, end.date() - timedelta(days=1), None


def _us_order(lang, expression, expected):
    """An English numeric date read month first ("2/15"): ours reads day-month."""
    match = NUMERIC_MD.match(expression)
    if lang != "en" or not match or expected is None:
        return False
    first, second = int(match.group(1)), int(match.group(3))
    return first != second and (first, second) == (expected.month, expected.day)


def sentence(lang, expression):
    base, deadline = SENTENCE[lang]
    first = expression.split()[0].lower()
    if first in PREPOSITIONS[lang]:
        return f"{base} {expression}"
    return f"{base} {deadline} {expression}"


def build(lang):
    """The kept items and the left-out ones of one language."""
    name = LANGUAGES[lang]
    text = (HERE / "source" / name).read_text(encoding="utf-8")
    kept, left, seen, sentences = [], [], {}, set()
    for section, line, helper, expressions in read_examples(text):
        for expression in expressions:
            source = f"duckling {name}:{line} ({section})"
            kind, grain, expected, reason = resolve(helper, expression)
            note = None
            if section in ("diffContext", "diffCorpus"):
                expected, reason = None, "other reference time (2013-02-15)"
            elif expression in OURS:
                expected, note = OURS[expression]
                reason = None
            else:
                for pattern, why in LEFT_OUT:
                    if pattern.search(expression):
                        expected, reason = None, why
                        break
            if expected is not None and _us_order(lang, expression, expected):
                expected, reason = None, "month/day order (US); ours reads numbers day-month"
            if expected is not None and expected < TODAY:
                expected, reason = None, "past"
            if expected is not None and expression in seen:
                same = seen[expression] == expected
                expected, reason = None, ("duplicate of an earlier line" if same
                                          else "duplicate with another date")
            if expected is not None and sentence(lang, expression) in sentences:
                expected, reason = None, "same sentence as an earlier line (EOM / by EOM)"
            row = {"lang": lang, "expression": expression, "grain": grain,
                   "duckling": helper, "source": source}
            if expected is None:
                left.append({**row, "reason": reason})
                continue
            seen[expression] = expected
            sentences.add(sentence(lang, expression))
            item = {"lang": lang, "expression": expression,
                    "sentence": sentence(lang, expression),
                    "expected": expected.isoformat(), "grain": grain,
                    "holiday": "oliday" in kind or bool(HOLIDAY_WORDS.search(expression)),
                    "source": source}
            if kind.endswith("interval"):
                item["interval"] = True
            if note:
                item["convention"] = note
            kept.append(item)
    return kept, left


HOLIDAY_WORDS = re.compile(r"\b(kerst|kerstmis|christmas|xmas|easter|pasen|thanksgiving)\b",
                           re.I)


def write(path, rows):
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


def main():
    excluded = []
    for lang in LANGUAGES:
        kept, left = build(lang)
        write(HERE / f"{lang}.jsonl", kept)
        excluded += left
        print(f"{lang}: {len(kept)} kept, {len(left)} left out")
    write(HERE / "excluded.jsonl", excluded)
    reasons = {}
    for row in excluded:
        key = re.sub(r" \(\w+ grain\)", "", row["reason"])
        reasons[key] = reasons.get(key, 0) + 1
    for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        print(f"  {count:4}  {reason}")


if __name__ == "__main__":
    main()
