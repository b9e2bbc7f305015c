"""Text folding that keeps every character in place, so matches map back to the input."""
import functools
import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def fold(text):
    """Lowercase and strip accents, one character for one character.

    "Vóór 15 Januari" becomes "voor 15 januari"; positions stay valid for `text`.
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(char) for char in text)


@functools.lru_cache(maxsize=4096)
def _fold_char(char):
    char = char.translate(_APOSTROPHES)
    lower = char.lower()
    if len(lower) != 1:
        return char
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isalnum() or not lower.isalnum() else lower


_LOOKAROUND = re.compile(r"\(\?<?[!=][^)]*\)")


_REGEX_SYNTAX = re.compile(r"[\\()\[\]?*+{}|^$]")


def phrase_pattern(phrases, *, escape=True):
    """`phrase_regex`, compiled."""
    return re.compile(phrase_regex(phrases, escape=escape))


def phrase_regex(phrases, *, escape=True):
    """One regex over phrases (literal, or small regexes), on word boundaries.

    Literal phrases become a trie ("de (?:medewerker|manager)"), which the regex
    engine walks far faster than a long list of alternatives.
    """
    phrases = set(phrases)
    literal = {p for p in phrases if escape or not _REGEX_SYNTAX.search(p)}
    # The literal trie goes first (it prefers its longest phrase: "later this year"
    # over "later"); the regexes follow, longest first measured without lookarounds.
    regexes = sorted(phrases - literal, key=lambda p: len(_LOOKAROUND.sub("", p)),
                     reverse=True)
    parts = ([_trie(literal)] if literal else []) + regexes
    return rf"(?<![\w&])(?:{'|'.join(parts)})(?![\w&])"


def _trie(words):
    root = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True
    return _trie_regex(root)


def _trie_regex(node):
    ends_here = "" in node
    branches = [re.escape(char) + _trie_regex(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Optional tails are tried first, so the longest phrase wins.
    return f"(?:{body})?" if ends_here else body


WORD = re.compile(r"[\w&][\w&'\-./]*[\w&]|[\w&]")


class Taken:
    """Character ranges already explained by a rule, so later rules skip them."""

    def __init__(self):
        self.spans = []

    def free(self, start, end):
        return not any(s < end and start < e for s, e in self.spans)

    def take(self, start, end):
        self.spans.append((start, end))
