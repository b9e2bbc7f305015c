"""Accuracy on hand-labelled agreements: at least 95 % exact on owner, due date, flags."""
import pytest

from corpus import CORPUS, load, score

CORPORA = sorted(p.name for p in CORPUS.glob("*.jsonl"))


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
    assert min(accuracy.values()) >= 0.95, f"{name} {lang}: {accuracy}\n{report}"
