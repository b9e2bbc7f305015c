"""Word lists and patterns per language, read from data/*.json (checked against
schema.py at import) and compiled once per language, when a text first needs it."""
import functools
import re
from pathlib import Path

from .actors import ACTOR_RULES, OWNER_KINDS
from .schema import check_regexes, check_same_languages, load_language
from .text import alternatives, fold, key_words, phrase_pattern

DATA = Path(__file__).parent / "data"
LANGUAGES = ("nl", "en")


class EndsWith:
    """Do the words before a date end with one of the phrases, maybe followed by an
    article? ("uiterlijk", "before the"). A lookup of the last few words, where a
    regex would be tried at every position of the text."""

    def __init__(self, phrases, articles, *, accents=False):
        """`accents`: keep them (lowercase only), to tell "vóór" from "voor"."""
        self.articles = articles
        self.by_last_word = {}  # "uiterlijk op" is found under "op"
        for phrase in {tuple((p.lower() if accents else fold(p)).split()) for p in phrases}:
            self.by_last_word.setdefault(phrase[-1], []).append(list(phrase))

    def __call__(self, words):
        """`words`: the words before a date, in order (a list)."""
        if not words:
            return False
        if self._ends(words):
            return True
        return words[-1] in self.articles and self._ends(words[:-1])

    def _ends(self, words):
        for phrase in self.by_last_word.get(words[-1], ()) if words else ():
            if words[-len(phrase):] == phrase:
                return True
        return False


def _key_words(phrases):
    """The key words of each phrase (`text.key_words`): a text that holds one of the
    phrases holds one of these. None if a phrase has no key words to go by."""
    words = set()
    for phrase in phrases:
        found = key_words(phrase)
        if found is None:
            return None
        words |= found
    return frozenset(words)


