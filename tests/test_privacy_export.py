"""HR answers a request for access: everything stored about one person, to read and
to download, and the export is recorded."""
import json
from datetime import date

import pytest

from voortgang.audit.models import Action, AuditEvent
from voortgang.conversations.models import (Agreement, AgreementKind, Answer,
                                            Conversation, Goal, Outcome, Owner, Status)
from voortgang.extensions import db


@pytest.fixture
def jans_review(conversation):
    """Jan's review, with something said, set and agreed, and his own reaction."""
    conversation.answers.append(Answer(question_key="obstacles",
                                       text="De planning liep vast in maart"))
    conversation.goals.append(Goal(description="Klanttevredenheid boven de 8",
                                   outcome=Outcome.PARTLY))
    conversation.agreements.append(Agreement(
        description="Jan volgt de Excel-cursus", owner=Owner.EMPLOYEE,
        due_on=date(2027, 3, 1), kind=AgreementKind.TRAINING))
    conversation.next_evaluation_on = date(2027, 5, 1)
    conversation.employee_reaction = "Een eerlijk gesprek, één ding mis ik nog."
    db.session.commit()
    return conversation


@pytest.fixture
def sannes_own_review(create_person, manager):
    """Sanne is reviewed too, by her own manager."""
    ruud = create_person("Ruud Kok")
    manager.manager = ruud
    review = Conversation(employee=manager, manager=ruud, held_on=date(2026, 6, 1),
                          status=Status.COMPLETED)
    review.answers.append(Answer(question_key="ambitions", text="Afdelingshoofd worden"))
    db.session.add(review)
    db.session.commit()
    return review


def test_the_page_shows_everything_about_the_employee(admin_client, login, app,
                                                      employee, jans_review):
    login(app.test_client(), employee)  # gives Jan an account
    page = admin_client.get(f"/people/{employee.id}/export").get_data(as_text=True)
    assert "Alle gegevens van Jan Bakker" in page
    for shown in ("Planner", "Sanne de Vries", "jan.", "@example.org", "Medewerker",
                  "Wat zat je in de weg, en hoe ben je daarmee omgegaan?",
                  "De planning liep vast in maart", "Klanttevredenheid boven de 8",
                  "Deels behaald", "Jan volgt de Excel-cursus", "1 maart 2027",
                  "Training", "Open", "1 mei 2027",
                  "Een eerlijk gesprek, één ding mis ik nog."):
        assert shown in page, shown
    assert "Downloaden als JSON" in page


def test_the_json_file_is_a_utf8_download_without_secrets(admin_client, login, app,
                                                          employee, jans_review):
    login(app.test_client(), employee)
    response = admin_client.get(f"/people/{employee.id}/export.json")
    assert response.content_type == "application/json; charset=utf-8"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and f"person-{employee.id}-" in disposition
    body = response.get_data()
    assert "één".encode() in body and b'\n  "person": {' in body  # UTF-8, indented
    for secret in (b"password", b"session_token", b"reset_token", b"scrypt"):
        assert secret not in body
    data = json.loads(body)
    assert data["person"] == {"id": employee.id, "name": "Jan Bakker",
                              "job_title": "Planner", "manager": "Sanne de Vries",
                              "created_at": data["person"]["created_at"]}
    assert data["person"]["created_at"].endswith("+00:00")  # UTC, on any database
    assert data["account"]["email"].endswith("@example.org")
    assert data["account"]["role"] == "employee"
    review, = data["reviews"]
    assert review["held_on"] == "2026-11-27" and review["manager"] == "Sanne de Vries"
    assert review["answers"] == [{"question_key": "obstacles", "question":
                                  "Wat zat je in de weg, en hoe ben je daarmee omgegaan?",
                                  "answer": "De planning liep vast in maart"}]
    assert review["goals"] == [{"description": "Klanttevredenheid boven de 8",
                                "kind": "job", "outcome": "partly"}]
    assert review["agreements"] == [{"description": "Jan volgt de Excel-cursus",
                                     "owner": "employee", "owner_name": None,
                                     "due_on": "2027-03-01", "kind": "training",
                                     "status": "open"}]
    assert review["next_evaluation_on"] == "2027-05-01"
    assert review["reaction"] == "Een eerlijk gesprek, één ding mis ik nog."
    assert response.headers["Cache-Control"] == "no-store"


def test_the_questions_come_in_the_interface_language(admin_client, employee,
                                                      jans_review):
    admin_client.post("/language", data={"lang": "en", "next": "/"})
    data = admin_client.get(f"/people/{employee.id}/export.json").get_json()
    assert data["language"] == "en"
    assert data["reviews"][0]["answers"][0]["question"] == \
        "What got in the way, and how did you deal with it?"


