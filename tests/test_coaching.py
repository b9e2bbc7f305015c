"""The assistant in the conversation: the live check, saved agreements, completing."""
from datetime import date, timedelta

import pytest

from voortgang.conversations.models import (Agreement, AgreementStatus, Conversation, Goal,
                                            Outcome, Owner, Status)
from voortgang.extensions import db


@pytest.fixture
def check_url(conversation):
    return f"/conversations/{conversation.id}/assistant/agreement"


def typed(text, owner="", due="", prefix="new-agreement"):
    return {"prefix": prefix, f"{prefix}-description": text, f"{prefix}-owner": owner,
            f"{prefix}-due_on": due}


def test_checklist_names_owner_and_writes_out_the_date(htmx, check_url):
    next_year = date.today().year + 1
    page = htmx.post(check_url, data=typed(f"Jan volgt vóór 15 januari {next_year} de "
                                           "cursus Excel")).get_data(as_text=True)
    assert "Jan Bakker" in page
    weekday = {0: "ma", 1: "di", 2: "wo", 3: "do", 4: "vr", 5: "za", 6: "zo"}[
        date(next_year, 1, 15).weekday()]
    assert f"{weekday} 15 jan {next_year}" in page
    assert 'data-owner="employee"' in page and f'data-due="{next_year}-01-15"' in page


def test_vague_agreement_is_flagged_with_the_words_marked(htmx, check_url):
    page = htmx.post(check_url, data=typed("we gaan binnenkort proberen beter te "
                                           "plannen")).get_data(as_text=True)
    assert "<mark>binnenkort</mark>" in page and "<mark>proberen</mark>" in page
    assert "‘binnenkort’ is geen datum." in page
    assert 'data-rule="vague_wording"' in page
    assert "Nog niet" in page


