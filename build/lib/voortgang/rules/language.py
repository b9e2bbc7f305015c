"""Which language a text is in (Dutch or English), by counting common words."""
from .lexicon import STOPWORDS, VOCABULARY
from .text import WORD, fold


def detect_language(text, default="nl"):
    """'nl' or 'en' for the text itself, whatever the interface language is."""
    words = [fold(w) for w in WORD.findall(text)]
    # Common words decide; on a tie (short, terse texts: "Lisa belt klant morgen")
    # the words each language's rules know (dates, roles, vague words) do.
    for lists in (STOPWORDS, VOCABULARY):
        scores = {lang: sum(w in known for w in words) for lang, known in lists.items()}
        best = max(scores, key=scores.get)
        if list(scores.values()).count(scores[best]) == 1:
            return best
    return default