def test_a_manager_export_has_only_the_dates_of_the_reviews_they_held(
        admin_client, client, htmx, manager, jans_review, sannes_own_review, phase_url):
    htmx.post(phase_url(jans_review, "looking-ahead"),
              data={"answer_ambitions": "Teamcoach worden"})  # Sanne acts in Jan's review
    response = admin_client.get(f"/people/{manager.id}/export.json")
    data = response.get_json()
    assert [r["id"] for r in data["reviews"]] == [sannes_own_review.id]
    assert data["reviews"][0]["answers"][0]["answer"] == "Afdelingshoofd worden"
    assert data["reviews_held_as_manager"] == [
        {"id": jans_review.id, "held_on": "2026-11-27", "status": "in_progress"}]
    assert [(c["action"], c["review_id"], c["item"]) for c in data["changes_made"]] == [
        ("answer_changed", jans_review.id, "ambitions")]
    body = response.get_data(as_text=True)
    for jans in ("Teamcoach", "De planning liep vast", "Excel-cursus", "eerlijk gesprek"):
        assert jans not in body
    page = admin_client.get(f"/people/{manager.id}/export").get_data(as_text=True)
    assert "Afdelingshoofd worden" in page and "Teamcoach" not in page
    assert f"gesprek {jans_review.id}" in page and "Antwoord gewijzigd" in page


def test_empty_parts_say_so(admin_client, create_person):
    alone = create_person("Lotte Visser")
    page = admin_client.get(f"/people/{alone.id}/export").get_data(as_text=True)
    for empty in ("Geen account.", "Nog geen gesprekken.", "Geen.", "Niets vastgelegd."):
        assert empty in page, empty


def test_each_export_is_recorded_and_shown_to_hr(admin_client, employee):
    admin_client.get(f"/people/{employee.id}/export")
    admin_client.get(f"/people/{employee.id}/export.json")
    events = db.session.scalars(db.select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.action, e.person_id, e.item, e.who) for e in events] == [
        (Action.DATA_EXPORTED, employee.id, "page", "Eva Mulder"),
        (Action.DATA_EXPORTED, employee.id, "json", "Eva Mulder")]
    page = admin_client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert "Tot nu toe afgehandeld" in page and "Alle gegevens geëxporteerd" in page
    assert "als JSON-bestand" in page and "als pagina" in page


def test_the_person_page_says_when_nothing_was_handled_yet(admin_client, employee):
    page = admin_client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert "Nog geen gegevens geëxporteerd of verwijderd." in page
    assert f'href="/people/{employee.id}/export"' in page


def test_the_export_page_in_english(admin_client, employee, jans_review):
    admin_client.post("/language", data={"lang": "en", "next": "/"})
    page = admin_client.get(f"/people/{employee.id}/export").get_data(as_text=True)
    assert "All data of Jan Bakker" in page and "Reviews held as manager" in page
    assert "Partly met" in page and "Download as JSON" in page


def test_the_export_has_their_own_preparation_and_notes_only(admin_client, employee,
                                                             manager, jans_review):
    """A request for access covers what Jan wrote for himself; Sanne's preparation and
    notes in the same review are hers, not part of his export."""
    from voortgang.preparation.models import PreparedAnswer, PrivateNote
    db.session.add_all([
        PreparedAnswer(conversation=jans_review, author=employee, question_key="ambitions",
                       text="JAN-voorbereiding teamcoach"),
        PrivateNote(conversation=jans_review, author=employee, text="JAN-notitie salaris"),
        PreparedAnswer(conversation=jans_review, author=manager, question_key="growth",
                       text="SANNE-voorbereiding"),
        PrivateNote(conversation=jans_review, author=manager, text="SANNE-notitie")])
    db.session.commit()
    page = admin_client.get(f"/people/{employee.id}/export").get_data(as_text=True)
    body = admin_client.get(f"/people/{employee.id}/export.json").get_data(as_text=True)
    for text in (page, body):
        assert "JAN-voorbereiding teamcoach" in text and "JAN-notitie salaris" in text
        assert "SANNE" not in text
    rows = json.loads(body)["own_preparation_and_notes"]
    assert [(r["kind"], r["question_key"]) for r in rows] == [
        ("preparation", "ambitions"), ("private_note", None)]
    sanne = admin_client.get(f"/people/{manager.id}/export.json").get_data(as_text=True)
    assert "SANNE-voorbereiding" in sanne and "SANNE-notitie" in sanne and "JAN-" not in sanne
