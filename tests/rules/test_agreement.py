"""The agreement check as a user meets it: owner, deadline, flags, and what it says."""
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voortgang.rules import analyse_agreement, detect_language

TODAY = date(2026, 11, 27)  # a Friday
PEOPLE = {"employee": "Jan Bakker", "manager": "Sanne de Vries"}


def check(text, **kwargs):
    return analyse_agreement(text, today=kwargs.pop("today", TODAY), **PEOPLE, **kwargs)


@pytest.mark.parametrize("text, due", [
    ("Jan volgt vóór 15 januari de cursus Excel", date(2027, 1, 15)),
    ("Jan rondt de cursus af vóór donderdag", date(2026, 12, 3)),
    ("Sanne plant volgende week maandag een gesprek", date(2026, 11, 30)),
    ("Jan levert binnen tien dagen het plan in", date(2026, 12, 7)),
    ("Jan haalt over 3 maanden zijn certificaat", date(2027, 2, 27)),
    ("Jan werkt eind februari de nieuwe collega in", date(2027, 2, 28)),
    ("Jan presenteert eind Q3 de resultaten", date(2027, 9, 30)),
    ("Sanne regelt het budget vóór kerst", date(2026, 12, 25)),
    ("Jan start vanaf 1 april met de opleiding", date(2027, 4, 1)),
    ("Jan uploads the report by Thursday", date(2026, 12, 3)),
    ("Jan finishes the course within 6 weeks", date(2027, 1, 8)),
    ("Sanne books the training by the end of next month", date(2026, 12, 31)),
    ("Jan sends the plan by 2027-01-15", date(2027, 1, 15)),
    ("Jan hands in the report by March 6", date(2027, 3, 6)),
])
def test_deadlines_resolve_to_the_right_day(text, due):
    assert check(text).due == due


@pytest.mark.parametrize("text, due", [
    ("Jan belt donderdag 3 december de klant terug", date(2026, 12, 3)),  # not the 3rd
    ("Jan submits the report by Friday 11 December", date(2026, 12, 11)),
    ("Jan belt vóór 1 juni 20 klanten", date(2027, 6, 1)),  # 20 is no year
    ("Jan levert het plan in vóór 15.01.2027", date(2027, 1, 15)),
    ("Jan levert het plan in uiterlijk in week 2", date(2027, 1, 17)),
    ("Jan delivers the dashboard within a fortnight", date(2026, 12, 11)),
    ("Jan sends the slides by EOD", date(2026, 11, 27)),
    ("Jan sends the slides EOD Tuesday", date(2026, 12, 1)),  # the end of Tuesday
    ("Jan draait in september 2 dagen mee met team Noord", date(2027, 9, 30)),  # not 2 Sept
])
def test_dates_written_in_other_ways(text, due):
    assert check(text).due == due


@pytest.mark.parametrize("text, due, other", [
    # a firm deadline word wins over a loose one, wherever it stands
    ("Jan zet de doelen voor Q1 op papier, vóór 15 december", date(2026, 12, 15),
     date(2027, 3, 31)),
    ("Jan books the conferences in 2028 within a month", date(2026, 12, 27),
     date(2028, 12, 31)),
    # two loose ones: the first, and the other is named too
    ("Jan plant in januari de training voor Q2", date(2027, 1, 31), date(2027, 6, 30)),
])
def test_of_two_deadlines_the_firm_one_counts(text, due, other):
    result = check(text)
    assert (result.due, result.other_dates) == (due, [other])


def test_a_name_that_is_also_a_vague_word_is_a_name():
    result = analyse_agreement("Hope to book the course for Will before 20 March",
                               today=TODAY, employee="Will Harper", manager="Hope Sinclair")
    assert (result.owner, result.codes) == ("manager", [])


@pytest.mark.parametrize("text, due", [
    ("Jan bespreekt het in the Monday stand-up", None),        # the name of a meeting
    ("Jan deelt het in de vrijdag borrel", None),
    ("Jan deelt het vóór vrijdag overleg met HR", date(2026, 12, 4)),  # no article: a day
    ("samen de doelen voor Q3 vastleggen, uiterlijk eind mei", date(2027, 5, 31)),
    ("Jan zet de doelen voor Q1 op papier, deadline: 15 december", date(2026, 12, 15)),
])
def test_weekday_events_and_firm_period_deadlines(text, due):
    assert check(text).due == due


