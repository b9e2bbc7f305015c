"""Month and weekday names with one typo ("septmber", "vrijdga"), for the date rules.

Imported when a language's rules are compiled (lexicon.py), not with the package.
"""
from .text import WILDCARD, literal_trie


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