class Lexicon:
    """One language's data, ready for the rules: folded tables, compiled patterns."""

    def __init__(self, raw):
        check_regexes(raw)
        self.lang, self.raw = raw["language"], raw
        self.vocabulary = VOCABULARY[self.lang]
        self._tables(raw)
        self._prepositions(raw)
        self._owner(raw)
        self.patterns = self._patterns(raw)
        from .date_rules import DATE_RULES  # here: importing the package does not compile them
        # The date rules, in their order, each with its pattern for this language and
        # the words without which it cannot match (None: it always runs).
        self.date_rules = tuple((rule, re.compile(rule.pattern(self)),
                                 _key_words(raw[rule.literal_phrases])
                                 if rule.literal_phrases else None) for rule in DATE_RULES)
        # The words without which no vague wording can be found (None: always look).
        self.vague_wording_words = _key_words(raw["vague_wording"])
        # The actor rules likewise, with the words without which they cannot match.
        self.actor_rules = tuple(
            (rule, _key_words([p for key in rule.literal_phrases for p in raw["owner"][key]])
             if rule.literal_phrases else None) for rule in ACTOR_RULES)

    # A rule over these names also runs on a text that holds one with a typo.
    TYPO_KEYS = ("months", "weekdays")

    def has_typo_of_a_name(self, words):
        """Is one of the words a month or weekday name with a typo ("septmber")?"""
        return any(self._is_typo(word) for word in words if 4 <= len(word) <= 11)

    def _is_typo(self, word):
        found = self._typos.get(word)
        if found is None:
            found = word not in self.months and word not in self.weekdays and (
                self.months.typo(word) is not None or self.weekdays.typo(word) is not None)
            if len(self._typos) < 20_000:  # the words people use recur; odd input must
                self._typos[word] = found  # not grow it without end
        return found

    def _tables(self, raw):
        """Word -> value tables and word sets, folded as the text is."""
        from .names import Names  # with the rules, at their first use
        folded = {key: {fold(k): v for k, v in raw[key].items()}
                  for key in ("months", "weekdays", "numbers", "units", "relative",
                              "holidays")}
        # month and weekday names, also with a typo ("septmber", "vrijdga"), unless the
        # typo is a word of either language
        self._typos = {}  # word -> is it a month or weekday name with a typo?
        self.months = Names(folded["months"], known_words())
        self.weekdays = Names(folded["weekdays"], known_words())
        # the names as written, and (for the rules that read a name on its own or next
        # to a day number) also with a typo
        self.month_regex = alternatives(self.months)
        self.weekday_regex = alternatives(self.weekdays)
        self.month_or_typo_regex = self.months.regex()
        self.weekday_or_typo_regex = self.weekdays.regex()
        self.numbers = folded["numbers"]
        self.units, self.relative, self.holidays = (folded["units"], folded["relative"],
                                                    folded["holidays"])
        self.months_alone = frozenset(raw["months_alone"])
        self.capitalised_months_alone = frozenset(raw["capitalised_months_alone"])
        self.weekday_needs_preposition = frozenset(raw["weekday_abbreviations_need_preposition"])
        self.weekday_events = frozenset(fold(w) for w in raw["weekday_event_nouns"])
        self.holiday_events = frozenset(raw["holiday_event_nouns"])
        self.numeric_idioms = frozenset(raw["numeric_idioms"])
        self.ordinal_words = {fold(k): v for k, v in raw["ordinal_words"].items()}
        self.score_nouns = frozenset(fold(w) for w in raw["score_nouns"])
        self.easter_holidays = {fold(k): v for k, v in raw["easter_holidays"].items()}
        self.relative_months = {fold(k): v for k, v in raw["relative_months"].items()}
        # "dinsdag volgende week", "deze week woensdag", "friday after next"
        self.weekday_weeks = {fold(k): v for k, v in raw["weekday_weeks"].items()}
        weeks = alternatives(self.weekday_weeks)
        self.weekday_weeks_after = re.compile(rf"\s*(?P<weeks>{weeks})(?![\w])")
        self.weekday_weeks_before = re.compile(rf"(?<![\w])(?P<weeks>{weeks})\s*$")

    def _owner(self, raw):
        self.owner = {key: (tuple if key.endswith("_suffixes") else frozenset)(
            fold(w) for w in words) for key, words in raw["owner"].items()
            if isinstance(words, list)}
        self.owner_kinds = {}
        for key, kind in OWNER_KINDS.items():
            for phrase in raw["owner"][key]:
                self.owner_kinds[fold(phrase)] = kind
        # Capitalised words that are no one's name: "Afspraak", "Maandag", "Manager".
        self.not_names = self.vocabulary | frozenset(self.weekdays) | frozenset(self.owner_kinds)

    def _prepositions(self, raw):
        articles = frozenset(fold(w) for w in raw["articles"])
        self.deadline_preps = EndsWith(raw["deadline_prepositions"] + raw["start_prepositions"]
                                       + raw["span_prepositions"] + raw["period_prefixes"],
                                       articles)
        self.start_preps = EndsWith(raw["start_only_prepositions"], articles)
        self.period_preps = EndsWith(raw["period_prefixes"], articles)
        self.quarter_preps = EndsWith(raw["quarter_prefixes"], articles)
        self.span_preps = EndsWith(raw["span_prepositions"], articles)
        self.holiday_preps = EndsWith(raw["holiday_prepositions"], articles)
        self.year_end_preps = EndsWith(raw["year_end_prefixes"], articles)
        self.firm_preps = EndsWith(raw["firm_deadline_prepositions"], articles, accents=True)
        self.start_or_per_preps = EndsWith(raw["start_prepositions"], articles)
        self.event_preps = EndsWith(raw["event_prepositions"], articles)
        self.ambiguous_month_preps = EndsWith(raw["ambiguous_month_prefixes"], articles)

    def _patterns(self, raw):
        owner = raw["owner"]
        patterns = {
            "vague_wording": phrase_pattern([fold(w) for w in raw["vague_wording"]],
                                            escape=False),
            "owner_words": phrase_pattern(self.owner_kinds),
            "passive": re.compile(owner["passive"]),
            "participle": re.compile(owner["participle"]),
            "subordinator": phrase_pattern([fold(w) for w in owner["subordinators"]]),
            # "iemand van IT", "de afdeling sales": the group acts (actors.py)
            "from_group": re.compile(
                rf"(?<![\w&])(?P<role>{alternatives(owner['from_group'])})\s+"
                rf"(?:(?:{alternatives(owner['determiners'])})\s+)?(?P<group>[\w&]+)(?![\w&])"),
            "writer_words": phrase_pattern(
                [fold(w) for w in owner["first_person"] + owner["second_person"]]),
            "writer_is_employee": phrase_pattern([fold(w) for w in owner["writer_is_employee"]]),
            "bullet": re.compile(owner["bullet"]),
            "scene_markers": phrase_pattern([fold(w) for w in owner["scene_markers"]]),
            "together_before": re.compile(
                r"(?:^|\s)(?:" + alternatives(owner["together"]) + r")"
                r"(?:\s+(?:" + alternatives(owner["determiners"]) + r"))?\s*$"),
        }
        # "met hulp van Jan": a phrase that makes the next person an object
        phrases = sorted((fold(w) for w in owner["object_prepositions"] if " " in w),
                         key=len, reverse=True)
        patterns["object_phrases"] = phrases
        patterns["object_phrase_ends"] = tuple(" " + phrase for phrase in phrases)
        for name, words in raw["followup_signals"].items():  # read by followups.py
            patterns[f"signal_{name}"] = phrase_pattern([fold(w) for w in words])
        return patterns


