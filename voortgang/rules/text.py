"""Text folding that keeps every character in place, and regexes built from word lists."""
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


class Names(dict):
    """Name -> value ("september" -> 9) that also knows the name with one typo: a letter
    missing, added or changed, or two letters swapped ("septmber", "feburary", "vrijdga").

    Only names of five letters or more, and a five-letter name only with two letters
    swapped (a letter changed or added makes other words: "march" -> "match"); an added
    letter is not the first or last ("vrijdags", "mondays" are other words). A variant
    that is a word of `known` is no typo. `regex()` matches the names and their variants;
    a variant's value is looked up when it is met (`__missing__`).
    """

    def __init__(self, names, known=frozenset()):
        super().__init__(names)
        self.known = known
        self.swapped_or_short = {}  # literal variants: "feburary", "septmber"
        self.changed = {}           # "sept\0mber": one letter changed
        for name, value in names.items():
            if len(name) < 5 or not name.isalpha():
                continue
            for i in range(len(name) - 1):
                self._add(name[:i] + name[i + 1] + name[i] + name[i + 2:], value)
            if len(name) >= 6:
                for i in range(len(name)):
                    self._add(name[:i] + name[i + 1:], value)
                    self.changed[name[:i] + WILDCARD + name[i + 1:]] = value
        # every name that may have a typo, and each with one letter left out: a word
        # within one edit of a name shares one of these with it (a quick first test)
        self.near = {variant for name in self if len(name) >= 5 and name.isalpha()
                     for variant in (name, *_one_left_out(name))}
        # known words that a changed or added letter would make ("maandag" is fine)
        self.collisions = {word for word in known if word not in self and
                           self._changed_or_added(word) is not None}

    def _add(self, variant, value):
        if variant not in self and variant not in self.known:
            self.swapped_or_short[variant] = value

    def _changed_or_added(self, word):
        for i in range(len(word)):
            value = self.changed.get(word[:i] + WILDCARD + word[i + 1:])
            if value is not None:
                return value
            if 0 < i < len(word) - 1:
                shorter = word[:i] + word[i + 1:]
                if len(shorter) >= 6 and shorter.isalpha() and dict.__contains__(self, shorter):
                    return dict.__getitem__(self, shorter)
        return None

    def regex(self):
        """A regex for the names and their variants, the longest first."""
        added = {name[:i] + WILDCARD + name[i:] for name in self
                 if len(name) >= 6 and name.isalpha() for i in range(1, len(name))}
        names = literal_trie([*self, *self.swapped_or_short, *self.changed, *added])
        if not self.collisions:
            return names
        return rf"(?!(?:{literal_trie(self.collisions)})(?![\w]))(?:{names})"

    def typo(self, word):
        """The value of the name `word` is a typo of, or None."""
        if word in self.known or len(word) < 4 or \
                word not in self.near and self.near.isdisjoint(_one_left_out(word)):
            return None
        if word in self.swapped_or_short:
            return self.swapped_or_short[word]
        return self._changed_or_added(word)

    def __missing__(self, word):
        value = self.typo(word)
        if value is None:
            raise KeyError(word)
        return value


def _one_left_out(word):
    return [word[:i] + word[i + 1:] for i in range(len(word))]
