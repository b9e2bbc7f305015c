"""Who is named in an agreement: one declared rule per kind of mention, in order.

Each `ActorRule` has a name, a pattern (from the language data, or from the two
people's names) and a resolver that makes an `Actor` of a match, or None. Rules
run in the order of `ACTOR_RULES`; a later rule does not read what an earlier one
found ("de manager" is a role, so "Manager" there is no unknown name). Which of the
actors owns the agreement is owner.py's question.
"""
import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from .text import fold, literal_trie

EMPLOYEE, MANAGER, BOTH, OTHER, NOBODY = "employee", "manager", "both", "other", "nobody"


@dataclass(slots=True)
class Actor:
    start: int
    end: int
    kind: str
    strong: bool = True      # a person's name or a role word: no verb needed after it
    possessive: bool = False


@dataclass(frozen=True)
class ActorRule:
    name: str
    pattern: Callable        # OwnerReader -> compiled pattern, or None
    resolve: Callable        # (OwnerReader, re.Match, earlier actors) -> Actor | None
    on_original: bool = False  # match the text as typed, not folded (capitals matter)


# --- the two people of the review, by (part of) their names ----------------------------

@functools.lru_cache(maxsize=256)
def people_pattern(employee, manager, particles, possessives):
    """One pattern for every way the two people can be named, and the kind per
    spelling; the longest spelling wins ("sanne de vries" over "sanne"). A name
    with a possessive ending ("Jans", "Tom's") is marked as such."""
    kinds = {}
    for name, kind in ((employee, EMPLOYEE), (manager, MANAGER)):
        for variant in _name_parts(name, particles):
            kinds.setdefault(variant, kind)
    if not kinds:
        return None, kinds
    pattern = (rf"(?<![\w&])(?P<name>{literal_trie(kinds)})"
               rf"(?P<poss>{literal_trie(possessives)})?(?![\w&])")
    return re.compile(pattern), kinds


def _name_parts(name, particles):
    parts = [fold(p) for p in (name or "").split() if len(p) > 1]
    if not parts:
        return []
    variants = {" ".join(parts), parts[0]}
    if len(parts) > 1 and parts[-1] not in particles:
        variants.add(parts[-1])
        variants.add(" ".join(parts[1:]))  # "Van Dijk" for Anne van Dijk
    return sorted(variants, key=len, reverse=True)


def _person(reader, m, known):
    return Actor(m.start(), m.end(), reader.people_kinds[m["name"]], True, bool(m["poss"]))


# --- role words: "de manager", "HR", "we", "iemand" -------------------------------------

def _role(reader, m, known):
    start, end = m.span()
    word = m.group()
    if word in reader.o["uppercase_only"] and reader.original[start:end] != word.upper():
        return None  # "IT" installs the laptop; "it" is a thing
    kind = reader.lex.owner_kinds[word]
    return Actor(start, end, kind, kind != OTHER)


# --- people we do not know: a colleague, a mentor ---------------------------------------

# Capitalised words; the character before one is checked apart (`_name_start`): a
# pattern that opens with a look-behind is tried at every position, this one only
# where a capital stands.
CAPITALISED = re.compile(r"[A-Z][a-z]+(?![\w&])")


def _unknown_name(reader, m, known):
    start, end = m.span()
    if reader.t[start:end] in reader.lex.not_names or not _name_start(reader.original, start):
        return None
    if overlaps(known, (end + 1, end + 2)):
        return None  # "Perhaps Ethan takes ...": the word before a name is no name
    # The word before is the one before the whole word that holds the name:
    # "O’Brien", "Łukasz-Jan" are one word.
    before = reader.last_word(reader.t[:reader.word_start(start)])
    clause_start = not before or reader.t[:start].rstrip().endswith((":", ";", "."))
    agent = reader.passive and before in reader.o["agent_prepositions"]  # "door Hans"
    acts = clause_start and reader.acts_after(end, allow_name=True)
    if before in reader.o["name_introducers"] or agent or acts:
        return Actor(start, end, OTHER, strong=True)
    return None


def _name_start(text, start):
    before = text[start - 1:start]
    return not before or not (before.isalnum() or before in "_&'")


ACTOR_RULES = (
    ActorRule("the employee or the manager by name", lambda reader: reader.people, _person),
    ActorRule("role word", lambda reader: reader.lex.patterns["owner_words"], _role),
    ActorRule("unknown name", lambda reader: CAPITALISED, _unknown_name, on_original=True),
)


def find_actors(reader):
    """Every actor the rules find in the reader's text, in the order they are written."""
    found = []
    for rule in ACTOR_RULES:
        pattern = rule.pattern(reader)
        if pattern is None:
            continue
        known = tuple(found)  # what earlier rules found: this one does not read it again
        for match in pattern.finditer(reader.original if rule.on_original else reader.t):
            if overlaps(known, match.span()) or not reader.free(*match.span()):
                continue
            actor = rule.resolve(reader, match, known)
            if actor is not None:
                found.append(actor)
    found.sort(key=_START)
    return found


_START = operator.attrgetter("start")


def overlaps(actors, span):
    start, end = span
    for actor in actors:
        if actor.start < end and start < actor.end:
            return True
    return False