@pytest.mark.parametrize("text", [
    "Jan werkt 20 uur per week, verdeeld over vier dagen",
    "Jan works 16 hours, spread over three days",
])
def test_hours_spread_over_days_are_no_deadline(text):
    assert check(text).due is None


@pytest.mark.parametrize("text", ["Jan volgt over 99999999 dagen de cursus",
                                  "Jan doet het binnen 9999 jaar",
                                  "Jan werkt binnen 2500000 werkdagen alles af"])
def test_absurd_spans_are_no_date_and_no_crash(text):
    assert check(text).due is None


def test_the_end_of_the_calendar_is_no_crash():
    result = check("Jan doet het vóór vrijdag, eind Q4", today=date(9999, 12, 30))
    assert result.owner == "employee"


def test_terse_dutch_is_read_as_dutch_even_in_an_english_interface():
    result = check("Jan belt klant morgen", ui_lang="en")
    assert result.lang == "nl" and result.due == date(2026, 11, 28)


@pytest.mark.parametrize("text", [
    "Jan volgt 3 trainingen", "Jan werkt 6 uur per week aan het project",
    "Sanne regelt €750 voor de cursus", "Jan test release 3 grondig",
    "Jan haalt 90% van de targets", "Jan en Sanne praten zo snel mogelijk verder",
    "we plannen een overleg om 4 uur", "Jan neemt de dienst over",
    "Jan takes over 3 shifts", "Tom may join the training", "Jan works 24/7 on call",
    "Jan is bereikbaar via 06-12345678",
])
def test_numbers_and_words_that_are_not_dates(text):
    assert check(text).due is None


@pytest.mark.parametrize("text, owner", [
    ("Jan volgt de cursus vóór 1 maart", "employee"),
    ("Sanne regelt een mentor voor Jan vóór 1 maart", "manager"),
    ("we evalueren samen over een maand", "both"),
    ("Jan en Sanne evalueren over een maand", "both"),
    ("HR past het contract van Jan aan vóór 1 maart", "other"),
    ("de planning wordt vóór 1 maart aangepast", None),
    ("iemand neemt vóór 1 maart contact op", None),
    ("the budget will be reviewed by 1 March", None),
    ("my manager sends the criteria by Monday", "manager"),
    ("Kees van IT installeert maandag de software bij Jan", "other"),
    ("IT zet volgende week vrijdag de laptop voor Jan klaar", "other"),
    # the agent of a passive, named but unknown, in front of a role word
    ("Het rooster wordt vóór 1 maart gedeeld door Hans (teamleider Logistiek)", "other"),
])
def test_owner_is_the_one_who_acts(text, owner):
    assert check(text).owner == owner


@pytest.mark.parametrize("text, employee, manager, owner", [
    ("Lisa schrijft samen met haar teamleider vóór 1 mei het plan", "Lisa de Boer",
     "Mark Smit", "both"),
    ("Van Dijk volgt vóór 1 april de cursus", "Anne van Dijk", "Peter de Wit", "employee"),
    ("Register Tom for the course by 1 May", "Tom Harris", "Priya Shah", None),
    ("Perhaps Tom takes a Python course in October", "Tom Harris", "Priya Shah",
     "employee"),
])
def test_owner_with_other_people(text, employee, manager, owner):
    result = analyse_agreement(text, today=TODAY, employee=employee, manager=manager)
    assert result.owner == owner


@pytest.mark.parametrize("text, flags", [
    ("Jan volgt vóór 15 januari de cursus Excel", []),
    ("Jan gaat binnenkort een cursus doen", ["vague_date"]),
    ("Jan probeert beter te plannen vóór 1 maart", ["vague_wording"]),
    ("de cursus Excel", ["missing_date", "missing_owner"]),
    ("Jan levert het plan in op 1 november 2026", ["past_date"]),
    ("Someone should look into it asap", ["missing_owner", "vague_date", "vague_wording"]),
    # a separable verb with a word in between; the vague date inside it counts too
    ("Jan zoekt binnenkort uit of de audit intern kan", ["vague_date", "vague_wording"]),
    ("Jan improves response times on the 24/7 helpdesk", ["missing_date", "vague_wording"]),
])
def test_flags(text, flags):
    assert sorted(check(text).codes) == flags


def test_deadline_after_next_review_is_flagged():
    result = check("Jan rondt de opleiding af eind september",
                   next_review=date(2027, 5, 20))
    assert result.codes == ["after_next_review"]
    assert check("Jan rondt de opleiding af eind maart",
                 next_review=date(2027, 5, 20)).codes == []


