"""The one schema every language file (data/<lang>.json) must follow, checked at load.

A mistake in the word lists shows up as a wrong answer far from its cause (a
phrase in two owner lists made "leidinggevende en medewerker" the manager's), so
the loader refuses a file that breaks the schema, with a message that names the
file, the key and the fault.
"""
import json
import re


class LanguageDataError(ValueError):
    """A language file does not follow the schema."""


# Value shapes: `str`, `int`, [item] (a list of items), {str: value} (a table with
# free keys), (first, second) (a pair, written as a JSON list), a `Record` (fixed
# keys), Maybe(shape) (or null), or REGEX (a string that must compile).
REGEX = "regex"


class Record(dict):
    """An object whose keys are fixed by the schema, each with its own shape."""


class Maybe(tuple):
    """A value of the inner shape, or null."""

    def __new__(cls, shape):
        return super().__new__(cls, (shape,))


_REGEX_SYNTAX = re.compile(r"[\\()\[\]?*+{}|^$.]")

PHRASES = [str]
PATTERNS = [REGEX]  # phrases that may hold small regexes ("elke? (?:dag|week)")

SCHEMA = Record({
    "language": str,
    "stopwords": PHRASES,                 # common words: which language a text is in
    "label_words": PHRASES,               # "Afspraak:" opens a line but is no name
    "generic_employee": str,              # in a message when no name is known
    # dates
    "months": {str: int},
    "months_alone": PHRASES,              # month words that are a date without a day
    "capitalised_months_alone": PHRASES,  # only when written with a capital ("March")
    "weekdays": {str: int},               # 0 is Monday
    "weekday_abbreviations_need_preposition": PHRASES,
    "weekday_event_nouns": PHRASES,       # "de vrijdag borrel" is an event, no date
    "numbers": {str: Maybe(int)},         # null: a word for a vague amount ("paar")
    "units": {str: str},
    "half_units": PATTERNS,
    "ordinal_suffixes": PHRASES,          # "15e", "1st"
    "day_month_joiners": PHRASES,         # "15th of March"
    "month_day_joiners": PHRASES,         # "March the 15th"
    "mid_month_words": PHRASES,           # "medio maart", "mid-July": the 15th
    "week_words": PHRASES,                # "week 16", "wk 16"
    "articles": PHRASES,                  # may follow a preposition: "by the 15th"
    "numeric_idioms": PHRASES,            # "24/7" is no date
    "relative": {str: (str, int)},        # phrase -> (unit, how many)
    "holidays": {str: (int, int)},        # phrase -> (month, day)
    "holiday_event_nouns": PHRASES,       # "Christmas drinks" is no date
    "next_review": PHRASES,
    # the words in front of a date that make it a deadline (or a start)
    "span_prepositions": PHRASES,
    "deadline_prepositions": PHRASES,
    "firm_deadline_prepositions": PHRASES,
    "start_prepositions": PHRASES,
    "start_only_prepositions": PHRASES,
    "period_prefixes": PHRASES,
    "quarter_prefixes": PHRASES,
    "holiday_prepositions": PHRASES,
    "year_end_prefixes": PHRASES,
    # time words that name no deadline, and wording that is not concrete
    "vague_time": PATTERNS,
    "frequency": PATTERNS,
    "duration": PATTERNS,
    "vague_wording": PATTERNS,
    "owner": Record({
        "employee": PHRASES, "manager": PHRASES, "both": PHRASES, "other": PHRASES,
        "indefinite": PHRASES, "pronoun_employee": PHRASES,
        "uppercase_only": PHRASES,        # "IT" acts, "it" does not
        "name_particles": PHRASES,        # "van" in "Anne van Dijk" is no surname
        "possessive_endings": PHRASES,    # "Jans contract", "Tom's laptop"
        "object_prepositions": PHRASES, "agent_prepositions": PHRASES,
        "conjunctions": PHRASES, "group_followers": PHRASES, "verb_suffixes": PHRASES,
        "adverb_suffixes": PHRASES, "modal_verbs": PHRASES, "passive": REGEX,
        "subordinators": PHRASES, "name_introducers": PHRASES, "skippable": PHRASES,
        "non_verbs": PHRASES, "together": PHRASES, "participle": REGEX,
        "leading_subordinators": PHRASES, "determiners": PHRASES,
        "from_group": PHRASES,            # "iemand van IT", "de afdeling sales": the group acts
        "own_groups": PHRASES,            # "iemand van het team" is anyone, not a department
        "first_person": PHRASES,          # "ik", "I'll": whoever writes the note
        "second_person": PHRASES,         # "jij", "you": the other one of the two
        "writer_is_employee": PHRASES,    # "mijn leidinggevende" in a note: the employee writes
        "scene_markers": PHRASES,         # "gisteren", "was supposed to", "krijgt": a first
                                          # clause that sets the scene for the next one
        "bullet": REGEX,                  # "- ", "1) " in front of a label "jan: ..."
        "meeting_prepositions": PHRASES,  # "evaluatie met Jan en Sanne": the two meet
        "quantifiers": PHRASES,           # "voor het hele team": still the object of "voor"
    }),
    # followups.py reads these; their words are someone else's to edit
    "followup_signals": {str: PHRASES},
    # dates, added for notes as people type them (tests/rules/corpus/README.md)
    "ordinal_words": {str: int},          # "derde", "first"; -1 is "laatste"/"last"
    "part_of_joiners": PHRASES,           # "eerste week van maart", "last Monday of March"
    "weekday_weeks": {str: int},          # "dinsdag volgende week": weeks from this one
    "relative_months": {str: int},        # "the 20th of next month": months from this one
    "next_n_words": PHRASES,              # "komende 3 dagen", "next three weeks"
    "quarter_words": PHRASES,             # "derde kwartaal", "3rd qtr"
    "week_of_words": PHRASES,             # "in de week van 12 januari", "w/c 5 Feb"
    "range_joiners": PHRASES,             # "13-15 juli", "July 13 to 15": the last day
    "easter_holidays": {str: int},        # days after Easter Sunday ("hemelvaart": 39)
    "event_prepositions": PHRASES,        # "de teamdag van 12/11": the event's day
    "ambiguous_month_prefixes": PHRASES,  # "in jan", "end of may": the month, not a name
    "topic_joiners": PHRASES,             # "voor Q2 en Q3": quarters as a topic
    "day_articles": PHRASES,              # "voor de 20e", "by the 15th"
    "span_suffixes": PHRASES,             # "3 days from now", "a week hence"
    "period_start_words": PHRASES,        # "begin april", "early May": a vague date
    "score_nouns": PHRASES,               # "een score van 7/10" is no date
})