def test_checklist_in_english_for_a_dutch_text(english, check_url):
    page = english.post(check_url, data=typed("iemand regelt het binnenkort"),
                        headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "It does not say who does this." in page
    assert "‘binnenkort’ is not a date." in page


def test_fields_count_as_much_as_the_text(htmx, check_url):
    due = (date.today() + timedelta(days=10)).isoformat()
    page = htmx.post(check_url, data=typed("de cursus Excel afronden", owner="employee",
                                           due=due)).get_data(as_text=True)
    assert 'data-rule="missing_owner"' not in page and 'data-rule="missing_date"' \
        not in page
    assert "Fill in who and when" not in page and "overnemen" not in page


def test_empty_text_gets_a_hint(htmx, check_url):
    page = htmx.post(check_url, data=typed("  ")).get_data(as_text=True)
    assert "Typ de afspraak" in page


@pytest.mark.parametrize("prefix", ["", "<script>", "x" * 80])
def test_bad_prefix_is_refused(htmx, check_url, prefix):
    assert htmx.post(check_url, data={"prefix": prefix}).status_code == 400


def test_unknown_conversation_is_404(htmx):
    assert htmx.post("/conversations/9999/assistant/agreement",
                     data=typed("x")).status_code == 404


def test_saved_open_agreements_show_what_is_missing(client, conversation):
    conversation.agreements.append(Agreement(description="Beter communiceren"))
    db.session.commit()
    page = client.get(f"/conversations/{conversation.id}/agreements").get_data(
        as_text=True)
    assert 'data-rule="missing_owner"' in page and 'data-rule="vague_wording"' in page


def test_completing_with_vague_agreements_needs_a_confirmation(client, conversation):
    conversation.agreements.append(Agreement(description="Jan gaat misschien iets doen",
                                             owner=Owner.EMPLOYEE))
    db.session.commit()
    overview = client.get(f"/conversations/{conversation.id}/overview").get_data(
        as_text=True)
    assert "1 afspraak is nog niet concreet" in overview
    refused = client.post(f"/conversations/{conversation.id}/complete")
    assert refused.status_code == 422
    assert "vink het vakje aan" in refused.get_data(as_text=True)
    assert conversation.status is not Status.COMPLETED
    done = client.post(f"/conversations/{conversation.id}/complete",
                       data={"confirm_not_concrete": "yes"})
    assert done.status_code == 303
    assert conversation.status is Status.COMPLETED


def test_concrete_agreements_complete_without_a_question(client, conversation):
    conversation.agreements.append(Agreement(
        description="Jan volgt de cursus Excel", owner=Owner.EMPLOYEE,
        due_on=date.today() + timedelta(days=30)))
    db.session.commit()
    assert client.post(f"/conversations/{conversation.id}/complete").status_code == 303
    assert conversation.status is Status.COMPLETED


def test_followups_ride_along_with_every_autosave(htmx, conversation, phase_url):
    response = htmx.post(phase_url(conversation, "looking-back"),
                         data={"answer_feedback_to_employee": "Sterk met klanten"})
    body = response.get_data(as_text=True)
    assert 'id="save-status"' in body
    assert 'hx-swap-oob="true"' in body and 'data-rule="one_way_feedback"' in body
    assert "Wat zou je leidinggevende anders of meer kunnen doen?" in body


def test_followups_show_on_the_phase_page_in_english(english, conversation, phase_url):
    conversation.goals.append(Goal(description="Klanttevredenheid boven de 8",
                                   outcome=Outcome.NOT_MET))
    db.session.commit()
    page = english.get(phase_url(conversation, "looking-back")).get_data(as_text=True)
    assert "Worth asking" in page
    assert "What got in your way with ‘Klanttevredenheid boven de 8’" in page


def test_a_dismissed_followup_stays_away(client, htmx, conversation, phase_url):
    htmx.post(phase_url(conversation, "looking-back"),
              data={"answer_feedback_to_employee": "Sterk met klanten"})
    url = f"/conversations/{conversation.id}/looking-back/followups/dismiss"
    panel = htmx.post(url, data={"key": "one_way_feedback"}).get_data(as_text=True)
    assert panel.lstrip().startswith('<aside id="followups"')
    assert "one_way_feedback" not in panel
    assert client.post(url, data={"key": "short_answer:obstacles"}).status_code == 303
    page = client.get(phase_url(conversation, "looking-back")).get_data(as_text=True)
    assert 'data-rule="one_way_feedback"' not in page


def test_previous_open_agreements_are_brought_up(client, conversation, employee,
                                                 manager, phase_url):
    from voortgang.conversations.models import Conversation
    conversation.agreements.append(Agreement(description="Jan volgt de cursus",
                                             owner=Owner.EMPLOYEE))
    db.session.commit()
    client.post(f"/people/{employee.id}/conversations",
                data={"held_on": "2027-05-27", "manager": manager.id})
    newest = db.session.scalar(db.select(Conversation).order_by(Conversation.id.desc()))
    page = client.get(phase_url(newest, "looking-back")).get_data(as_text=True)
    assert "Hoe staat het met de afspraken van de vorige keer?" in page


def test_who_and_when_in_the_text_are_stored_when_the_fields_are_empty(htmx, client,
                                                                       conversation):
    htmx.post(f"/conversations/{conversation.id}/items/agreements", data={
        "new-agreement-description": "Jan belt binnen twee weken de klant terug",
        "new-agreement-owner": "", "new-agreement-due_on": "",
        "new-agreement-kind": "other"})
    agreement = db.session.scalar(db.select(Agreement))
    assert agreement.owner is Owner.EMPLOYEE
    assert agreement.due_on == date.today() + timedelta(days=14)
    assert client.post(f"/conversations/{conversation.id}/complete").status_code == 303


def test_saved_agreements_ask_again_when_the_next_evaluation_moves(htmx, conversation,
                                                                   phase_url):
    agreement = Agreement(conversation=conversation, description="Jan rondt de cursus af",
                          owner=Owner.EMPLOYEE, due_on=date(2027, 6, 30))
    db.session.add(agreement)
    db.session.commit()
    advice_url = f"/conversations/{conversation.id}/items/agreements/{agreement.id}/advice"
    page = htmx.get(phase_url(conversation, "agreements")).get_data(as_text=True)
    assert f'hx-get="{advice_url}"' in page and "next-review-changed from:body" in page
    assert 'data-rule="after_next_review"' not in page

    saved = htmx.post(phase_url(conversation, "agreements"),
                      data={"next_evaluation_on": "2027-05-20"})
    assert saved.headers["HX-Trigger"] == "next-review-changed"
    advice = htmx.get(advice_url).get_data(as_text=True)
    assert 'data-rule="after_next_review"' in advice
    assert f'id="agreement-advice-{agreement.id}"' in advice

    same = htmx.post(phase_url(conversation, "agreements"),
                     data={"next_evaluation_on": "2027-05-20"})
    answer = htmx.post(phase_url(conversation, "agreements"),
                       data={"answer_check_ins": "elke maand even bijpraten"})
    for unchanged in (same, answer):  # nothing to ask again
        assert "HX-Trigger" not in unchanged.headers

    agreement.status = AgreementStatus.DONE
    db.session.commit()
    page = htmx.get(phase_url(conversation, "agreements")).get_data(as_text=True)
    assert advice_url not in page  # a finished agreement has nothing to ask


def test_advice_is_only_for_an_agreement_of_this_conversation(htmx, conversation, employee,
                                                              manager):
    other = Conversation(employee=employee, manager=manager, held_on=date(2026, 11, 27))
    agreement = Agreement(conversation=other, description="Jan belt de klant")
    db.session.add_all([other, agreement])
    db.session.commit()
    base = f"/conversations/{conversation.id}/items"
    assert htmx.get(f"{base}/agreements/{agreement.id}/advice").status_code == 404
    assert htmx.get(f"{base}/goals/{agreement.id}/advice").status_code == 404


def test_a_previous_review_the_manager_may_not_open_adds_no_count(client, manager,
                                                                  employee, create_person,
                                                                  phase_url):
    from datetime import date as day

    from voortgang.conversations.models import Agreement, AgreementReview, Conversation
    from voortgang.extensions import db
    mark = create_person("Mark de Wit")
    earlier = Conversation(employee=employee, manager=mark, held_on=day(2026, 5, 1))
    earlier.agreements.append(Agreement(description="Jan leert plannen"))
    current = Conversation(employee=employee, manager=manager, held_on=day(2026, 11, 27),
                           previous=earlier)
    db.session.add_all([earlier, current,
                        AgreementReview(conversation=current,
                                        agreement=earlier.agreements[0])])
    db.session.commit()
    page = client.get(phase_url(current, "looking-back")).get_data(as_text=True)
    # Sanne manages Jan: she may see the earlier review
    assert "Eén afspraak uit het vorige gesprek" in page and "Jan leert plannen" in page
    employee.manager = create_person("Bram Peters")
    db.session.commit()
    assert client.get(f"/conversations/{earlier.id}/looking-back").status_code == 404
    page = client.get(phase_url(current, "looking-back")).get_data(as_text=True)
    # nothing counted from a review she cannot open
    assert "Eén afspraak uit het vorige gesprek" not in page
    assert "Jan leert plannen" not in page


def test_a_training_agreement_takes_the_training_tip_away(htmx, conversation, phase_url):
    """The tips follow every change that matters, not only an answer's autosave."""
    htmx.post(phase_url(conversation, "agreements"),
              data={"answer_needs_for_agreements": "Tijd en budget voor de opleiding"})
    htmx.post(phase_url(conversation, "looking-ahead"),
              data={"answer_learning": "Ik wil graag een cursus Excel volgen"})
    page = htmx.get(phase_url(conversation, "agreements")).get_data(as_text=True)
    assert 'data-rule="training_without_agreement"' in page
    added = htmx.post(f"/conversations/{conversation.id}/items/agreements", data={
        "new-agreement-description": "Jan volgt vóór 1 maart de cursus Excel",
        "new-agreement-owner": "employee", "new-agreement-due_on": "",
        "new-agreement-kind": "training"}).get_data(as_text=True)
    assert '<aside id="followups"' in added and 'hx-swap-oob="true"' in added
    assert 'data-rule="training_without_agreement"' not in added


def test_a_goal_not_met_brings_its_tip_as_soon_as_it_is_added(htmx, conversation):
    added = htmx.post(f"/conversations/{conversation.id}/items/goals", data={
        "new-goal-description": "Klanttevredenheid boven de 8",
        "new-goal-kind": "job", "new-goal-outcome": "not_met"}).get_data(as_text=True)
    assert 'data-rule="goal_not_met"' in added


def test_a_coach_question_is_noted_once_as_the_reviews_own_note(client, htmx, conversation,
                                                                phase_url):
    htmx.post(phase_url(conversation, "looking-back"),
              data={"answer_feedback_to_employee": "Sterk met klanten"})
    url = f"/conversations/{conversation.id}/looking-back/followups/note"
    panel = htmx.post(url, data={"key": "one_way_feedback"}).get_data(as_text=True)
    assert 'data-rule="one_way_feedback"' not in panel
    assert 'id="coach-notes-feedback_to_manager"' in panel and "Vraag van de coach" in panel
    htmx.post(url, data={"key": "one_way_feedback"})  # a second tab, a double click
    assert len(conversation.coach_notes) == 1
    assert conversation.answer_texts().get("feedback_to_manager") is None
    overview = client.get(phase_url(conversation, "overview")).get_data(as_text=True)
    assert overview.count("Wat zou je leidinggevende anders of meer kunnen doen?") == 1
    summary = client.get(f"/conversations/{conversation.id}/summary").get_data(as_text=True)
    assert "Vraag van de coach" in summary
    markdown = client.get(f"/conversations/{conversation.id}/summary.md").get_data(
        as_text=True)
    assert "Vraag van de coach:* Wat zou je leidinggevende" in markdown


def test_the_overview_judges_each_agreement_once(client, conversation, phase_url,
                                                 monkeypatch):
    """Views compute, templates show: one analysis per open agreement per page."""
    from voortgang.conversations import assistant
    conversation.agreements.extend([
        Agreement(description="Iemand regelt binnenkort de planning"),
        Agreement(description="Jan probeert beter te plannen", owner=Owner.EMPLOYEE)])
    db.session.commit()
    calls = []
    real = assistant.analyse_agreement
    monkeypatch.setattr(assistant, "analyse_agreement",
                        lambda *args, **kwargs: calls.append(args) or real(*args, **kwargs))
    page = client.get(phase_url(conversation, "overview")).get_data(as_text=True)
    assert "2 afspraken zijn nog niet concreet" in page
    assert len(calls) == 2


def test_a_start_date_reads_from_not_by(htmx, client, conversation, phase_url):
    """"vanaf 11 december elke twee weken" starts then: it is no deadline."""
    text = "Jan geeft vanaf 11 december elke twee weken een update aan het team"
    check = htmx.post(f"/conversations/{conversation.id}/assistant/agreement",
                      data=typed(text)).get_data(as_text=True)
    assert '<span class="check-label">Vanaf</span>' in check
    htmx.post(f"/conversations/{conversation.id}/items/agreements", data={
        "new-agreement-description": text, "new-agreement-owner": "",
        "new-agreement-due_on": "", "new-agreement-kind": "other"})
    agreement = db.session.scalar(db.select(Agreement))
    assert agreement.due_is_start and agreement.due_on.month == 12
    page = client.get(phase_url(conversation, "agreements")).get_data(as_text=True)
    assert "<dt>Vanaf</dt>" in page and "<dt>Uiterlijk</dt>" not in page


def test_a_date_chosen_by_hand_is_a_deadline(htmx, conversation):
    htmx.post(f"/conversations/{conversation.id}/items/agreements", data={
        "new-agreement-description": "Jan geeft vanaf 11 december een update",
        "new-agreement-owner": "employee", "new-agreement-due_on": "2027-01-31",
        "new-agreement-kind": "other"})
    assert db.session.scalar(db.select(Agreement)).due_is_start is False