def test_flags_explain_with_words_and_a_fix_in_the_interface_language():
    dutch = check("Jan gaat binnenkort proberen te verbeteren", ui_lang="nl")
    vague = next(f for f in dutch.flags if f.code == "vague_date")
    assert vague.words == ["binnenkort"]
    assert "‘binnenkort’ is geen datum" in vague.message
    assert "vóór 25 december 2026" in vague.suggestion
    english = check("Jan gaat binnenkort proberen te verbeteren", ui_lang="en")
    assert english.lang == "nl"  # the text's language, not the interface's
    wording = next(f for f in english.flags if f.code == "vague_wording")
    assert wording.words == ["proberen", "verbeteren"]
    assert wording.message.startswith("With ‘proberen’ and ‘verbeteren’ the agreement")


def test_language_is_detected_from_the_text():
    assert detect_language("Jan volgt de cursus vóór vrijdag") == "nl"
    assert detect_language("Jan takes the course by Friday") == "en"
    assert check("Jan takes the course by Friday").due == date(2026, 12, 4)
    # "ten" is English here, though "ten laatste" is a Dutch deadline phrase
    assert detect_language("Priya reviews ten pull requests") == "en"


@pytest.mark.parametrize("text, lang, named", [
    ("O’Brien regelt de training", "nl", "Brien"),   # a name glued to "O’"
    ("O’Brien books the course before 1 March", "en", "Brien"),
    ("Łukasz-Jan, de nieuwe buddy van Jan, plant de koffiemomenten", "nl", "Jan"),
])
def test_a_colleague_with_a_compound_name_acts(text, lang, named):
    result = analyse_agreement(text, today=TODAY, lang=lang, manager="Sanne de Vries")
    assert (result.owner, result.owner_words) == ("other", [named])


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x07 jan \x1b", "🙂🙂 vóór 🙂 vrijdag",
                                 "Jan doet het vóór vrijdag, then Sanne checks by Monday"])
def test_odd_input_still_gets_an_answer(bad):
    result = check(bad)
    assert result.lang in ("nl", "en")


def test_too_long_text_is_a_clear_error():
    with pytest.raises(ValueError, match="at most 5000 characters"):
        check("x" * 100_000)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300), today=st.dates(date(2000, 1, 1), date(2090, 12, 31)))
def test_any_text_gets_a_result(text, today):
    result = check(text, today=today)
    assert result.owner in ("employee", "manager", "both", "other", None)
    assert result.due is None or isinstance(result.due, date)


def test_a_vague_date_does_not_swallow_vague_wording_next_to_it():
    """"kijken" (vague wording) wins over "kijken wanneer": the vague date "wanneer
    het kan" must not take it."""
    result = analyse_agreement("Sanne zal kijken wanneer het kan, uiterlijk 1 maart",
                               today=TODAY, lang="nl")
    assert "vague_wording" in result.codes


@pytest.mark.parametrize("text, due", [
    ("Jan levert vóór 3eseptember het plan", date(2027, 9, 3)),
    ("Jan sends it by 1stmarch", date(2027, 3, 1)),
])
def test_a_suffix_glued_to_the_month_is_still_read(text, due):
    assert analyse_agreement(text, today=TODAY).due == due


@pytest.mark.parametrize("text, due", [
    ("Jan levert medio maart het plan in", date(2027, 3, 15)),
    ("Jan levert half maart het plan in", date(2027, 3, 15)),
    ("Jan levert medio november het plan in", date(2027, 11, 15)),  # this one's 15th is past
    ("Jan sends the plan by mid-July", date(2027, 7, 15)),
    ("Jan sends the plan mid July 2028", date(2028, 7, 15)),
    ("Jan plans the review in the middle of March", date(2027, 3, 15)),
])
def test_the_middle_of_a_month_is_its_15th(text, due):
    assert check(text).due == due


def test_half_a_year_is_still_a_span_and_mid_year_no_month():
    assert check("Jan rondt binnen een half jaar de opleiding af").due == date(2027, 5, 27)
    assert check("Jan and Sanne plan a mid-year check-in").due is None


