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


_GROUP = re.compile(r"\((?:[^()\\]|\\.)*\)[?*+]?(?:\{[^}]*\})?")
_ESCAPE = re.compile(r"\\(.)")
_LETTERS_ONLY = re.compile(r"[^\W\d_]+")
DIGIT_ANCHOR = "#digit"


def anchors(phrase):
    """Whole words of which any match of `phrase` contains at least one, or None.

    Lets a rule be skipped when none of its words is in the text. Conservative:
    where a phrase's words cannot be told (all inside groups), it answers None.
    """
    if not _REGEX_SYNTAX.search(phrase):
        words = _LETTERS_ONLY.findall(phrase)
        return {max(words, key=len)} if words else None
    top = _LOOKAROUND.sub("", phrase)
    previous = None
    while previous != top:
        previous, top = top, _GROUP.sub("§", top)
    digit = "\\d" in top
    top = _ESCAPE.sub(lambda m: "§" if m.group(1) in "dws" else m.group(1), top)
    best = None
    for segment in top.split(" "):
        if _LETTERS_ONLY.fullmatch(segment):
            found = {segment}
        elif segment.endswith("?") and _LETTERS_ONLY.fullmatch(segment[:-1]):
            found = {segment[:-2], segment[:-1]}  # "elke?" is "elk" or "elke"
        else:
            continue
        if best is None or min(map(len, found)) > min(map(len, best)):
            best = found
    if best is None and digit:
        return {DIGIT_ANCHOR}
    return best


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

    def __init__(self, spans=()):
        self.spans = list(spans)

    def free(self, start, end):
        return not any(s < end and start < e for s, e in self.spans)

    def take(self, start, end):
        self.spans.append((start, end))
