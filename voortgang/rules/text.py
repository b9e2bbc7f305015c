"""Text folding that keeps every character in place, and regexes built from word lists."""
import functools
import itertools
import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def fold(text):
    """Lowercase and strip accents, one character for one character.

    "Vóór 15 Januari" becomes "voor 15 januari"; positions stay valid for `text`,
    so a match in the folded text points at the words as they were typed.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLDED)


class _FoldTable(dict):
    """Code point -> folded character, filled as characters are met (for str.translate)."""

    def __missing__(self, code):
        folded = _fold_char(chr(code))
        if len(self) < 10_000:  # odd input must not grow it without end
            self[code] = folded
        return folded


_FOLDED = _FoldTable()


def _fold_char(char):
    char = char.translate(_APOSTROPHES)
    lower = char.lower()
    if len(lower) != 1:
        return char  # "İ" lowercases to two characters: keep it, or positions shift
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isalnum() or not lower.isalnum() else lower


_LOOKAROUND = re.compile(r"\(\?<?[!=][^)]*\)")
_REGEX_SYNTAX = re.compile(r"[\\()\[\]?*+{}|^$]")


def phrase_pattern(phrases, *, escape=True):
    """`phrase_regex`, compiled."""
    return re.compile(phrase_regex(phrases, escape=escape))


def phrase_regex(phrases, *, escape=True):
    """One regex over phrases (literal, or small regexes when `escape` is off), on
    word boundaries. The longest phrase wins: "later this year" over "later".
    """
    phrases = set(phrases)
    literal = {p for p in phrases if escape or not _REGEX_SYNTAX.search(p)}
    # Regexes follow the literal trie, longest first (measured without look-arounds),
    # then alphabetically, so that every process compiles the same pattern.
    regexes = sorted(phrases - literal, key=lambda p: (-len(_LOOKAROUND.sub("", p)), p))
    parts = ([literal_trie(literal)] if literal else []) + regexes
    return rf"(?<![\w&])(?:{'|'.join(parts)})(?![\w&])"


def alternatives(words):
    """A regex for any of the literal words, the longest first ("" if there are none)."""
    return literal_trie({fold(w) for w in words})


WILDCARD = "\0"  # in a word of `literal_trie`: any one letter (a typo of a name)
ANY_LETTER = r"[^\W\d_]"


def literal_trie(words):
    """Literal alternatives as a trie ("de (?:medewerker|manager)"): the longest that
    fits is tried first, and the regex engine does not try every word at every
    position, which a plain list of alternatives makes it do."""
    root = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True
    return _trie_regex(root)


def _trie_regex(node):
    ends_here = "" in node
    branches = [(ANY_LETTER if char == WILDCARD else re.escape(char)) + _trie_regex(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Optional tails are tried first, so the longest phrase wins.
    return f"(?:{body})?" if ends_here else body


WORD = re.compile(r"[\w&][\w&'\-./]*[\w&]|[\w&]")
LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters: what a rule's key words are


@functools.lru_cache(maxsize=4)
def letter_runs(folded):
    """The runs of letters in a (folded) text, which rules skipped on a text without
    their key words look in: worked out once for the text being checked."""
    return frozenset(LETTERS.findall(folded))


def key_words(phrase):
    """Runs of letters of which every match of the phrase holds one as a whole: the
    longest word of a literal phrase; for a small regex, the longest of the plain
    words it opens with ("de komende (?:weken|maanden)", "later(?! dan)"), or the
    first word of each alternative of a group it opens with ("(?:in|rond) de zomer";
    an optional group first is passed over: "(?:the )?summer holidays"). None if
    there are none to go by ("elke? (?:dag|week)", "\\d+ uur")."""
    folded = fold(phrase)
    if not _REGEX_SYNTAX.search(folded):
        found = LETTERS.findall(folded)
        return frozenset([max(found, key=len)]) if found else None
    plain = _LOOKAROUND.sub("", folded)
    if _top_level_bar(plain):
        return None  # "a|b": either may match
    group = _PLAIN_GROUP.match(plain)
    while group and group["optional"]:
        plain = plain[group.end():]
        group = _PLAIN_GROUP.match(plain)
    if group:
        if plain[group.end():group.end() + 1] not in (" ", ""):
            return None
        firsts = [alternative.split(" ", 1)[0] for alternative in group["body"].split("|")]
        runs = [LETTERS.findall(first) for first in firsts]
        if not all(runs) or _REGEX_SYNTAX.search(group["body"].replace("|", "")):
            return None
        return frozenset(max(found, key=len) for found in runs)
    opening = list(itertools.takewhile(str.isalpha, plain.split(" ")))
    return frozenset([max(opening, key=len)]) if opening else None


# A group of plain alternatives at the start of a regex: "(?:in|rond) ", "(?:the )?"
_PLAIN_GROUP = re.compile(r"\(\?:(?P<body>[^()\\]*)\)(?P<optional>\?)?")


def _top_level_bar(regex):
    depth = 0
    for index, char in enumerate(regex):
        if char == "\\" or index and regex[index - 1] == "\\":
            continue
        depth += (char == "(") - (char == ")")
        if char == "|" and not depth:
            return True
    return False


class Taken:
    """Character ranges already explained by a rule, so later rules skip them."""

    __slots__ = ("spans",)

    def __init__(self, spans=()):
        self.spans = list(spans)

    def free(self, start, end):
        for taken_start, taken_end in self.spans:
            if taken_start < end and start < taken_end:
                return False
        return True

    def take(self, start, end):
        self.spans.append((start, end))