@pytest.mark.parametrize("text, owner", [
    # "ik"/"I" is whoever types the note: the employee when the note names their
    # manager as "mijn leidinggevende"/"my manager", else the manager; "jij"/"you" is
    # the other one
    ("ik stuur Jan vóór vrijdag het verslag", "manager"),
    ("ik vraag mijn leidinggevende vóór vrijdag om budget", "employee"),
    ("jij stuurt mij vóór vrijdag het verslag", "employee"),
    ("I'll send Jan the report by Friday", "manager"),
    ("I'll ask my manager for a budget by Friday", "employee"),
    ("you send me the report by Friday", "employee"),
    # someone from a department: the department acts; someone from the team is anyone
    ("iemand van IT zet vóór vrijdag de laptop klaar", "other"),
    ("iemand van het team zet vóór vrijdag de laptop klaar", None),
    ("someone from HR explains the scheme to Jan by Friday", "other"),
    ("someone from the team explains the scheme to Jan by Friday", None),
    # a first clause that only sets the scene gives way to the next one
    ("Jan heeft gisteren het plan gestuurd, Sanne reageert vóór vrijdag", "manager"),
    ("Sanne was supposed to book the course, Jan reminds her by Friday", "employee"),
])
def test_who_acts_in_a_note_as_people_type_it(text, owner):
    assert check(text).owner == owner


@pytest.mark.parametrize("text, lang, due, is_start", [
    # one date: a start ("vanaf", "starting", "per") or a deadline
    ("Vanaf 11 december elke twee weken een 1-op-1 met Jan", "nl", date(2026, 12, 11), True),
    ("Jan start per 1/3 bij het nieuwe team", "nl", date(2027, 3, 1), True),
    ("1:1s every two weeks starting Jan 5", "en", date(2027, 1, 5), True),
    ("Jan levert vóór 11 december het plan in", "nl", date(2026, 12, 11), False),
    # a start and a deadline: the deadline is the due date
    ("Jan begint vanaf 1 december en rondt vóór 1 maart af", "nl", date(2027, 3, 1), False),
])
def test_a_start_date_says_it_is_one(text, lang, due, is_start):
    result = check(text, lang=lang)
    assert (result.due, result.due_is_start) == (due, is_start)
    assert result.to_dict()["due_is_start"] is is_start


def test_a_due_date_chosen_in_the_form_is_a_deadline():
    result = check("Vanaf 11 december elke twee weken een 1-op-1", lang="nl",
                   due=date(2027, 1, 15))
    assert (result.due, result.due_is_start) == (date(2027, 1, 15), False)


@pytest.mark.parametrize("text, lang, due", [
    # Easter moves: the holidays counted from it are computed for each year
    ("Jan rondt de cursus af vóór Pasen", "nl", date(2027, 3, 28)),
    ("Jan rondt de cursus af vóór Hemelvaart", "nl", date(2027, 5, 6)),
    ("Jan finishes the course before Pentecost", "en", date(2027, 5, 16)),
    ("Jan finishes the course before Easter 2028", "en", date(2028, 4, 16)),
    # the Nth week of a month ends on day 7N; "week of" a date on that week's Sunday
    ("Jan presenteert in de 1e week van januari", "nl", date(2027, 1, 7)),
    ("Jan presents w/c 7 Dec", "en", date(2026, 12, 13)),
    # a bare day of the month: this month's if it has not passed, else the next
    ("Jan levert het in voor de 30e", "nl", date(2026, 11, 30)),
    ("Jan hands it in by the 15th", "en", date(2026, 12, 15)),
    # a range of days: its last day
    ("Jan volgt de training 13-15 juli", "nl", date(2027, 7, 15)),
    ("Jan attends July 13 to 15", "en", date(2027, 7, 15)),
    # a typo in a name of five letters or more; two typos are too far
    ("Jan volgt de training in septmber", "nl", date(2027, 9, 30)),
    ("Jan calls the client on wensday", "en", None),
])
def test_dates_as_people_type_them(text, lang, due):
    assert check(text, lang=lang).due == due


@pytest.mark.parametrize("text, lang", [
    ("Jan maakt het opleidingsplan voor Q2 en Q3", "nl"),   # quarters as a topic
    ("Jan helps Sanne prepare the second round", "en"),      # an ordinal, no day
    ("Jan improves response times on the 24/7 helpdesk", "en"),
    ("we may first need to ask HR", "en"),                   # "may" the verb
    ("Sanne wacht tot Jan terug is van vakantie", "nl"),     # Jan the person
    ("Jan haalt een score van 7/10", "nl"),                  # a score, no event's day
    ("Jan leads week 2 of the onboarding", "en"),            # a part of something
    ("Jan geeft de training op de 2e verdieping", "nl"),     # an ordinal, no day
])
def test_numbers_and_names_near_dates_that_are_no_date(text, lang):
    assert check(text, lang=lang).due is None
