"""Instructions per agreement for analyse_agreement and for dateparser, with valgrind.

    make bench-instructions     (installs dateparser; needs valgrind; some minutes)

Wall time on a shared machine moves by tens of percent from run to run; the
number of instructions a run executes does not (callgrind counts them, whatever
else the machine is doing). Each side runs in its own process under callgrind:
once with a warm-up pass over the corpora only, once with one more pass; the
difference, divided by the number of agreements, is the warm cost of one.
Instructions are not time (some cost more than others), so this complements
`make bench`, it does not replace it.
"""
import re
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "tests" / "rules"))
sys.path.insert(0, str(HERE))


def _items():
    from corpus import CORPUS, load
    return [item for path in sorted(CORPUS.glob("*.jsonl")) for item in load(path.name)]


def _run(side, passes):
    """The child: a warm-up pass, then `passes` more over every agreement."""
    warnings.simplefilter("ignore")
    from agreements import dateparser_calls, rules_calls
    calls = (rules_calls if side == "rules" else dateparser_calls)(_items())
    for _ in range(1 + passes):
        for call in calls:
            call()


def _count(side, passes):
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
         __file__, "--child", side, str(passes)], capture_output=True, text=True, check=True)
    return int(re.search(r"Collected\s*:\s*(\d+)", result.stderr).group(1))


def main():
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    count = len(_items())
    per_item = {side: (_count(side, 1) - _count(side, 0)) / count
                for side in ("rules", "dateparser")}
    print(f"instructions per agreement, warm ({count} agreements, valgrind callgrind):")
    print(f"  analyse_agreement      {per_item['rules']:12,.0f}")
    print(f"  dateparser.search_dates{per_item['dateparser']:12,.0f}")
    print(f"  ratio                  {per_item['dateparser'] / per_item['rules']:12.1f}x fewer")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _run(sys.argv[2], int(sys.argv[3]))
    else:
        main()
