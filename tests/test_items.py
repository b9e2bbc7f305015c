"""Goals and agreements as lists: add, edit and remove, with htmx and without."""
from datetime import date

import pytest

from voortgang.conversations.models import (Agreement, AgreementKind, AgreementStatus,
                                            Goal, Outcome, Owner)
from voortgang.extensions import db


@pytest.fixture
def items_url(conversation):
    return lambda collection: f"/conversations/{conversation.id}/items/{collection}"


def _agreement(**fields):
    data = {"new-agreement-description": "Jan volgt de Excel-cursus",
            "new-agreement-owner": "employee", "new-agreement-due_on": "2027-03-01",
            "new-agreement-kind": "training"}
    data.update({f"new-agreement-{k}": v for k, v in fields.items()})
    return data


def test_add_agreement_with_htmx_returns_the_list(htmx, conversation, items_url):
    response = htmx.post(items_url("agreements"), data=_agreement())
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert page.lstrip().startswith('<section id="agreements"')
    assert "Jan volgt de Excel-cursus" in page
    assert "maandag 1 maart 2027" in page
    agreement = db.session.scalar(db.select(Agreement))
    assert (agreement.owner, agreement.due_on, agreement.kind, agreement.status) == (
        Owner.EMPLOYEE, date(2027, 3, 1), AgreementKind.TRAINING, AgreementStatus.OPEN)


def test_add_agreement_without_javascript_redirects_to_phase(client, conversation,
                                                             items_url):
    response = client.post(items_url("agreements"), data=_agreement())
    assert response.status_code == 303
    assert response.location.endswith(f"/conversations/{conversation.id}/agreements"
                                      "#agreements")


def test_agreement_owner_choices_name_the_people(client, conversation):
    page = client.get(f"/conversations/{conversation.id}/agreements").get_data(
        as_text=True)
    assert "Jan Bakker (medewerker)" in page and "Sanne de Vries (leidinggevende)" in page


def test_agreement_without_owner_or_date_is_kept_and_marked(htmx, conversation,
                                                            items_url):
    page = htmx.post(items_url("agreements"), data=_agreement(
        owner="", due_on="", description="Beter communiceren")).get_data(as_text=True)
    assert "Beter communiceren" in page
    assert "Nog niemand" in page and "Nog geen datum" in page


def test_empty_agreement_explains_and_keeps_other_fields(htmx, conversation, items_url):
    response = htmx.post(items_url("agreements"), data=_agreement(
        description="   ", due_on="2027-03-01"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Beschrijf de afspraak." in page
    assert 'value="2027-03-01"' in page
    assert db.session.scalar(db.select(db.func.count(Agreement.id))) == 0


@pytest.mark.parametrize("field, value, message", [
    ("due_on", "31-02-2027", "Vul een geldige datum in"),
    ("due_on", "0001-01-01", "Kies een datum tussen 1990 en 2100."),
    ("description", "x" * 1001, "Houd het onder de 1000 tekens."),
    ("owner", "the-boss", "Ongeldige keuze"),  # WTForms' own Dutch message
])
def test_bad_agreement_input_is_a_message_not_a_crash(htmx, conversation, items_url,
                                                      field, value, message):
    response = htmx.post(items_url("agreements"), data=_agreement(**{field: value}))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)


def test_edit_agreement_shows_form_then_saves(htmx, conversation, items_url):
    htmx.post(items_url("agreements"), data=_agreement())
    agreement = db.session.scalar(db.select(Agreement))
    edit_url = f"{items_url('agreements')}/{agreement.id}/edit"
    form = htmx.get(edit_url).get_data(as_text=True)
    assert f'name="agreement-{agreement.id}-description"' in form
    assert "Jan volgt de Excel-cursus" in form
    prefix = f"agreement-{agreement.id}-"
    htmx.post(edit_url, data={prefix + "description": "Jan rondt de Excel-cursus af",
                              prefix + "owner": "both", prefix + "due_on": "",
                              prefix + "kind": "training", prefix + "status": "done"})
    db.session.refresh(agreement)
    assert agreement.description == "Jan rondt de Excel-cursus af"
    assert agreement.owner is Owner.BOTH and agreement.due_on is None
    assert agreement.status is AgreementStatus.DONE


def test_edit_page_works_without_javascript(client, conversation, items_url):
    client.post(items_url("goals"), data={"new-goal-description": "Klanttevredenheid 8+",
                                          "new-goal-kind": "job", "new-goal-outcome": ""})
    goal = db.session.scalar(db.select(Goal))
    page = client.get(f"{items_url('goals')}/{goal.id}/edit").get_data(as_text=True)
    assert "<html" in page and f'name="goal-{goal.id}-outcome"' in page


def test_remove_goal(htmx, conversation, items_url):
    htmx.post(items_url("goals"), data={"new-goal-description": "Twee collega's inwerken",
                                        "new-goal-kind": "job",
                                        "new-goal-outcome": "partly"})
    goal = db.session.scalar(db.select(Goal))
    assert goal.outcome is Outcome.PARTLY
    page = htmx.post(f"{items_url('goals')}/{goal.id}/delete").get_data(as_text=True)
    assert "Twee collega's inwerken" not in page
    assert "Nog geen doelen" in page
    assert db.session.scalar(db.select(db.func.count(Goal.id))) == 0


def test_items_of_another_conversation_are_404(client, htmx, conversation, employee,
                                               manager, items_url):
    from voortgang.conversations.models import Conversation
    other = Conversation(employee=employee, manager=manager, held_on=date(2026, 1, 1))
    other.goals = [Goal(description="Niet van jou")]
    db.session.add(other)
    db.session.commit()
    goal_id = other.goals[0].id
    assert client.get(f"{items_url('goals')}/{goal_id}/edit").status_code == 404
    assert htmx.post(f"{items_url('goals')}/{goal_id}/delete").status_code == 404
    assert client.get(f"{items_url('secrets')}").status_code == 404
    assert db.session.get(Goal, goal_id) is not None
