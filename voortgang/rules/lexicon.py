"""Word lists and patterns per language, read from data/*.json and compiled once."""
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .text import (ANY_TEXT, DIGIT_ANCHOR, choose_anchors, fold, literal_trie, phrase_pattern,
                   spelling_anchors)

DATA = Path(__file__).parent / "data"
LANGUAGES = ("nl", "en")


ARTICLES = frozenset({"de", "het", "the", "op", "on", "van", "of"})


class EndsWith:
    """Do the words end with one of the phrases, maybe followed by an article?

    ("uiterlijk", "before the"). A set lookup of the last few words, where a
    regex would be tried at every position of the text.
    """

    def __init__(self, phrases, *, accents=False):
        """`accents`: keep them (lowercase only), to tell "vóór" from "voor"."""
        self.by_last_word = {}  # "uiterlijk op" is found under "op"
        for phrase in {tuple((p.lower() if accents else fold(p)).split()) for p in phrases}:
            self.by_last_word.setdefault(phrase[-1], []).append(list(phrase))

    def __call__(self, words):
        """`words`: the words before a date, in order (a list)."""
        if not words:
            return False
        if self._ends(words):
            return True
        return words[-1] in ARTICLES and self._ends(words[:-1])

    def _ends(self, words):
        for phrase in self.by_last_word.get(words[-1], ()) if words else ():
            if words[-len(phrase):] == phrase:
                return True
        return False


def _alt(words):
    """Alternatives for literal words, as a trie: the longest that fits is tried
    first, as in a list sorted by length, but the engine does not test each word
    in turn at every position."""
    return literal_trie({fold(w) for w in words})


@dataclass(frozen=True)
class Lexicon:
    lang: str
    raw: dict
    months: dict
    weekdays: dict
    numbers: dict
    units: dict
    relative: dict
    holidays: dict
    patterns: dict
    triggers: dict
    vocabulary: frozenset
    owner: dict  # the owner word lists as frozensets (verb_suffixes: a tuple)
    gate_bits: dict  # word -> (the GATES it opens, as bits; {second word: GATES}; its keys)
    gate_words: frozenset  # its keys

    def gate_mask(self, words):
        """The rules that may match a text with these words (`text.words_of`), as bits
        of GATES: set intersections instead of a test per rule."""
        mask = 0
        index = self.gate_bits
        for word in words & self.gate_words:  # a set with a set: the smaller is walked
            bits, partners, partner_words = index[word]
            mask |= bits
            if partners:  # the rules that also need a second word
                for other in words & partner_words:
                    mask |= partners[other]
        return mask if DIGIT_ANCHOR in words else mask & ~NEED_DIGITS


# Time words that name no deadline, read before the dates. Three passes beat one
# combined pattern, which the regex engine scans more than twice as slowly.
BLOCKERS = ("duration", "vague_time", "frequency")
# Every rule that is skipped when none of its words is in the text, in the order the
# date rules run; `Lexicon.gate_mask` says which of them a text can switch on.
GATES = ("duration", "vague_time", "frequency", "next_review", "iso", "written_dates",
         "numeric", "weekdays", "relative", "half", "units", "quarters", "iso_weeks",
         "months", "holidays", "year_ends", "vague_wording", "owner_words", "passive")
BIT = {name: 1 << index for index, name in enumerate(GATES)}
NEED_DIGITS = sum(BIT[name] for name in ("iso", "written_dates", "numeric", "quarters",
                                         "iso_weeks", "year_ends"))


def _gate_bits(triggers):
    singles, pairs = {}, {}
    for name in GATES:
        for anchor in triggers[name]:
            if isinstance(anchor, str):
                singles[anchor] = singles.get(anchor, 0) | BIT[name]
            else:
                partners = pairs.setdefault(anchor[0], {})
                partners[anchor[1]] = partners.get(anchor[1], 0) | BIT[name]
    return {word: (singles.get(word, 0), pairs.get(word), frozenset(pairs.get(word, ())))
            for word in singles.keys() | pairs.keys()}


