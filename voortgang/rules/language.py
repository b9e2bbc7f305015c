"""Which language a text is in (Dutch or English), by counting common words."""
from .lexicon import LEXICONS
from .text import WORD, fold


def detect_language(text, default="nl"):
    """'nl' or 'en' for the text itself, whatever the interface language is."""
    words = [fold(w) for w in WORD.findall(text)]
    scores = {lang: sum(w in lex.stopwords for w in words) for lang, lex in LEXICONS.items()}
    best = max(scores, key=scores.get)
    if list(scores.values()).count(scores[best]) > 1:
        return default
    return best
