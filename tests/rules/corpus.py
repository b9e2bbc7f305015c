"""Reading the labelled agreement corpora and scoring the analyser on them."""
import json
from datetime import date
from pathlib import Path

from voortgang.rules import analyse_agreement

CORPUS = Path(__file__).parent / "corpus"


def load(name="agreements.jsonl"):
    with (CORPUS / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _date(value):
    return date.fromisoformat(value) if value else None


def arguments(item):
    """The keyword arguments of `analyse_agreement` for a corpus item."""
    return {"text": item["text"], "today": _date(item["today"]), "lang": item["lang"],
            "employee": item.get("employee"), "manager": item.get("manager"),
            "next_review": _date(item.get("next_review"))}


def analyse(item):
    return analyse_agreement(**arguments(item))


def score(items):
    """Share of exact owner, exact due date and exact flag set, and the misses."""
    misses = {"owner": [], "due": [], "flags": []}
    for item in items:
        check = analyse(item)
        due = check.due.isoformat() if check.due else None
        if check.owner != item["owner"]:
            misses["owner"].append((item["id"], item["text"], item["owner"], check.owner))
        if due != item["due"]:
            misses["due"].append((item["id"], item["text"], item["due"], due))
        if sorted(check.codes) != sorted(item["flags"]):
            misses["flags"].append((item["id"], item["text"], item["flags"], check.codes))
    total = len(items)
    return {key: (total - len(rows)) / total for key, rows in misses.items()}, misses
