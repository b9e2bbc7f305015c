"""Check one agreement: who does it, by when, and is it concrete."""
import json
import re
import string
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import TimeFindings, find_time
from .language import detect_language
from .lexicon import DATA, LANGUAGES, LEXICONS, RAW
from .owner import find_owner
from .text import Taken, fold, letter_runs
from .wording import quoted

MAX_LENGTH = 5_000
FLAG_ORDER = ("missing_owner", "missing_date", "vague_date", "vague_wording", "past_date",
              "after_next_review")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

with (DATA / "messages.json").open(encoding="utf-8") as _handle:
    MESSAGES = json.load(_handle)


@dataclass
class Flag:
    code: str
    words: list = field(default_factory=list)
    spans: list = field(default_factory=list)
    message: str = ""
    suggestion: str = ""

    def to_dict(self):
        return {"code": self.code, "words": list(self.words),
                "spans": [list(span) for span in self.spans], "message": self.message,
                "suggestion": self.suggestion}


@dataclass
class AgreementCheck:
    """What the assistant found in one agreement."""

    text: str
    lang: str
    owner: str | None
    due: date | None
    flags: list
    owner_words: list = field(default_factory=list)
    due_words: list = field(default_factory=list)
    other_dates: list = field(default_factory=list)
    owner_from_text: str | None = None
    due_from_text: date | None = None
    # the due date is when something starts ("vanaf 11 december elke twee weken",
    # "starting Jan 5", "per 1/3"), not a deadline: show it as "vanaf"/"from"
    due_is_start: bool = False

    @property
    def codes(self):
        return [flag.code for flag in self.flags]

    @property
    def concrete(self):
        return not self.flags

    def to_dict(self):
        """Plain JSON values. Written out: `dataclasses.asdict` deep-copies every list
        and string, which took as long as the analysis itself (python -m voortgang.rules)."""
        return {
            "lang": self.lang, "owner": self.owner, "due": _iso(self.due),
            "flags": self.codes, "owner_words": list(self.owner_words),
            "due_words": list(self.due_words),
            "other_dates": [day.isoformat() for day in self.other_dates],
            "owner_from_text": self.owner_from_text, "due_from_text": _iso(self.due_from_text),
            "due_is_start": self.due_is_start,
            "details": [flag.to_dict() for flag in self.flags],
        }


def _iso(day):
    return day.isoformat() if day else None


def analyse_agreement(text, *, today, lang=None, employee=None, manager=None,
                      next_review=None, ui_lang="nl", owner=None, due=None):
    """Analyse an agreement in its own language; messages come in `ui_lang`.

    `owner` and `due` are what the people already chose outside the text (in a
    form): they answer "who" and "when" as well as the text would.
    """
    if not isinstance(text, str):
        raise TypeError("The agreement must be text.")
    if len(text) > MAX_LENGTH:
        raise ValueError(f"An agreement can be at most {MAX_LENGTH} characters; "
                         f"this one has {len(text)}.")
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; use one of {', '.join(LANGUAGES)}.")
    clean = text if text.isprintable() else _CONTROL.sub(" ", text)
    lang = lang or detect_language(clean, default=ui_lang if ui_lang in LANGUAGES else "nl")
    lex = LEXICONS[lang]
    folded = fold(clean)
    try:
        time = find_time(folded, clean, lex, today, next_review)
    except (OverflowError, ValueError):
        time = TimeFindings()  # a date past the calendar's end: treat as no date
    text_owner, actors = find_owner(folded, clean, lex, employee, manager,
                                    blocked=[(m.start, m.end) for m in time.mentions]
                                    if time.mentions else ())
    owner = owner or text_owner
    due = due or time.due
    flags = _flags(folded, clean, lex, time, actors, owner, due, today, next_review)
    check = AgreementCheck(
        text=text, lang=lang, owner=owner, due=due, flags=flags,
        owner_words=_first_words(clean, actors, "kind", text_owner),
        due_words=_first_words(clean, time.mentions, "due", time.due),
        other_dates=time.ambiguous, owner_from_text=text_owner, due_from_text=time.due,
        # a date chosen outside the text (in a form) is a deadline
        due_is_start=time.due_is_start and due == time.due,
    )
    _explain(check, today, next_review, employee, manager,
             ui_lang if ui_lang in MESSAGES else "nl")
    return check


