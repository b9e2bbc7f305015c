"""Text folding that keeps every character in place, so matches map back to the input."""
import re
import re._constants as _c
import re._parser as _parser
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def fold(text):
    """Lowercase and strip accents, one character for one character.

    "Vóór 15 Januari" becomes "voor 15 januari"; positions stay valid for `text`.
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
        return char
    base = unicodedata.normalize("NFD", lower)[0]
    return base if base.isalnum() or not lower.isalnum() else lower


_LOOKAROUND = re.compile(r"\(\?<?[!=][^)]*\)")
_LETTERS_ONLY = re.compile(r"[^\W\d_]+")
# Letters stay, any other ASCII character becomes a space (bytes.translate: far
# quicker than str.translate).
_ASCII_NON_LETTERS = bytes(code if chr(code).isalpha() else ord(" ") for code in range(128)
                           ) + bytes(range(128, 256))
_DIGIT = re.compile(r"\d")
_DIGIT_JOINT = re.compile(r"\d\s*([.:,/-])\s*(?=\d)")  # "9.30", "15-3", "1,5", "15 / 3"
_JOINT_ANCHORS = {sign: f"#0{sign}0" for sign in ".:,/-"}
_NOT_DIGITS = bytes(code for code in range(256) if not chr(code).isdecimal())  # as \d
DIGIT_ANCHOR = "#digit"
ANY_TEXT = "#any"  # in every text's words: the gate of a rule that cannot be skipped


def words_of(folded):
    """The whole runs of letters in a folded text, and DIGIT_ANCHOR if it has a digit
    (with "#0.0" and the like for two digits joined by a sign).

    Rules compare their `anchors` with these to skip what cannot match.
    """
    if folded.isascii():  # the same runs, found faster
        ascii_text = folded.encode("ascii")
        words = set(ascii_text.translate(_ASCII_NON_LETTERS).decode("ascii").split())
        digits = bool(ascii_text.translate(None, _NOT_DIGITS))
    else:
        words = set(_LETTERS_ONLY.findall(folded))
        digits = bool(_DIGIT.search(folded))
    words.add(ANY_TEXT)
    if digits:
        words.add(DIGIT_ANCHOR)
        words.update(map(_JOINT_ANCHORS.__getitem__, _DIGIT_JOINT.findall(folded)))
    return words


def anchors(phrase, common=None, *, literal=False):
    """Whole words of which any match of `phrase` contains at least one, or None.

    Lets a rule be skipped when none of its words is in the text (as a whole run
    of letters). `phrase` is literal text or a small regex: every way it can be
    spelled is worked out (`spelling_anchors`), and `choose_anchors` keeps one
    word for each. With a spelling that has neither words nor digits, the rule
    can never be skipped: None.
    """
    options = spelling_anchors(phrase, literal=literal)
    return None if options is None else choose_anchors(options, common)


def spelling_anchors(phrase, *, literal=False):
    """For each way of spelling `phrase`, everything a text matching it must hold:
    its whole words, and two digits joined by a sign ("9.30" gives "#0.0") or else
    `DIGIT_ANCHOR` for any digit. None where a spelling holds none of these, or
    where the spellings cannot be listed.
    """
    if literal or not _REGEX_SYNTAX.search(phrase):
        spellings = [phrase]
    else:
        try:
            spellings = _spellings(_parser.parse(phrase))
        except (_CannotList, re.error):
            return None
    options = []
    for spelling in spellings:
        # A word touching an unknown part ("\\w+") may be part of a longer word.
        found = [m.group() for m in _LETTERS_ONLY.finditer(spelling)
                 if spelling[m.start() - 1:m.start()] != _UNKNOWN
                 and spelling[m.end():m.end() + 1] != _UNKNOWN]
        joints = [_JOINT_ANCHORS[joint] for joint in _DIGIT_JOINT.findall(spelling)]
        if joints:
            found += joints  # which say that there is a digit, too
        elif _DIGIT.search(spelling):
            found.append(DIGIT_ANCHOR)
        if not found:
            return None
        options.append(found)
    return options


def choose_anchors(options, common=None, *, pairs=False):
    """One anchor per spelling (lists from `spelling_anchors`), as few and as rare as
    can be: a spelling that holds an anchor already chosen needs no other. Else its
    rarest: a word that is not one of the `common` words ({word: rank}, a higher
    rank being rarer) nor of two letters, then the longest; digits come last.

    With `pairs`, a spelling of two anchors or more gets its two rarest, as a tuple
    (rarest first): a text must hold both. "binnen twee weken" then does not open
    the rule for "gedurende twee weken", which "weken" alone would.
    """
    common = common or {}

    def rarity(anchor):
        return (not anchor.startswith("#"), anchor != DIGIT_ANCHOR, anchor not in common,
                len(anchor) > 2, common.get(anchor, 0), len(anchor))

    chosen = set()
    partners = {}  # first of a chosen pair -> the seconds
    for found in sorted(options, key=len):  # the spellings with one choice first
        if not chosen.isdisjoint(found) or any(
                not partners[word].isdisjoint(found) for word in found if word in partners):
            continue  # holds a chosen anchor, or both words of a chosen pair
        ranked = sorted(set(found), key=rarity, reverse=True)
        if not pairs or len(ranked) == 1:
            chosen.add(ranked[0])
        else:
            partners.setdefault(ranked[0], set()).add(ranked[1])
    return chosen | {(first, second) for first, seconds in partners.items()
                     for second in seconds}


def gate_holds(gate, words):
    """Does a text with these words (`words_of`) hold one of the anchors of `gate`
    (from `choose_anchors`: words, and pairs of words that must both be there)?"""
    return any(anchor in words if isinstance(anchor, str)
               else anchor[0] in words and anchor[1] in words for anchor in gate)


_UNKNOWN = "\x00"  # stands for any text at all in a spelling
_SPELLING_LIMIT = 5_000


class _CannotList(Exception):
    """The spellings of a regex cannot be listed: too many, or open-ended."""


def _spellings(items, exact=False, limit=_SPELLING_LIMIT):
    """Every string a parsed regex can match.

    `exact`: the strings themselves, or _CannotList where a digit, a look-around
    or an open-ended repeat makes them more than plain text. Otherwise as far as
    words go: a run of digits, spaces or punctuation separates words whatever its
    length, so it stands as one character, and what could hold any letters
    ("\\w+", ".", "[a-z]") stands as `_UNKNOWN`.
    """
    results = [""]
    for op, arg in items:
        options = _options(op, arg, exact, limit)
        results = [head + tail for head in results for tail in options]
        if len(results) > limit:
            raise _CannotList
    return results


def _options(op, arg, exact, limit):
    if op == _c.LITERAL:
        return [chr(arg)]
    if op == _c.SUBPATTERN:
        return _spellings(arg[-1], exact, limit)
    if op == _c.BRANCH:
        return [s for branch in arg[1] for s in _spellings(branch, exact, limit)]
    if op == _c.IN:
        return _class_options(arg, exact)
    repeats = (_c.MAX_REPEAT,) if exact else (_c.MAX_REPEAT, _c.MIN_REPEAT,
                                              _c.POSSESSIVE_REPEAT)
    if op in repeats:
        low, high, body = arg
        body = _spellings(body, exact, limit)
        if not exact and not any(_LETTERS_ONLY.search(o) or _UNKNOWN in o for o in body):
            counts = {min(low, 1), min(high, 1)}  # separators: none, or a run of them
        elif high <= 3:
            counts = range(low, high + 1)
        elif exact:
            raise _CannotList
        else:
            return [_UNKNOWN]
        results = set()
        for count in counts:
            found = [""]
            for _ in range(count):
                found = [head + tail for head in found for tail in body]
            results.update(found)
        return sorted(results)
    if exact:
        raise _CannotList  # a look-around, a boundary, ".", a back reference
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [""]  # a boundary or a look-around matches no characters
    return [_UNKNOWN]  # ".", back references, conditionals


def _class_options(items, exact):
    """A character class: its characters, unless it could be a letter we cannot list."""
    options = []
    for op, arg in items:
        if op == _c.LITERAL:
            options.append(chr(arg))
        elif not exact and op == _c.CATEGORY and arg in (_c.CATEGORY_DIGIT,
                                                          _c.CATEGORY_SPACE):
            options.append("0" if arg == _c.CATEGORY_DIGIT else " ")
        elif not exact and op == _c.RANGE and all(chr(c).isdecimal()
                                                  for c in range(arg[0], arg[1] + 1)):
            options.append("0")  # "[1-4]"
        elif exact:
            raise _CannotList
        else:
            return [_UNKNOWN]  # "[a-z]", "\\w", "[^x]"
    return options


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
    # over "later"); the regexes follow, longest first measured without lookarounds,
    # then alphabetically, so that every process compiles the same pattern.
    regexes = sorted(phrases - literal, key=lambda p: (-len(_LOOKAROUND.sub("", p)), p))
    parts = [literal_trie(literal)] if literal else []
    for phrase in regexes:
        # "elke? (?:dag|week)" as a trie of its four spellings, in its own place:
        # only where no spelling starts another, so both match the same.
        spelled = _literal_spellings(phrase)
        parts.append(literal_trie(spelled) if spelled and _prefix_free(spelled) else phrase)
    return rf"(?<![\w&])(?:{'|'.join(parts)})(?![\w&])"


def _literal_spellings(phrase):
    """Every exact string a small regex matches, or None where they cannot be listed."""
    try:
        return set(_spellings(_parser.parse(phrase), exact=True, limit=2_000))
    except (_CannotList, re.error):
        return None


def _prefix_free(strings):
    ordered = sorted(strings)  # a prefix sorts right before the strings it starts
    return not any(b.startswith(a) for a, b in zip(ordered, ordered[1:]))


def literal_trie(words):
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

    __slots__ = ("spans",)

    def __init__(self, spans=()):
        self.spans = list(spans)

    def free(self, start, end):
        for taken_start, taken_end in self.spans:  # a loop: any() with a generator is slower
            if taken_start < end and start < taken_end:
                return False
        return True

    def take(self, start, end):
        self.spans.append((start, end))