def _compile(raw):
    months = {fold(k): v for k, v in raw["months"].items()}
    weekdays = {fold(k): v for k, v in raw["weekdays"].items()}
    numbers = {fold(k): v for k, v in raw["numbers"].items()}
    units = {fold(k): v for k, v in raw["units"].items()}
    month_alt = _alt(months)
    number_alt = r"\d+|" + _alt(numbers)
    unit_alt = _alt(units)
    weekday_alt = _alt(weekdays)
    # A year is four digits, or two after an apostrophe: "1 juni 20 klanten" has none.
    year = r"(?:\s*,?\s*(?P<year>\d{4}|'\d{2})(?!\d))?"
    day_month = rf"(?P<day>\d{{1,2}})(?:e|ste|de|st|nd|rd|th)?\s*(?:of\s+)?(?P<month>{month_alt})"
    p = {
        "duration": re.compile(r"(?<![\w])(?:" + "|".join(raw["duration"]) + r")(?![\w])"),
        "vague_time": phrase_pattern([fold(w) for w in raw["vague_time"]], escape=False),
        "frequency": phrase_pattern([fold(w) for w in raw["frequency"]], escape=False),
        "vague_wording": phrase_pattern([fold(w) for w in raw["vague_wording"]], escape=False),
        "next_review": phrase_pattern([fold(w) for w in raw["next_review"]]),
        "iso": re.compile(r"(?<![\d\w])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d])"),
        "numeric": re.compile(
            r"(?<![\d\w.,/:-])(?P<day>\d{1,2})\s?(?P<sep>[-/.])\s?(?P<month>\d{1,2})"
            r"(?:(?P=sep)(?P<year>\d{4}|\d{2}))?(?![\d\w]|[.,/:-]\d|%)"),
        "day_month": re.compile(rf"(?<![\w]){day_month}\.?(?![\w]){year}"),
        "month_day": re.compile(
            rf"(?<![\w])(?P<month>{month_alt})\.?\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?![\d\w:%]|[.,]\d){year}"),
        "month": re.compile(rf"(?<![\w])(?P<month>{month_alt})\.?(?![\w])"
                            r"(?:\s*,?\s*(?P<year>\d{4}|'\d{2})(?!\d))?"),
        "iso_week": re.compile(r"(?<![\w])(?:week|wk)\.?\s*(?P<week>\d{1,2})(?![\d\w])"),
        "quarter": re.compile(r"(?<![\w])q(?P<quarter>[1-4])(?:\s*'?(?P<year>\d{4}|\d{2}))?(?![\w-])"),
        "year_end": re.compile(r"(?<![\w])(?P<year>20\d{2})(?![\w%])"),
        "weekday": re.compile(rf"(?<![\w])(?P<weekday>{weekday_alt})\.?(?![\w])"),
        "span": re.compile(
            rf"(?<![\w])(?P<number>{number_alt})\s*(?P<unit>{unit_alt})(?![\w])"),
        "half": phrase_pattern([fold(w) for w in raw["half_units"]]),
        "relative": phrase_pattern([fold(k) for k in raw["relative"]]),
        "holiday": phrase_pattern([fold(k) for k in raw["holidays"]]),
        "next_week": re.compile(r"\s*(?:volgende|komende|next|the coming) week\b"),
        "next_week_before": re.compile(r"(?:volgende|komende|next|the coming) week\s*$"),
        "deadline_preps": EndsWith(raw["deadline_prepositions"] + raw["start_prepositions"]
                                    + raw["span_prepositions"] + raw["period_prefixes"]),
        "start_preps": EndsWith(raw["start_only_prepositions"]),
        "period_preps": EndsWith(raw["period_prefixes"]),
        "quarter_preps": EndsWith(raw["quarter_prefixes"]),
        "span_preps": EndsWith(raw["span_prepositions"]),
        "holiday_preps": EndsWith(raw["holiday_prepositions"]),
        "year_end_preps": EndsWith(raw["year_end_prefixes"]),
        "firm_preps": EndsWith(raw["firm_deadline_prepositions"], accents=True),
        "weekday_events": frozenset(fold(w) for w in raw["weekday_event_nouns"]),
        "numeric_idioms": frozenset(raw["numeric_idioms"]),
    }
    p.update(_owner_patterns(raw["owner"]))
    # Capitalised words that are no one's name: "Afspraak", "Maandag", "Manager".
    p["not_names"] = VOCABULARY[raw["language"]] | frozenset(weekdays) | frozenset(
        p["owner_kinds"])
    for name, words in raw.get("followup_signals", {}).items():
        p[f"signal_{name}"] = phrase_pattern([fold(w) for w in words])
    triggers = _triggers(raw, p, re.compile(day_month))
    return Lexicon(
        lang=raw["language"], raw=raw, months=months, weekdays=weekdays, numbers=numbers,
        units=units, relative={fold(k): v for k, v in raw["relative"].items()},
        holidays={fold(k): v for k, v in raw["holidays"].items()},
        patterns=p,
        vocabulary=VOCABULARY[raw["language"]],
        triggers=triggers, gate_bits=(bits := _gate_bits(triggers)), gate_words=frozenset(bits),
        owner={key: (tuple if key == "verb_suffixes" else frozenset)(fold(w) for w in words)
               for key, words in raw["owner"].items() if isinstance(words, list)},
    )