# Lists that must not share a phrase: each says what a phrase *is*, and a phrase
# cannot be two of those at once. Paths are keys, "owner.both" one level down.
EXCLUSIVE = (
    ("owner.employee", "owner.manager", "owner.both", "owner.other", "owner.indefinite",
     "owner.pronoun_employee"),
    ("vague_time", "frequency", "duration", "relative", "holidays", "easter_holidays",
     "vague_wording"),
    ("start_only_prepositions", "firm_deadline_prepositions"),
)


def load_language(path):
    """The language file at `path`, checked against the schema (else LanguageDataError)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError) as error:
        raise LanguageDataError(f"{path.name}: cannot be read as JSON: {error}") from None
    _check(data, SCHEMA, path.name, regexes=False)
    _check_exclusive(data, path.name)
    return data


def check_regexes(data):
    """Do the language's regexes compile? (LanguageDataError if not.) Apart from
    `load_language`: compiling them takes longer than the rest of the import, so
    it is done when the language's rules are compiled, at their first use."""
    _check(data, SCHEMA, f"{data['language']}.json", regexes=True)


def check_same_languages(data_by_lang):
    """Every language file names itself correctly (the schema already fixes the keys)."""
    for lang, data in data_by_lang.items():
        if data["language"] != lang:
            raise LanguageDataError(f"{lang}.json: 'language' is {data['language']!r}, "
                                    f"not {lang!r}.")


def _check(value, shape, where, regexes):
    if isinstance(shape, Maybe):
        if value is not None:
            _check(value, shape[0], where, regexes)
    elif isinstance(shape, Record):
        if not isinstance(value, dict):
            _fail(where, "an object", value)
        missing = shape.keys() - value.keys()
        unknown = value.keys() - shape.keys()
        if missing:
            raise LanguageDataError(f"{where}: missing key(s) {', '.join(sorted(missing))}.")
        if unknown:
            raise LanguageDataError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
                                    "(add them to schema.SCHEMA first).")
        for key, item_shape in shape.items():
            _check(value[key], item_shape, f"{where}: {key}", regexes)
    elif isinstance(shape, dict):
        (value_shape,) = shape.values()
        if not isinstance(value, dict):
            _fail(where, "an object", value)
        for key, item in value.items():
            _check(item, value_shape, f"{where}[{key!r}]", regexes)
    elif isinstance(shape, list):
        if not isinstance(value, list):
            _fail(where, "a list", value)
        if regexes and shape[0] == REGEX and all(isinstance(item, str) for item in value) \
                and _compiles("|".join(f"(?:{item})" for item in value
                                       if _REGEX_SYNTAX.search(item))):
            return  # one compile for the list (of its phrases that are more than words)
        for index, item in enumerate(value):
            _check(item, shape[0], f"{where}[{index}]", regexes)
    elif isinstance(shape, tuple):
        if not isinstance(value, list) or len(value) != len(shape):
            _fail(where, f"a list of {len(shape)}", value)
        for index, (item, item_shape) in enumerate(zip(value, shape)):
            _check(item, item_shape, f"{where}[{index}]", regexes)
    elif shape == REGEX:
        if not isinstance(value, str):
            _fail(where, "a regex as text", value)
        try:
            if regexes:
                re.compile(value)
        except re.error as error:
            raise LanguageDataError(f"{where}: not a valid regex ({error}): {value!r}") \
                from None
    elif not isinstance(value, shape) or isinstance(value, bool):
        _fail(where, shape.__name__, value)


def _compiles(pattern):
    try:
        re.compile(pattern)
    except re.error:
        return False
    return True


def _fail(where, expected, value):
    raise LanguageDataError(f"{where}: expected {expected}, found {value!r}.")


def _check_exclusive(data, name):
    from .text import fold  # folded, as the rules compare them
    for group in EXCLUSIVE:
        seen = {}
        for path in group:
            for phrase in _at(data, path):
                key = fold(phrase)
                if seen.get(key, path) != path:
                    raise LanguageDataError(
                        f"{name}: {phrase!r} is in both {seen[key]} and {path}; a phrase "
                        "can only be one of them.")
                seen[key] = path


def _at(data, path):
    for key in path.split("."):
        data = data[key]
    return data
