"""The history of changes: who changed what in a review, and when, never the words."""
from datetime import date, timedelta

import pytest

from voortgang.audit.models import Action, AuditEvent
from voortgang.conversations.models import Agreement, Goal
from voortgang.extensions import db

SECRET = "Mijn burn-out speelde op in maart"


def _history(client, conversation):
    response = client.get(f"/conversations/{conversation.id}/history")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _rows(page):
    return page.split("<tbody>")[1].split("</tbody>")[0].count("<tr>")


def test_a_saved_answer_shows_who_and_which_question_but_not_what(
        client, htmx, conversation, phase_url):
    htmx.post(phase_url(conversation, "looking-back"), data={"answer_obstacles": SECRET})
    page = _history(client, conversation)
    assert "Geschiedenis van wijzigingen" in page
    assert "Antwoord gewijzigd" in page and "Sanne de Vries" in page
    assert "Wat zat je in de weg, en hoe ben je daarmee omgegaan?" in page
    assert SECRET not in page and "burn-out" not in page
    assert "Gesprek begonnen" in page and "Het systeem" in page  # made by the fixture


def test_typing_for_a_while_is_one_line_and_a_later_stretch_another(
        client, htmx, conversation, phase_url):
    url = phase_url(conversation, "looking-back")
    for text in ("Veel", "Veel werk", "Veel werk in maart"):  # autosaves while typing
        htmx.post(url, data={"answer_obstacles": text})
    htmx.post(url, data={"answer_enjoyment": "Leuk"})  # another question: its own line
    answers = db.select(AuditEvent).where(
        AuditEvent.action == Action.ANSWER_CHANGED).order_by(AuditEvent.id)
    assert [e.item for e in db.session.scalars(answers)] == ["obstacles", "enjoyment"]
    first = db.session.scalars(answers).first()
    first.at -= timedelta(minutes=11)  # the stretch of typing ended long ago
    db.session.commit()
    htmx.post(url, data={"answer_obstacles": "Veel werk in maart en april"})
    assert [e.item for e in db.session.scalars(answers)] == [
        "obstacles", "enjoyment", "obstacles"]
    assert _rows(_history(client, conversation)) == 4  # with the start of the review


def test_goals_agreements_date_completion_and_reaction_each_leave_a_line(
        app, login, client, htmx, conversation, employee, phase_url):
    items = f"/conversations/{conversation.id}/items"
    htmx.post(f"{items}/goals", data={"new-goal-description": "Klanten tevreden",
                                      "new-goal-kind": "job"})
    goal = db.session.scalar(db.select(Goal))
    htmx.post(f"{items}/goals/{goal.id}/edit", data={
        f"goal-{goal.id}-description": "Klanten tevreden", f"goal-{goal.id}-kind": "job",
        f"goal-{goal.id}-outcome": "met"})
    htmx.post(f"{items}/goals/{goal.id}/delete")
    htmx.post(f"{items}/agreements", data={
        "new-agreement-description": "Jan volgt de cursus", "new-agreement-owner":
        "employee", "new-agreement-due_on": "2027-03-01", "new-agreement-kind": "training"})
    agreement = db.session.scalar(db.select(Agreement))
    htmx.post(f"{items}/agreements/{agreement.id}/edit", data={
        f"agreement-{agreement.id}-description": "Jan volgt de cursus",
        f"agreement-{agreement.id}-owner": "employee",
        f"agreement-{agreement.id}-due_on": "2027-03-01",
        f"agreement-{agreement.id}-kind": "training",
        f"agreement-{agreement.id}-status": "done"})
    htmx.post(phase_url(conversation, "agreements"),
              data={"next_evaluation_on": "2027-05-01"})
    client.post(f"/conversations/{conversation.id}/complete",
                data={"confirm_not_concrete": "yes"})
    jan = login(app.test_client(), employee)
    jan.post(f"/conversations/{conversation.id}/reaction", data={"reaction": SECRET})

    page = _history(jan, conversation)
    for line in ("Doel toegevoegd", "Doel gewijzigd", "resultaat", "Doel verwijderd",
                 "Afspraak toegevoegd", "Afspraak gewijzigd", "status",
                 "Datum van de volgende evaluatie gewijzigd", "Gesprek afgerond",
                 "Reactie van de medewerker geschreven", "Jan Bakker"):
        assert line in page, line
    for text in ("Klanten tevreden", "Jan volgt de cursus", SECRET):
        assert text not in page
    assert page.index("Reactie van de medewerker") < page.index("Doel toegevoegd")


def test_saving_without_a_change_adds_nothing(htmx, conversation, phase_url):
    url = phase_url(conversation, "looking-ahead")
    htmx.post(url, data={"answer_ambitions": "Teamcoach"})
    htmx.post(url, data={"answer_ambitions": "Teamcoach", "answer_growth": ""})
    assert db.session.scalar(db.select(db.func.count(AuditEvent.id)).where(
        AuditEvent.action == Action.ANSWER_CHANGED)) == 1


def test_the_name_stays_when_the_account_is_gone(client, htmx, conversation, phase_url,
                                                 manager):
    htmx.post(phase_url(conversation, "looking-back"), data={"answer_obstacles": "x"})
    db.session.delete(manager.account)
    db.session.commit()
    event = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == Action.ANSWER_CHANGED))
    assert event.account_id is None and event.who == "Sanne de Vries"


def test_hr_reads_the_history_from_the_person_page_but_not_the_review(
        admin_client, client, htmx, conversation, employee, phase_url):
    htmx.post(phase_url(conversation, "looking-back"), data={"answer_obstacles": SECRET})
    person = admin_client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert f'href="/conversations/{conversation.id}/history"' in person
    page = _history(admin_client, conversation)
    assert "Antwoord gewijzigd" in page and SECRET not in page
    assert "Terug naar Jan Bakker" in page and "Terug naar het gesprek" not in page
    assert admin_client.get(phase_url(conversation, "looking-back")).status_code == 404


def test_the_overview_links_to_the_history(client, conversation, phase_url):
    page = client.get(phase_url(conversation, "overview")).get_data(as_text=True)
    assert f'href="/conversations/{conversation.id}/history"' in page
    assert "Geschiedenis van wijzigingen" in page


def test_a_review_from_before_the_trail_says_nothing_was_recorded(client, conversation):
    db.session.execute(db.delete(AuditEvent))
    db.session.commit()
    page = _history(client, conversation)
    assert "Voor dit gesprek zijn nog geen wijzigingen vastgelegd." in page
    assert "<table" not in page


def test_the_history_in_english(english, htmx, conversation, phase_url):
    htmx.post(phase_url(conversation, "looking-ahead"), data={"answer_ambitions": "x"})
    page = _history(english, conversation)
    assert "History of changes" in page and "Answer changed" in page
    assert "What do you want to achieve in the coming period?" in page


@pytest.mark.parametrize("path", ["/conversations/{id}/history"])
def test_the_history_as_an_htmx_fragment(client, conversation, path):
    response = client.get(path.format(id=conversation.id), headers={"HX-Request": "true"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body and "<h1>" in body


def test_a_deleted_review_takes_its_history_with_it(client, conversation):
    conversation.goals.append(Goal(description="Doel"))
    conversation.next_evaluation_on = date(2027, 1, 1)
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count(AuditEvent.id))) == 3
    db.session.delete(conversation)
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count(AuditEvent.id))) == 0
