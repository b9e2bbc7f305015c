"""Our agreement analyser and dateparser on a day-level subset of Duckling's corpora.

    make bench                       (runs this after benchmarks/agreements.py)
    .venv/bin/python benchmarks/duckling.py

Each item of benchmarks/duckling/{nl,en}.jsonl is a sentence ("Sanne levert het verslag
in vóór {expression}" / "Sanne hands in the report by {expression}") and the day our
conventions give it, on Duckling's reference day, Tuesday 2013-02-12 (04:30). Our
analyser is right when its due date is that day; dateparser when the first date that
`search_dates` finds (future preferred, day-month order) falls on it.
See benchmarks/duckling/README.md for how the subset was made.
"""
import json
import re
import sys
import warnings
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

SUBSET = Path(__file__).parent / "duckling"
REFERENCE = datetime(2013, 2, 12, 4, 30)
PEOPLE = {"employee": "Sanne de Vries", "manager": "Mark Jansen"}

MONTHS = (r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
          r"december|january|february|march|may|june|july|august|october|"
          r"jan|feb|mar|mrt|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec")
WEEKDAYS = (r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|"
            r"wednesday|thursday|friday|saturday|sunday|ma|di|woe|wo|do|vr|vrij|za|zat|zo|"
            r"zon|mon|tue|wed|thu|fri|sat|sun")
ORDINALS = (r"first|second|third|fourth|fifth|eerste|tweede|derde|vierde|vijfde|last|"
            r"laatste|\d+(?:st|nd|rd|th|de|e)")

# A rough kind for each expression, first match wins: enough to see where misses cluster.
KINDS = [
    ("year and month, numeric", r"^\d{4}[-/]\d{1,2}$|^\d{1,2}/\d{4}$"),
    ("range of days", rf"\d\s*(-|t/m|to|thru|through|tot en met|tot)\s*(\d|{MONTHS}\b)"
                      rf"|\b({MONTHS})\s+\d+\s*-\s*({MONTHS})"),
    ("end of a period (EOM, EOY, einde)", r"\b(eod|eom|eoy|end|einde)\b"),
    ("quarter", r"kwartaal|quarter|qtr|\dq\d|q\d\b"),
    ("Nth weekday of a month", rf"\b({ORDINALS})\s+({WEEKDAYS})\b"),
    ("Nth day or week of a period", rf"\b({ORDINALS})\s+(last\s+)?(dag|day|week)\b"),
    ("day of a relative month", r"\b\d+(th)?( day)? of (the )?(next|this|current) month"),
    ("weekday in a relative week", rf"\b({WEEKDAYS})\b.*\b(week|after next)\b"
                                   rf"|\bweek\b.*\b({WEEKDAYS})\b"),
    ("counted weekdays from now", rf"\b({WEEKDAYS})s from now"),
    ("span from now", r"\b(in|over|binnen|within)\s+(\d+|een|a|one|1|twee|two|drie|three)\b"
                      r"|\b(hence|from now|from today|from right now)\b"),
    ("next N periods", r"\b(komende|volgende|next)\s+(\d+|drie|three)\b"),
    ("numeric date", r"\d+\s*[-/.]\s*\d+|\d{4}-\d"),
    ("month name with day", rf"\b({MONTHS})\.?\s*\d|\d+\s*(st|nd|rd|th|de)?\s*(of\s+)?"
                            rf"({MONTHS})\b|\b({MONTHS})\s+(the\s+)?({ORDINALS})\b"
                            rf"|\b({ORDINALS}) of ({MONTHS})\b"),
    ("bare day of the month", rf"\b(de|the)\s+({ORDINALS}|\d+)\b(?!\s+of)"),
    ("month", rf"\b({MONTHS})\b"),
    ("year", r"\b(jaar|year|yr)\b|\b\d{4}\b"),
    ("week", r"\bweek\b"),
    ("weekday", rf"\b({WEEKDAYS})\b"),
    ("relative day", r"vandaag|morgen|today|tomorrow|deze dag|this time"),
]
KINDS = [(name, re.compile(pattern, re.I)) for name, pattern in KINDS]


def kind(item):
    if item["holiday"]:
        return "holiday"
    for name, pattern in KINDS:
        if pattern.search(item["expression"]):
            return name
    return "other"


def load(lang):
    with (SUBSET / f"{lang}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def ours(item):
    from voortgang.rules import analyse_agreement
    check = analyse_agreement(text=item["sentence"], today=REFERENCE.date(),
                              lang=item["lang"], next_review=None, **PEOPLE)
    return check.due.isoformat() if check.due else None


def dateparsers(item):
    from dateparser.search import search_dates
    found = search_dates(item["sentence"], languages=[item["lang"]],
                         settings={"RELATIVE_BASE": REFERENCE, "PREFER_DATES_FROM": "future",
                                   "DATE_ORDER": "DMY"})
    return found[0][1].date().isoformat() if found else None


def share(rows):
    return f"{sum(rows) / len(rows):6.1%}" if rows else "     -"


def score(lang):
    """Print one language's scores; return our misses."""
    items = load(lang)
    results = {False: ([], []), True: ([], [])}
    misses = []
    for item in items:
        mine, theirs = ours(item), dateparsers(item)
        results[item["holiday"]][0].append(mine == item["expected"])
        results[item["holiday"]][1].append(theirs == item["expected"])
        if mine != item["expected"]:
            misses.append((item, mine))
    everything = [r for pair in results.values() for r in pair[0]], \
                 [r for pair in results.values() for r in pair[1]]
    for label, (mine, theirs) in (("non-holiday", results[False]), ("holiday", results[True]),
                                  ("all", everything)):
        print(f"  {lang}  {label:<12}{len(mine):>6}{share(mine):>10}{share(theirs):>13}")
    return misses


def main():
    warnings.simplefilter("ignore")
    sys.path.insert(0, str(Path(__file__).parent.parent))
    print("\nDuckling subset (day-level, reference day Tue 2013-02-12; "
          "see benchmarks/duckling/README.md):")
    print(f"  {'':4}{'':<12}{'items':>6}{'ours':>10}{'dateparser':>13}")
    misses = {lang: score(lang) for lang in ("nl", "en")}
    for lang, rows in misses.items():
        kinds = defaultdict(list)
        for item, mine in rows:
            kinds[kind(item)].append((item, mine))
        print(f"\n  our {lang} misses by rough kind ({len(rows)}):")
        for name, count in Counter({k: len(v) for k, v in kinds.items()}).most_common():
            examples = "; ".join(f"{i['expression']!r} {i['expected']} got {m}"
                                 for i, m in kinds[name][:2])
            print(f"    {count:3}  {name:<36} e.g. {examples}")


if __name__ == "__main__":
    main()
