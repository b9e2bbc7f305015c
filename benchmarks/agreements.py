"""Accuracy and speed of the agreement check, next to dateparser as the reference.

    make bench            (installs dateparser into .venv first)

Both run on the same labelled corpora in the same process, so the ratios hold
even on a noisy machine. dateparser only finds dates, so only its due dates are
scored: its first date found (or none) against the labelled deadline. The timed
part is the library call alone: each agreement's arguments (dates, settings) are
made ready beforehand, for both alike. Then the import time (a fresh interpreter)
and the throughput of `python -m voortgang.rules`, next to a loop that only reads
and writes the same JSON lines.
"""
import functools
import gc
import json
import os
import statistics
import subprocess
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "rules"))
from corpus import CORPUS, arguments, load, score  # noqa: E402


def per_item_seconds(calls):
    """Seconds per call for one pass over the calls."""
    start = time.perf_counter()
    for call in calls:
        call()
    return (time.perf_counter() - start) / len(calls)


def rules_calls(items):
    """analyse_agreement, ready to call for each item."""
    from voortgang.rules import analyse_agreement
    return [functools.partial(analyse_agreement, **arguments(item)) for item in items]


def dateparser_calls(items):
    """dateparser.search_dates, ready to call for each item."""
    from dateparser.search import search_dates
    return [functools.partial(search_dates, item["text"], languages=[item["lang"]],
                              settings=_dateparser_settings(item)) for item in items]


def _dateparser_settings(item):
    return {"RELATIVE_BASE": datetime.fromisoformat(item["today"]),
            "PREFER_DATES_FROM": "future", "DATE_ORDER": "DMY"}


def interleaved(ours, theirs, rounds=5):
    """Both, round after round, so drift on a shared machine hits both alike.

    Returns the median time per call of each and the median of the per-round ratios.
    """
    for call in ours + theirs:  # warm up: caches, compiled patterns, lazy imports
        call()
    gc.collect()
    gc.freeze()  # what either library left on the heap must not slow the other
    pairs = [(per_item_seconds(ours), per_item_seconds(theirs)) for _ in range(rounds)]
    gc.unfreeze()
    return (statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs),
            statistics.median(p[1] / p[0] for p in pairs))


def import_seconds(module):
    code = f"import time; t = time.perf_counter(); import {module}; " \
           "print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                 text=True, check=True).stdout) for _ in range(5)]
    return statistics.median(runs)


# The reference for the command line: the same JSON lines read, parsed, written
# back, and nothing else; what the analysis adds is the rest.
_ECHO = ("import json, sys\n"
         "for line in sys.stdin:\n"
         "    sys.stdout.write(json.dumps(json.loads(line), ensure_ascii=False) + '\\n')\n")


def cli_lines(items, copies=10):
    keys = ("text", "today", "lang", "employee", "manager", "next_review")
    line = [json.dumps({key: item.get(key) for key in keys}, ensure_ascii=False)
            for item in items]
    return "\n".join(line * copies) + "\n", len(line) * copies


def process_seconds(args, stdin):
    """CPU seconds (user + system) of a child process: wall time on a shared
    machine counts the other people's work too."""
    before = os.times()
    subprocess.run(args, input=stdin, text=True, stdout=subprocess.DEVNULL, check=True)
    after = os.times()
    return (after.children_user - before.children_user
            + after.children_system - before.children_system)


def cli_throughput(items):
    """Agreements per second through `python -m voortgang.rules`, warm (the start-up,
    one line per language, is measured apart and taken off), and the same for a
    loop that only reads and writes the lines. Median of 3."""
    stdin, count = cli_lines(items)
    warmup, _ = cli_lines([next(i for i in items if i["lang"] == lang)
                           for lang in ("nl", "en")], copies=1)
    rules = [sys.executable, "-m", "voortgang.rules"]
    echo = [sys.executable, "-c", _ECHO]
    runs = []
    for _ in range(3):
        start = process_seconds(rules, warmup)
        ours = process_seconds(rules, stdin) - start
        start = process_seconds(echo, warmup)
        theirs = process_seconds(echo, stdin) - start
        runs.append((count / ours, count / theirs))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs), count


def dateparser_due(item):
    from dateparser.search import search_dates
    found = search_dates(item["text"], languages=[item["lang"]],
                         settings=_dateparser_settings(item))
    return found[0][1].date().isoformat() if found else None


def main():
    warnings.simplefilter("ignore")
    names = sorted(p.name for p in CORPUS.glob("*.jsonl"))
    items_all = [item for name in names for item in load(name)]
    print(f"{'corpus':<18}{'n':>5}{'owner':>8}{'due':>8}{'flags':>8}"
          f"{'dateparser due':>16}")
    for name in names:
        items = load(name)
        accuracy, _ = score(items)
        theirs = sum(dateparser_due(i) == i["due"] for i in items) / len(items)
        print(f"{name:<18}{len(items):>5}{accuracy['owner']:>8.1%}{accuracy['due']:>8.1%}"
              f"{accuracy['flags']:>8.1%}{theirs:>16.1%}")

    ours, theirs, ratio = interleaved(rules_calls(items_all), dateparser_calls(items_all))
    print(f"\nwarm time per agreement ({len(items_all)} agreements, median of 5 rounds):")
    print(f"  analyse_agreement      {ours * 1000:8.3f} ms")
    print(f"  dateparser.search_dates{theirs * 1000:8.3f} ms")
    print(f"  ratio                  {ratio:8.1f}x faster (median of the per-round ratios)")
    ours_import = import_seconds("voortgang.rules")
    theirs_import = import_seconds("dateparser")
    print("\nimport time (fresh interpreter, median of 5):")
    json_import = import_seconds("json")
    print(f"  voortgang.rules        {ours_import * 1000:8.1f} ms")
    print(f"  dateparser             {theirs_import * 1000:8.1f} ms")
    print(f"  json (reference)       {json_import * 1000:8.1f} ms")
    print(f"  ratio                  {theirs_import / ours_import:8.1f}x quicker than dateparser")
    ours_cli, echo_cli, count = cli_throughput(items_all)
    print(f"\npython -m voortgang.rules ({count} JSON lines, one process, warm, CPU time, "
          "median of 3):")
    print(f"  voortgang.rules        {ours_cli:8.0f} agreements/s")
    print(f"  read + write only      {echo_cli:8.0f} lines/s (the same lines, no analysis)")
    print(f"  ratio                  {ours_cli / echo_cli:8.2f} of the read/write loop")


if __name__ == "__main__":
    main()
