"""The Duckling subset that `make bench` scores is well-formed.

Only its shape is checked here, not the analyser's score on it: the rules are being
rewritten, and the subset is a measuring stick, not a gate (yet).
"""
import json
from datetime import date
from pathlib import Path

import pytest

SUBSET = Path(__file__).parent.parent.parent / "benchmarks" / "duckling"
REFERENCE_DAY = date(2013, 2, 12)
FLOORS = {"nl": 100, "en": 300}  # items kept per language
FIELDS = {"lang", "expression", "sentence", "expected", "grain", "holiday", "source"}


def rows(name):
    with (SUBSET / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_each_language_has_enough_items_with_holidays_apart(lang):
    items = rows(f"{lang}.jsonl")
    assert len(items) >= FLOORS[lang]
    assert all(item["lang"] == lang for item in items)
    assert sum(not item["holiday"] for item in items) >= FLOORS[lang] * 3 // 4


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_items_have_a_valid_future_day_and_a_sentence(lang):
    for item in rows(f"{lang}.jsonl"):
        assert FIELDS <= set(item), item
        assert isinstance(item["holiday"], bool)
        assert date.fromisoformat(item["expected"]) >= REFERENCE_DAY, item
        assert item["sentence"].endswith(" " + item["expression"])
        assert item["sentence"].startswith("Sanne ")
        assert item["source"].startswith(f"duckling {lang.upper()}_Corpus.hs:")


@pytest.mark.parametrize("lang", sorted(FLOORS))
def test_no_expression_or_sentence_twice(lang):
    items = rows(f"{lang}.jsonl")
    for field in ("expression", "sentence"):
        values = [item[field] for item in items]
        assert len(values) == len(set(values)), field


def test_every_left_out_expression_says_why():
    left = rows("excluded.jsonl")
    assert left
    for row in left:
        assert row["reason"].strip(), row
        assert row["lang"] in FLOORS and row["expression"]
    kept = {(item["lang"], item["expression"]) for lang in FLOORS
            for item in rows(f"{lang}.jsonl")}
    also_kept = ("duplicate", "same sentence", "other reference")
    dropped_only = {(row["lang"], row["expression"]) for row in left
                    if not row["reason"].startswith(also_kept)}
    assert not kept & dropped_only


def test_past_days_and_times_of_day_are_left_out():
    reasons = {row["expression"]: row["reason"] for row in rows("excluded.jsonl")}
    assert reasons["gisteren"] == "past"
    assert reasons["yesterday"] == "past"
    assert reasons["14:15"].startswith("time of day")
    assert reasons["3pm"].startswith("time of day")