# Lists that do not say which language a text is in, nor that a capitalised word is
# no name: "ten laatste" would make "ten pull requests" Dutch; "Jan" and "May" are
# names too (a month that is a date has been claimed by the date rules before names
# are looked for); "van" and "de" are parts of names in either language; and the
# lists of word endings and small helper words hold no words of their own.
NOT_VOCABULARY = frozenset({
    "months", "months_alone", "capitalised_months_alone", "firm_deadline_prepositions",
    "weekday_event_nouns", "numeric_idioms", "ordinal_suffixes", "day_month_joiners",
    "month_day_joiners", "week_words", "articles", "generic_employee",
    "part_of_joiners", "weekday_weeks", "relative_months", "next_n_words", "week_of_words",
    "range_joiners", "event_prepositions", "ambiguous_month_prefixes", "topic_joiners",
    "day_articles", "span_suffixes",
    "owner.name_particles", "owner.adverb_suffixes", "owner.uppercase_only",
    "owner.possessive_endings"})


def _vocabulary(raw):
    """Every word the lists know: such a word at the start of a line is not a name,
    and the language with more of a text's words (on a tie of stopwords) is its own.

    `label_words` are there for this alone: "Afspraak: ..." or "Agreement: ...".
    The names of keys count too, as they have since the first rules ("manager" is a
    key in both languages); an empty list adds nothing, not even its key.
    """
    words = set()

    def walk(value, path=""):
        if isinstance(value, str):
            words.update(re.findall(r"[^\W\d_]{2,}", fold(value)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if f"{path}{key}" not in NOT_VOCABULARY and item != []:
                    walk(key)
                    walk(item, f"{key}." if not path else path)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    walk(raw)
    return frozenset(words)


class _Lexicons(dict):
    """The compiled lexicon per language, compiled once, when a text first needs it:
    a process that only checks Dutch never pays for English, and importing the
    package stays quick."""

    def __missing__(self, lang):
        if lang not in RAW:
            raise KeyError(lang)
        self[lang] = lexicon = Lexicon(RAW[lang])
        return lexicon


RAW = {lang: load_language(DATA / f"{lang}.json") for lang in LANGUAGES}
check_same_languages(RAW)
STOPWORDS = {lang: frozenset(fold(w) for w in raw["stopwords"]) for lang, raw in RAW.items()}
VOCABULARY = {lang: _vocabulary(raw) for lang, raw in RAW.items()}
@functools.cache
def known_words():
    """Words that a typo of a month or weekday name must not be ("maar" is no "maart"):
    the words of both languages, except the names of months and weekdays themselves
    ("february" in a Dutch text is "februari"). Worked out at the first compile."""
    names = {fold(name) for raw in RAW.values() for key in ("months", "weekdays")
             for name in raw[key]}
    return frozenset(word for words in (*VOCABULARY.values(), *STOPWORDS.values())
                     for word in words if 4 <= len(word) <= 11 and word not in names)


LEXICONS = _Lexicons()