# Lists that do not say which language a text is in, nor that a capitalised word is
# no name: "ten laatste" would make "ten pull requests" Dutch.
_NOT_VOCABULARY = ("months", "capitalised", "frequent", "firm_deadline", "weekday_event",
                   "numeric_idioms")


def _vocabulary(raw):
    """Every word the lists know: such a word at the start of a line is not a name.

    `label_words` are there for this alone: "Afspraak: ..." or "Agreement: ...".
    """
    words = set()

    def walk(value):
        if isinstance(value, str):
            words.update(re.findall(r"[^\W\d_]{2,}", fold(value)))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
    # Month words stay out: "Jan" and "May" are names too, and a month that is a date
    # has been claimed by the date rules before names are looked for.
    # `frequent_words` only steer which word a rule is skipped on (`_triggers`).
    walk({k: v for k, v in raw.items() if not k.startswith(_NOT_VOCABULARY)})
    return frozenset(words)


def _triggers(raw, p, day_month):
    """Words without which a rule cannot match, to skip it cheaply (`text.gate_holds`).

    Worked out from the compiled patterns themselves, so that a gate cannot miss
    a way of writing that the pattern allows. The text's words are its runs of
    letters, with DIGIT_ANCHOR when it has a digit (`text.words_of`).
    """
    # A rule's gate word should be rare in any text: not a frequent word, or the
    # least frequent of them (the list runs from the most frequent down).
    # The stopwords are frequent in agreements too ("week", "samen"): rarer than those.
    common = {fold(w): rank for rank, w in enumerate(raw["frequent_words"])}
    for word in raw["stopwords"]:
        common.setdefault(fold(word), len(common))

    def gate(*patterns):
        options = []
        for pattern in patterns:
            found = spelling_anchors(pattern.pattern)
            if found is None:
                return frozenset({ANY_TEXT})  # cannot be skipped
            options += found
        return frozenset(choose_anchors(options, common, pairs=True))

    return {
        "months": gate(p["month"]),
        # "15ejan", "1stmarch": a suffix glued to the month makes a word of its own
        "written_dates": gate(p["month"], day_month),
        "weekdays": gate(p["weekday"]),
        "iso": gate(p["iso"]),
        "numeric": gate(p["numeric"]),
        "quarters": gate(p["quarter"]),
        "iso_weeks": gate(p["iso_week"]),
        "year_ends": gate(p["year_end"]),
        "units": gate(p["span"]),
        "half": gate(p["half"]),
        "relative": gate(p["relative"]),
        "holidays": gate(p["holiday"]),
        "next_review": gate(p["next_review"]),
        "vague_wording": gate(p["vague_wording"]),
        "owner_words": gate(p["owner_words"]),
        "passive": gate(p["passive"]),
        **{kind: gate(p[kind]) for kind in BLOCKERS},
    }


OWNER_KINDS = {"employee": "employee", "manager": "manager", "both": "both", "other": "other",
               "indefinite": "nobody", "pronoun_employee": "employee"}


def _owner_patterns(owner):
    kinds = {}
    for key, kind in OWNER_KINDS.items():
        for phrase in owner[key]:
            kinds.setdefault(fold(phrase), kind)
    return {
        "owner_kinds": kinds,
        "owner_words": phrase_pattern(kinds),
        "passive": re.compile(owner["passive"]),
        "participle": re.compile(owner["participle"]),
        "subordinator": phrase_pattern([fold(w) for w in owner["subordinators"]]),
        "object_phrases": sorted((fold(w) for w in owner["object_prepositions"] if " " in w),
                                 key=len, reverse=True),
        "object_phrase_ends": tuple(" " + fold(w) for w in owner["object_prepositions"]
                                    if " " in w),
        "together_before": re.compile(
            r"(?:^|\s)(?:" + _alt(owner["together"]) + r")"
            r"(?:\s+(?:" + _alt(owner["determiners"]) + r"))?\s*$"),
    }


def _read(lang):
    with (DATA / f"{lang}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


class _Lexicons(dict):
    """The compiled lexicon per language, compiled once, when a text first needs it.

    Compiling a language's patterns takes some 40 ms; a process that only checks
    Dutch never pays for English, and importing the package stays quick.
    """

    def __missing__(self, lang):
        if lang not in RAW:
            raise KeyError(lang)
        self[lang] = lexicon = _compile(RAW[lang])
        return lexicon


RAW = {lang: _read(lang) for lang in LANGUAGES}
STOPWORDS = {lang: frozenset(fold(w) for w in raw["stopwords"]) for lang, raw in RAW.items()}
VOCABULARY = {lang: _vocabulary(raw) for lang, raw in RAW.items()}
LEXICONS = _Lexicons()
