"""Who does it: the employee, the manager, both, someone else, or nobody named.

The owner is the one who acts, usually the grammatical subject: the first person
or group mentioned that is not the object of a preposition ("voor Jan", "with
Priya") and not a possessive ("Jans contract", "Tom's laptop"). A passive
sentence has no owner unless its agent is named ("wordt ingewerkt door Jan").
"""
import bisect
import itertools
import re

from .actors import BOTH, EMPLOYEE, MANAGER, NOBODY, OTHER, find_actors, people_pattern
from .text import WORD, Taken, fold

_LABEL_COLON = re.compile(r":(?:\s|$)")


class OwnerReader:
    """One text being read for its owner: the actors named, and the grammar around them."""

    __slots__ = ("t", "original", "lex", "o", "p", "free", "people", "people_kinds",
                 "passive", "clause_start", "word_spans")

    def __init__(self, folded, original, lex, employee, manager, blocked):
        self.t, self.original, self.lex = folded, original, lex
        self.o = lex.owner
        self.p = lex.patterns
        # Spans claimed by dates ("15 jan" is not Jan) are not free for names.
        self.free = Taken(blocked).free
        self.word_spans = None
        self.people, self.people_kinds = people_pattern(employee, manager,
                                                        self.o["name_particles"])

    # where words are ----------------------------------------------------------------

    def word_start(self, position):
        """Where the `WORD` that holds `position` starts: there, unless it is glued to
        what comes before ("O’Brien", "Łukasz-Jan")."""
        if not position or self.t[position - 1].isspace():
            return position
        starts, _ends = self.words_at()
        index = bisect.bisect_right(starts, position) - 1
        return starts[index] if index >= 0 else position

    def word_end(self, position):
        """Where the `WORD` that ends at or holds `position` ends ("hr" in "hr-team")."""
        if position == len(self.t) or self.t[position].isspace():
            return position
        _starts, ends = self.words_at()
        index = bisect.bisect_left(ends, position)
        return ends[index] if index < len(ends) else position

    def words_at(self):
        """Where each `WORD` starts and ends: worked out once per text, and only for
        words glued to others, which are rare."""
        if self.word_spans is None:
            spans = [m.span() for m in WORD.finditer(self.t)]
            self.word_spans = ([start for start, _ in spans], [end for _, end in spans])
        return self.word_spans

    def acts_after(self, end, allow_name=False):
        """Is the word (a `WORD`) that ends at `end` followed by a verb (or by a name
        and then a verb)?"""
        after = self.word_end(end)
        if self.t[after:].lstrip()[:1] in ("(", ","):
            return True
        skipped = 0
        for following in itertools.islice(WORD.finditer(self.t, after), 4):
            start, end = following.span()
            word = self.t[start:end]
            original = self.original[start:end]
            if word in self.o["group_followers"] and allow_name:
                return True
            if self.verb_like(word):
                return True
            if skipped < 2 and (original[:1].isupper() or word in self.o["skippable"]
                                or word.endswith(self.o["adverb_suffixes"])):
                skipped += 1
                continue
            return False
        return False

    def verb_like(self, word):
        if word in self.o["modal_verbs"]:
            return True
        if word in self.o["non_verbs"] or len(word) < 3:
            return False
        return word.endswith(self.o["verb_suffixes"]) and not word.endswith("'s")

    @staticmethod
    def last_word(head):
        """The last word (a `WORD`) of a text, or "" if it has none."""
        while head:
            rest, _, piece = head.rstrip().rpartition(" ")  # a word never spans a space
            found = WORD.findall(piece)
            if found:
                return found[-1]
            head = rest
        return ""

    # choosing the one who acts ---------------------------------------------------------

    def owner(self):
        self.passive = passive = self.find_passive()
        self.clause_start = clause_start = self.main_clause_start()
        actors = find_actors(self)
        if ":" in self.t:
            label, topics = self.label_owner(actors)
            if label:
                return label, actors
            if topics:
                actors = [a for a in actors if a not in topics]
        for position, actor in enumerate(actors):
            if actor.possessive:
                continue
            before = self.word_before(actor.start)
            if before in self.o["object_prepositions"]:
                if passive and before in self.o["agent_prepositions"]:
                    return actor.kind, actors
                continue
            if passive and actor.start < passive.start():
                continue
            if actor.start < clause_start:
                continue  # "After HR has explained ..., Aisha draws up a plan"
            if not actor.strong and not (self.acts_after(actor.end)
                                         or self.verb_like(before)):
                continue  # "the team charter" is a thing; "regelt Finance" acts
            if actor.start and self.after_imperative(actor):
                continue  # "Register Tom for the course": Tom is who it is done for
            if actor.kind == NOBODY:
                return None, actors
            if position + 1 == len(actors):
                return actor.kind, actors  # no one else is named
            return self.with_partners(actor, actors[position + 1:]), actors
        return None, actors

    def find_passive(self):
        """The passive auxiliary of the main clause ("wordt", "will be"), or None."""
        passive = self.p["passive"].search(self.t)
        if passive and (self.p["subordinator"].search(self.t, 0, passive.start())
                        or not self.p["participle"].search(self.t, passive.end())):
            return None  # "Sanne zorgt dat het contract wordt aangepast" is active
        return passive

    def after_imperative(self, actor):
        """Is the actor the object of a command that opens the line?

        "Register Tom for the course" starts with an unknown, capitalised word
        right before the person, and no verb follows the person.
        """
        head = self.original[:actor.start].split()
        if len(head) != 1 or not head[0][:1].isupper() or not head[0].isalpha():
            return False  # "Later, David and Ethan ..." opens with an adverb, not a command
        word = fold(head[0])
        if word in self.lex.vocabulary or word in self.lex.owner_kinds:
            return False
        return not self.acts_after(actor.end)

    def main_clause_start(self):
        """Where the main clause starts, after a leading subordinate clause."""
        if "," not in self.t:
            return 0
        first = self.t.split(maxsplit=1)[:1]
        if first and first[0] in self.o["leading_subordinators"]:
            return self.t.index(",") + 1
        return 0

    def label_owner(self, actors):
        """'Jan en Sanne: check-in op 15/1' — a label made of people owns the line.

        Returns the owner from the label, and the mentions that are only a topic.
        """
        found = _LABEL_COLON.search(self.t)
        colon = found.start() if found else -1
        if colon < 0 or len(self.t[:colon].split()) > 4:
            return None, []
        inside = [a for a in actors if a.end <= colon and not a.possessive]
        if not inside:
            return None, []
        rest = self.t[:colon]
        for actor in inside:
            rest = rest[:actor.start] + " " * (actor.end - actor.start) + rest[actor.end:]
        if not self.o["conjunctions"].issuperset(rest.split()):
            return None, inside  # "evaluatie proeftijd Fatima:" names a topic, not an actor
        return _combine({a.kind for a in inside}), []

    def with_partners(self, actor, later):
        """'Jan en Sanne', 'Tom and Mark', 'Jan plant samen met Sanne' act together."""
        kinds = {actor.kind}
        end = actor.end
        for other in later:
            if other.kind == BOTH:
                continue  # "samen" in "samen met haar teamleider": the partner follows
            between = self.t[end:other.start].strip(" ,")
            if between in self.o["conjunctions"] or between in self.o["together"]:
                kinds.add(other.kind)
                end = other.end
                continue
            if self.p["together_before"].search(self.t, end, other.start) \
                    and other.kind in (EMPLOYEE, MANAGER):
                kinds.add(other.kind)
            break
        return _combine(kinds)

    def word_before(self, position):
        if not position:
            return ""
        head = self.t[:position].rstrip()
        if head.endswith(self.p["object_phrase_ends"]) or head in self.p["object_phrases"]:
            for phrase in self.p["object_phrases"]:
                if head.endswith(" " + phrase) or head == phrase:
                    return phrase
        words = head.split()
        return words[-1] if words else ""


def _combine(kinds):
    if BOTH in kinds or {EMPLOYEE, MANAGER} <= kinds:
        return BOTH
    for kind in (EMPLOYEE, MANAGER, OTHER):
        if kind in kinds:
            return kind
    return None


def find_owner(folded, original, lex, employee, manager, blocked):
    """The owner code (or None) and the actor mentions that were considered."""
    return OwnerReader(folded, original, lex, employee, manager, blocked).owner()
