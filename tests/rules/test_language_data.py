"""The language files: checked against one schema when the rules are imported."""
import json
import os
import re
import subprocess
import sys
from datetime import date
from types import SimpleNamespace

import pytest

from voortgang.rules import analyse_agreement
from corpus import load
from voortgang.rules.lexicon import DATA, LEXICONS, RAW, Lexicon
from voortgang.rules.schema import LanguageDataError, load_language
from voortgang.rules.text import LETTERS, fold


def write(tmp_path, data):
    path = tmp_path / "nl.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_both_languages_have_the_same_keys():
    assert RAW["nl"].keys() == RAW["en"].keys()
    assert RAW["nl"]["owner"].keys() == RAW["en"]["owner"].keys()


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("weekdays"), "missing key(s) weekdays"),
    (lambda d: d.update(weekday_names=[]), "unknown key(s) weekday_names"),
    (lambda d: d["months"].update(maart="3"), "months['maart']: expected int, found '3'"),
    (lambda d: d["owner"].update(passive="(wordt"), "owner: passive: not a valid regex"),
    (lambda d: d["frequency"].append("elke (week"), "frequency[38]: not a valid regex"),
    (lambda d: d["relative"].update(morgen=["days"]), "relative['morgen']: expected a list of 2"),
    (lambda d: d["owner"]["manager"].append("samen"),
     "'samen' is in both owner.manager and owner.both"),
    (lambda d: d["frequency"].append("Binnenkort"),
     "'Binnenkort' is in both vague_time and frequency"),
])
def test_a_bad_language_file_is_refused_with_a_clear_message(tmp_path, change, message):
    data = json.loads((DATA / "nl.json").read_text(encoding="utf-8"))
    change(data)
    with pytest.raises(LanguageDataError, match=rf"^nl\.json: .*{re.escape(message)}"):
        # regexes are compiled with the language's rules, at its first use
        Lexicon(load_language(write(tmp_path, data)))


def test_a_broken_data_file_stops_the_import(tmp_path):
    """The package refuses to start on a bad file rather than answer wrongly later."""
    package = tmp_path / "voortgang"
    subprocess.run(["cp", "-r", str(DATA.parent.parent), str(package)], check=True)
    bad = package / "rules" / "data" / "en.json"
    data = json.loads(bad.read_text(encoding="utf-8"))
    del data["holidays"]
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", "import voortgang.rules"], cwd=tmp_path,
                            capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(tmp_path)})
    assert result.returncode != 0
    assert "LanguageDataError: en.json: missing key(s) holidays." in result.stderr


def test_the_manager_and_the_employee_named_together_are_both():
    check = analyse_agreement("Leidinggevende en medewerker plannen vóór 1 maart een gesprek",
                              today=date(2026, 11, 27), lang="nl")
    assert check.owner == "both"


def test_every_process_compiles_the_same_patterns():
    """Phrases of equal length must not be ordered by Python's per-process string hash."""
    code = ("from voortgang.rules.lexicon import LEXICONS; "
            "print(*(pattern.pattern for lang in ('nl', 'en') "
            "for _rule, pattern, _words in LEXICONS[lang].date_rules))")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2", "3")}
    assert len(seen) == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_rule_is_never_skipped_on_a_text_it_matches(lang):
    """A rule with `literal_phrases` is skipped when none of their key words is in the
    text; on each of its phrases, and on every corpus text, it must run if it matches."""
    lex = LEXICONS[lang]
    texts = [f"Jan doet het {phrase} echt" for rule, _, _ in lex.date_rules
             if rule.literal_phrases for phrase in lex.raw[rule.literal_phrases]]
    texts += [f"Jan en {phrase} doen het" for rule, _ in lex.actor_rules
              for key in rule.literal_phrases for phrase in lex.raw["owner"][key]]
    texts += [item["text"] for name in ("agreements.jsonl", "heldout.jsonl", "fresh.jsonl",
                                        "unseen.jsonl", "messy.jsonl") for item in load(name)]
    gated = [(rule, pattern, words) for rule, pattern, words in lex.date_rules if words]
    gated += [(rule, rule.pattern(SimpleNamespace(lex=lex)), words)
              for rule, words in lex.actor_rules if words]
    texts += [f"Jan doet het {phrase} echt" for phrase in lex.raw["vague_wording"]]
    if lex.vague_wording_words:  # the flag's search is skipped in the same way
        gated.append(("vague wording", lex.patterns["vague_wording"], lex.vague_wording_words))
    assert len(gated) >= 10
    for text in map(fold, texts):
        for rule, pattern, words in gated:
            if pattern.search(text):
                # a month or weekday name with a typo ("septmber") lets its rules run too
                assert not words.isdisjoint(LETTERS.findall(text)) or \
                    getattr(rule, "literal_phrases", None) in lex.TYPO_KEYS and \
                    lex.has_typo_of_a_name(LETTERS.findall(text)), (rule, text)
