"""Follow-up questions: which rule fires, and why, in the interface language."""
import pytest

from voortgang.rules import Goal, suggest_followups

BACK = ["obstacles", "contribution", "enjoyment", "feedback_to_employee",
        "feedback_to_manager"]
AHEAD = ["ambitions", "growth", "needs", "learning"]


def rules(phase, answers, questions, **kwargs):
    return [s.rule for s in suggest_followups(phase, answers, questions=questions,
                                              limit=20, **kwargs)]


def test_a_goal_not_met_asks_what_stood_in_the_way():
    tips = suggest_followups("looking-back", {}, questions=BACK,
                             goals=[Goal("Klanttevredenheid boven de 8", "not_met"),
                                    Goal("Twee collega's inwerken", "met")])
    assert tips[0].rule == "goal_not_met" and "Klanttevredenheid" in tips[0].question
    assert tips[0].target == "obstacles"
    assert "niet behaald" in tips[0].reason


def test_workload_and_low_enjoyment_in_either_language():
    dutch = rules("looking-back", {"enjoyment": "Weinig plezier, veel stress"}, BACK)
    english = rules("looking-back", {"enjoyment": "Honestly it's boring and I'm "
                                                  "exhausted"}, BACK, ui_lang="en")
    assert {"workload", "low_enjoyment"} <= set(dutch)
    assert {"workload", "low_enjoyment"} <= set(english)
    assert "low_enjoyment" not in rules("looking-back", {"enjoyment": "Veel plezier in "
                                        "het werk met klanten"}, BACK)


def test_feedback_that_went_one_way_invites_the_other_way():
    tips = suggest_followups("looking-back", {"feedback_to_employee": "Sterk in "
                                              "klantgesprekken, let op deadlines"},
                             questions=BACK, ui_lang="en", limit=20)
    tip = next(t for t in tips if t.rule == "one_way_feedback")
    assert tip.target == "feedback_to_manager" and "both ways" in tip.reason


def test_ambition_without_plan_and_training_without_agreement():
    answers = {"ambitions": "Teamcoach worden binnen twee jaar",
               "learning": "Een cursus coachend leidinggeven"}
    assert {"ambition_without_plan", "training_without_agreement"} <= set(
        rules("looking-ahead", answers, AHEAD))
    assert "training_without_agreement" not in rules(
        "looking-ahead", answers, AHEAD, agreement_kinds=["training"])


def test_short_and_missing_answers():
    found = rules("looking-ahead", {"ambitions": "Groeien", "growth": "Meer "
                  "verantwoordelijkheid in projecten en klantcontact"}, AHEAD)
    assert "short_answer" in found and "unanswered" in found


def test_previous_agreements_come_first_and_at_most_three():
    tips = suggest_followups("looking-back", {"enjoyment": "saai en stress",
                                              "feedback_to_employee": "prima"},
                             questions=BACK, previous_open=2)
    assert len(tips) == 3
    assert tips[0].rule == "previous_agreements" and "2 afspraken" in tips[0].reason


def test_what_was_not_reviewed_yet_is_named_and_linked_in_both_languages():
    kwargs = dict(questions=BACK, unreviewed_goals=[("carried-goal-4", "Klanten bellen")],
                  unreviewed_agreements=[("previous-agreement-7", "Jan volgt de cursus"),
                                         ("previous-agreement-8", "Sanne regelt budget")])
    dutch = suggest_followups("looking-back", {}, **kwargs)
    assert [t.rule for t in dutch[:2]] == ["previous_agreements", "previous_goals"]
    assert "2 afspraken uit het vorige gesprek" in dutch[0].reason
    assert dutch[0].links == (("previous-agreement-7", "Jan volgt de cursus"),
                              ("previous-agreement-8", "Sanne regelt budget"))
    assert dutch[1].links == (("carried-goal-4", "Klanten bellen"),)
    assert "Eén doel uit het vorige gesprek" in dutch[1].reason
    english = suggest_followups("looking-back", {}, ui_lang="en", **kwargs)
    assert "One goal from the previous review has no result yet." == english[1].reason
    ahead = suggest_followups("looking-ahead", {"ambitions": "Teamcoach"}, **{
        **kwargs, "questions": AHEAD})
    assert ahead and {t.rule for t in ahead}.isdisjoint({"previous_agreements",
                                                         "previous_goals"})


def test_dismissed_suggestions_stay_away():
    answers = {"feedback_to_employee": "Goed werk"}
    assert "one_way_feedback" not in rules("looking-back", answers, BACK,
                                           dismissed={"one_way_feedback"})


def test_a_good_phase_gets_no_nagging():
    answers = {key: "Een uitgebreid antwoord met een concreet voorbeeld erbij."
               for key in BACK}
    assert rules("looking-back", answers, BACK) == []


def test_open_questions_are_not_listed_right_after_the_first_answer():
    """They are on screen just below: the reminder waits until most are answered."""
    first = rules("looking-ahead", {"ambitions": "Teamcoach worden binnen twee jaar, "
                                                 "met een eigen team"}, AHEAD)
    assert "unanswered" not in first
    tips = suggest_followups("looking-ahead", {
        "ambitions": "Teamcoach worden binnen twee jaar, met een eigen team",
        "growth": "Meer verantwoordelijkheid in projecten en in het klantcontact",
        "needs": "Tijd om de opleiding te volgen, een dag per week"}, questions=AHEAD,
        question_texts={"learning": "Welke opleiding wil je volgen?"})
    reminder = next(t for t in tips if t.rule == "unanswered")
    assert reminder.question == "Zullen we de open vraag van deze stap ook nog bespreken?"
    assert reminder.links == (("answer_learning", "Welke opleiding wil je volgen"),)


def test_each_word_of_the_user_is_quoted_on_its_own():
    tip = suggest_followups("looking-back", {"obstacles": "Veel stress, overuren en moe"},
                            questions=BACK)[0]
    assert tip.reason.endswith("‘stress’, ‘overuren’ en ‘moe’.")
    english = suggest_followups("looking-ahead", {"learning": "graag een cursus Excel"},
                                questions=AHEAD, ui_lang="en")
    wish = next(t for t in english if t.rule == "training_without_agreement")
    assert wish.reason == ("You mentioned ‘cursus’, but there is no agreement about "
                           "training or coaching yet.")


@pytest.mark.parametrize("answer", ["takes the fun out of it, 5 out of 10",
                                    "Het haalt het plezier eruit, een 4/10"])
def test_low_enjoyment_is_heard_in_either_language(answer):
    for ui_lang in ("nl", "en"):
        assert "low_enjoyment" in rules("looking-back", {"enjoyment": answer}, BACK,
                                        ui_lang=ui_lang)


def test_a_good_mark_is_not_low_enjoyment():
    assert "low_enjoyment" not in rules("looking-back", {"enjoyment": "Echt leuk, 8 op 10"},
                                        BACK)
