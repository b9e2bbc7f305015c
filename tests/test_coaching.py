"""The assistant in the conversation: the live check, saved agreements, completing."""
from datetime import date, timedelta

import pytest

from voortgang.conversations.models import Agreement, Owner, Status
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
