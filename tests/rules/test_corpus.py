"""Accuracy on hand-labelled agreements: at least 95 % exact on owner, due date, flags."""
import pytest

from corpus import CORPUS, load, score

CORPORA = sorted(p.name for p in CORPUS.glob("*.jsonl"))
# The share of items exact on owner, on due date and on flags, each. The blind set of
# notes as people type them starts at its first-contact level (see the corpus README):
# a floor against getting worse, raised as the rules learn its new kinds.
THRESHOLDS = {"messy.jsonl": 0.97}


def test_corpus_is_large_and_balanced():
    items = load()
    assert len(items) >= 300
    by_lang = {lang: sum(i["lang"] == lang for i in items) for lang in ("nl", "en")}
    assert min(by_lang.values()) >= 0.45 * len(items)


@pytest.mark.parametrize("name", CORPORA)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_accuracy_per_language(name, lang):
    items = [i for i in load(name) if i["lang"] == lang]
    accuracy, misses = score(items)
    report = "\n".join(f"{key}: {row}" for key, rows in misses.items() for row in rows[:10])
    assert min(accuracy.values()) >= THRESHOLDS.get(name, 0.95), \
        f"{name} {lang}: {accuracy}\n{report}"
