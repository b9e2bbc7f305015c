"""Which language a text is in (Dutch or English), by counting common words."""
from .lexicon import STOPWORDS
from .text import WORD, fold


def detect_language(text, default="nl"):
    """'nl' or 'en' for the text itself, whatever the interface language is."""
    words = [fold(w) for w in WORD.findall(text)]
    scores = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    best = max(scores, key=scores.get)
    if list(scores.values()).count(scores[best]) > 1:
        return default
    return best
