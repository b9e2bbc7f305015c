"""Picking and adding the employee whose review it is."""
import pytest

from voortgang.extensions import db
from voortgang.people.models import Person


def test_index_lists_people(client, employee, manager):
    page = client.get("/").get_data(as_text=True)
    assert "Jan Bakker" in page and "Sanne de Vries" in page
    assert "Wiens voortgangsgesprek is het?" in page


def test_index_empty_state_says_what_to_do(client):
    page = client.get("/").get_data(as_text=True)
    assert "Hier staat nog niemand" in page


def test_index_in_english(english, employee):
    page = english.get("/").get_data(as_text=True)
    assert "Whose progress review is it?" in page
    assert '<html lang="en">' in page


@pytest.mark.parametrize("path", ["/", "/people/new", "/people/{employee}"])
def test_htmx_request_gets_only_the_content(htmx, employee, path):
    response = htmx.get(path.format(employee=employee.id))
    body = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<html" not in body and "<h1" in body
    assert "HX-Request" in response.headers["Vary"]


def test_add_person_with_manager(client, manager):
    response = client.post("/people/new", data={
        "name": "  Fatima El Amrani ", "job_title": "Adviseur", "manager": manager.id})
    assert response.status_code == 303
    person = db.session.scalar(db.select(Person).filter_by(name="Fatima El Amrani"))
    assert person.manager == manager
    page = client.get(response.location).get_data(as_text=True)
    assert "Fatima El Amrani" in page and "leidinggevende: Sanne de Vries" in page


def test_add_person_without_name_keeps_input_and_explains(client):
    response = client.post("/people/new", data={"name": "", "job_title": "Planner",
                                                 "manager": 0})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul de naam in." in page
    assert 'value="Planner"' in page


def test_add_person_with_too_long_name(client):
    response = client.post("/people/new", data={"name": "x" * 500, "manager": 0})
    assert response.status_code == 422
    assert "Houd het onder de 120 tekens." in response.get_data(as_text=True)


def test_person_page_lists_reviews_and_offers_to_start(client, conversation, employee):
    page = client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert "27 november 2026" in page and "Nog niet begonnen" in page
    assert "Begin het gesprek" in page
    assert '<option selected value="%d">Sanne de Vries</option>' % employee.manager_id \
        in page


def test_person_without_anyone_to_review_with_is_told_what_to_do(client, create_person):
    loner = create_person("Eerste Medewerker")
    page = client.get(f"/people/{loner.id}").get_data(as_text=True)
    assert "Voeg eerst de leidinggevende toe." in page


def test_unknown_manager_is_refused_not_a_crash(client):
    response = client.post("/people/new", data={"name": "Piet", "manager": 9999})
    assert response.status_code == 422


@pytest.mark.parametrize("path", ["/people/9999", "/people/abc"])
def test_unknown_person_is_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.get_data(as_text=True)