def _first_words(text, mentions, key, value):
    """The words of the first mention whose `key` is `value` (a list of one, or empty)."""
    if value is not None:
        for mention in mentions:
            if getattr(mention, key) == value:
                return [text[mention.start:mention.end]]
    return []


def _flags(folded, text, lex, time, actors, owner, due, today, next_review):
    flags = []
    if owner is None:
        flags.append(Flag("missing_owner"))
    if due is None:
        if time.vague:
            flags.append(_flag_from_spans("vague_date", text, time.vague))
        elif not time.mentions:
            flags.append(Flag("missing_date"))
    # "mogelijk" in "zo snel mogelijk" is part of a vague date, not vague wording
    # ("zoekt binnenkort uit of" is both); "Hope" may be someone's name.
    free = Taken([(actor.start, actor.end) for actor in actors]).free
    needs = lex.vague_wording_words
    wording = [m.span() for m in lex.patterns["vague_wording"].finditer(folded)
               if free(*m.span()) and not _within(m.span(), time.vague)] \
        if needs is None or not needs.isdisjoint(letter_runs(folded)) else []
    if wording:
        flags.append(_flag_from_spans("vague_wording", text, wording))
    if due is not None and due < today:
        flags.append(Flag("past_date"))
    if due is not None and next_review is not None and due > next_review:
        flags.append(Flag("after_next_review"))
    return flags


def _within(span, spans):
    start, end = span
    return any(outer_start <= start and end <= outer_end for outer_start, outer_end in spans)


def _flag_from_spans(code, text, spans):
    return Flag(code, words=[text[s:e] for s, e in spans], spans=[list(s) for s in spans])


def _explain(check, today, next_review, employee, manager, ui_lang):
    if not check.flags:
        return
    texts = MESSAGES[ui_lang]
    templates = _TEMPLATES[ui_lang]
    values = {}
    for flag in check.flags:
        message, suggestion, has_fields, names = templates[flag.code]
        if not has_fields:
            flag.message, flag.suggestion = message, suggestion
            continue
        for name in names:  # only what these two texts name
            if name not in values:
                values[name] = _value(name, check, today, next_review, employee, manager,
                                      ui_lang, texts)
        values["words"] = quoted(flag.words, texts["and"])
        flag.message = message.format_map(values)
        flag.suggestion = suggestion.format_map(values)


_FOUR_WEEKS = timedelta(days=28)
_LAST_EXAMPLE_DAY = date(9999, 12, 1)  # later, four weeks on is past the calendar's end


def _value(name, check, today, next_review, employee, manager, ui_lang, texts):
    if name == "employee":
        return _first_name(employee) or RAW[ui_lang]["generic_employee"]
    if name == "manager":
        return _first_name(manager) or ""
    if name == "example":
        return texts["example_action"]
    if name == "example_date":
        return _long_date(today + _FOUR_WEEKS if today < _LAST_EXAMPLE_DAY else today, texts)
    if name == "due":
        return _long_date(check.due, texts)
    if name == "next_review":
        return _long_date(next_review, texts)
    if name == "dates":
        return ", ".join(_long_date(d, texts) for d in [check.due, *check.other_dates] if d)
    return ""


def _templates(texts):
    """Per flag code: its message, its suggestion, whether they name any fields at all,
    and the fields to work out ({employee}, {due}; {words} is filled in per flag)."""
    templates = {}
    for code, entry in texts.items():
        if isinstance(entry, dict) and "message" in entry:
            parts = (entry["message"], entry["suggestion"])
            fields = {name for part in parts
                      for _, name, _, _ in string.Formatter().parse(part) if name}
            if not fields:
                parts = tuple(part.format_map({}) for part in parts)  # "{{" and "}}"
            templates[code] = (*parts, bool(fields), tuple(sorted(fields - {"words"})))
    return templates


_TEMPLATES = {lang: _templates(texts) for lang, texts in MESSAGES.items()}


def _long_date(day, texts):
    # "15 januari 2027" / "15 January 2027": written out without a locale library,
    # which would cost more than the whole check.
    return f"{day.day} {texts['months'][day.month - 1]} {day.year}" if day else ""


def _first_name(name):
    return name.split()[0] if name and name.strip() else None
