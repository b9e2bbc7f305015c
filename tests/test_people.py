"""Picking and adding the employee whose review it is."""
from datetime import date

import pytest

from voortgang.conversations.models import Answer

from voortgang.extensions import db
from voortgang.people.models import Person


def test_index_lists_the_managers_team_and_herself(client, employee, manager,
                                                   create_person):
    create_person("Noor Hendriks", manager=create_person("Bram Peters"))
    page = client.get("/").get_data(as_text=True)
    assert "Jan Bakker" in page and "Sanne de Vries" in page
    assert "Je team" in page and "Wiens voortgangsgesprek is het?" in page
    assert "Noor Hendriks" not in page and "Bram Peters" not in page


def test_hr_sees_that_reviews_happen_without_their_content(admin_client, conversation):
    conversation.next_evaluation_on = date(2027, 5, 3)
    conversation.answers.append(Answer(question_key="enjoyment", text="Slaap slecht"))
    db.session.commit()
    page = admin_client.get("/").get_data(as_text=True)
    assert "Jan Bakker" in page and "Sanne de Vries" in page
    assert "27 nov 2026" in page and "Nog niet begonnen" in page and "3 mei 2027" in page
    assert "Slaap slecht" not in page
    assert page.count("Nog geen") >= 2  # Sanne and Eva have had no review


def test_hr_sees_everyone_and_is_told_what_to_do_when_alone(admin_client, hr):
    page = admin_client.get("/").get_data(as_text=True)
    assert "Eva Mulder" in page and "Persoon toevoegen" in page
    assert "Alleen jij staat er nog" in page


def test_index_in_english(english, employee):
    page = english.get("/").get_data(as_text=True)
    assert "Whose progress review is it?" in page
    assert '<html lang="en">' in page


@pytest.mark.parametrize("path", ["/", "/people/new", "/people/{employee}"])
def test_htmx_request_gets_only_the_content(admin_client, employee, path):
    response = admin_client.get(path.format(employee=employee.id),
                                headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body and "<h1" in body
    assert "HX-Request" in response.headers["Vary"]


def test_add_person_with_manager(admin_client, manager):
    client = admin_client
    response = client.post("/people/new", data={
        "name": "  Fatima El Amrani ", "job_title": "Adviseur", "manager": manager.id})
    assert response.status_code == 303
    person = db.session.scalar(db.select(Person).filter_by(name="Fatima El Amrani"))
    assert person.manager == manager
    page = client.get(response.location).get_data(as_text=True)
    assert "Fatima El Amrani" in page and "leidinggevende: Sanne de Vries" in page


def test_add_person_without_name_keeps_input_and_explains(admin_client):
    response = admin_client.post("/people/new", data={"name": "", "job_title": "Planner",
                                                 "manager": 0})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul de naam in." in page
    assert 'value="Planner"' in page


def test_add_person_with_too_long_name(admin_client):
    response = admin_client.post("/people/new", data={"name": "x" * 500, "manager": 0})
    assert response.status_code == 422
    assert "Houd het onder de 120 tekens." in response.get_data(as_text=True)


def test_person_page_lists_reviews_and_offers_to_start(client, conversation, employee):
    page = client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert "27 november 2026" in page and "Nog niet begonnen" in page
    assert "Gesprek plannen" in page
    assert '<option selected value="%d">Sanne de Vries</option>' % employee.manager_id \
        in page


def test_hr_moves_a_person_to_another_team(admin_client, client, employee,
                                          create_person):
    bram = create_person("Bram Peters")
    response = admin_client.post(f"/people/{employee.id}/edit", data={
        "name": "Jan Bakker", "job_title": "Planner", "manager": bram.id})
    assert response.status_code == 303 and employee.manager == bram
    assert client.get(f"/people/{employee.id}").status_code == 404  # not Sanne's any more


def test_unknown_manager_is_refused_not_a_crash(admin_client):
    response = admin_client.post("/people/new", data={"name": "Piet", "manager": 9999})
    assert response.status_code == 422


@pytest.mark.parametrize("path", ["/people/9999", "/people/abc"])
def test_unknown_person_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.get_data(as_text=True)
