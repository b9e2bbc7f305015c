"""Follow-up questions worth asking, from what was answered so far (or not).

Works on plain data, keyed by the question keys of the conversation:
obstacles, contribution, enjoyment, feedback_to_employee, feedback_to_manager,
ambitions, growth, needs, learning, needs_for_agreements, check_ins.
"""
import json
from dataclasses import dataclass

from .lexicon import DATA, LANGUAGES, LEXICONS
from .text import fold

SHORT_ANSWER_WORDS = 4

with (DATA / "followups.json").open(encoding="utf-8") as _handle:
    TEXTS = json.load(_handle)


@dataclass(frozen=True)
class Goal:
    description: str
    outcome: str | None  # "met", "partly", "not_met" or None


@dataclass(frozen=True)
class Suggestion:
    key: str            # stable: what to remember when it is dismissed
    rule: str           # which rule fired
    question: str       # the follow-up question, in the interface language
    reason: str         # why, in the interface language
    target: str | None  # the question key its note belongs to
    # (anchor, text) of the items it is about, to go to them on the page
    links: tuple = ()


def suggest_followups(phase, answers, *, questions=(), question_texts=None, goals=(),
                      agreement_kinds=(), previous_open=0, unreviewed_goals=(),
                      unreviewed_agreements=(), dismissed=(), ui_lang="nl", limit=3):
    """At most `limit` follow-up questions for `phase`, most important first.

    `questions` are the keys asked in this phase, `question_texts` their wording
    in the interface language, `agreement_kinds` the kinds of agreements made so
    far ("training", "coaching", ...), `previous_open` how many agreements of the
    previous review are still open. `unreviewed_goals` and `unreviewed_agreements`
    are (anchor, description) of the previous review's goals and agreements that
    have no result yet in this one; the tip links to each.
    """
    texts = TEXTS[ui_lang if ui_lang in TEXTS else "nl"]
    answers = {key: (value or "").strip() for key, value in answers.items()}
    question_texts = question_texts or {}
    found = []

    def add(rule, key, target=None, count=None, links=(), **values):
        if key in dismissed:
            return
        entry = texts[rule]
        reason = entry.get("reason_one") if count == 1 and "reason_one" in entry \
            else entry["reason"]
        found.append(Suggestion(key, rule.removesuffix("_manager"),
                                entry["question"].format(count=count, **values),
                                reason.format(count=count, **values), target,
                                tuple(links)))

    if phase == "looking-back":
        if unreviewed_agreements or previous_open:
            add("previous_agreements", "previous_agreements",
                count=len(unreviewed_agreements) or previous_open, links=unreviewed_agreements)
        if unreviewed_goals:
            add("previous_goals", "previous_goals", count=len(unreviewed_goals),
                links=unreviewed_goals)
        for index, goal in enumerate(goals):
            if goal.outcome in ("partly", "not_met") and _words(answers.get("obstacles")) \
                    < SHORT_ANSWER_WORDS * 2:
                add("goal_not_met", f"goal_not_met:{index}", target="obstacles",
                    goal=goal.description[:80], outcome=texts["outcomes"][goal.outcome])
    signals = _signals(" ".join(answers.get(k, "") for k in questions), "workload")
    if signals:
        add("workload", f"workload:{phase}", target=_first_with(answers, questions),
            words=", ".join(signals))
    if "enjoyment" in questions:
        low = _signals(answers.get("enjoyment", ""), "low_enjoyment")
        if low:
            add("low_enjoyment", "low_enjoyment", target="enjoyment", words=", ".join(low))
    if "feedback_to_manager" in questions:
        to_employee = answers.get("feedback_to_employee")
        to_manager = answers.get("feedback_to_manager")
        if to_employee and not to_manager:
            add("one_way_feedback", "one_way_feedback", target="feedback_to_manager")
        elif to_manager and not to_employee:
            add("one_way_feedback_manager", "one_way_feedback", target="feedback_to_employee")
    if "ambitions" in questions and answers.get("ambitions") and not answers.get("needs"):
        add("ambition_without_plan", "ambition_without_plan", target="needs")
    if phase in ("looking-ahead", "agreements"):
        wishes = _signals(answers.get("learning", ""), "training")
        if wishes and not set(agreement_kinds) & {"training", "coaching"}:
            add("training_without_agreement", "training_without_agreement",
                target="learning", words=wishes[0])
    for key in questions:
        count = _words(answers.get(key))
        if 0 < count < SHORT_ANSWER_WORDS:
            add("short_answer", f"short_answer:{key}", target=key, count=count,
                question=_strip(question_texts.get(key, key)))
    covered = {tip.target for tip in found}
    open_questions = [k for k in questions if not answers.get(k)]
    if open_questions and len(open_questions) < len(questions) \
            and not set(open_questions) <= covered:
        add("unanswered", f"unanswered:{phase}", count=len(open_questions),
            questions="; ".join(_strip(question_texts.get(k, k)) for k in open_questions))
    return found[:limit]


def _words(text):
    return len((text or "").split())


def _strip(question):
    return str(question).rstrip("?").strip()


def _first_with(answers, keys):
    return next((k for k in keys if answers.get(k)), None)


def _signals(text, name):
    """The signal words of one kind found in the text, in either language."""
    if not text:
        return []
    folded = fold(text)
    found = []
    for lang in LANGUAGES:
        for match in LEXICONS[lang].patterns[f"signal_{name}"].finditer(folded):
            word = text[match.start():match.end()]
            if word.lower() not in (w.lower() for w in found):
                found.append(word)
    return found
