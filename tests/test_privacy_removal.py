"""HR deletes or anonymises a person on request, after a page that says exactly what
will happen and a typed confirmation."""
from datetime import date

import pytest

from voortgang.accounts.models import Account
from voortgang.audit.models import Action, Actor, AuditEvent
from voortgang.conversations.models import (Agreement, Answer, Conversation, Goal,
                                            Owner)
from voortgang.extensions import db
from voortgang.people.models import Person
from voortgang.privacy.erasure import name_pattern

JANS_TEXTS = {
    "obstacles": "Jan had het druk; Jannie Janssen en Jan-Willem hielpen hem.",
    "ambitions": "Jan wants to lead the new project.",
}


@pytest.fixture
def jans_review(app, login, conversation, employee, create_person, manager):
    """Jan's review names him in every kind of text; he wrote his reaction himself.
    Jannie Janssen is in the team too."""
    create_person("Jannie Janssen", manager=manager)
    for key, text in JANS_TEXTS.items():
        conversation.answers.append(Answer(question_key=key, text=text))
    conversation.goals.append(Goal(description="Jan brengt de klanttevredenheid omhoog"))
    conversation.agreements.extend([
        Agreement(description="Jan volgt vóór 15 Jan de cursus", owner=Owner.EMPLOYEE),
        Agreement(description="Sanne regelt het budget", owner=Owner.MANAGER),
        Agreement(description="Coach zoeken", owner=Owner.OTHER, owner_name="Jan Bakker"),
    ])
    db.session.commit()
    jan = login(app.test_client(), employee)
    jan.post(f"/conversations/{conversation.id}/reaction",
             data={"reaction": "Ik, jan bakker, vond het een goed gesprek."})
    return conversation


@pytest.fixture
def noors_review(create_person):
    """Another team's review that happens to mention a Jan."""
    bram = create_person("Bram Peters")
    noor = create_person("Noor Hendriks", manager=bram)
    review = Conversation(employee=noor, manager=bram, held_on=date(2026, 10, 1))
    review.answers.append(Answer(question_key="obstacles", text="Jan uit het magazijn"))
    db.session.add(review)
    db.session.commit()
    return review


def _texts(review):
    db.session.refresh(review)
    return {
        "answers": review.answer_texts(),
        "goals": [g.description for g in review.goals],
        "agreements": [(a.description, a.owner_name) for a in review.agreements],
        "reaction": review.employee_reaction,
    }


def _count(model):
    return db.session.scalar(db.select(db.func.count()).select_from(model))


# --- anonymise --------------------------------------------------------------------------

def test_the_page_says_what_anonymising_will_do(admin_client, employee, jans_review):
    page = admin_client.get(f"/people/{employee.id}/anonymise").get_data(as_text=True)
    assert "Jan Bakker anonimiseren" in page
    assert f"De naam wordt „Geanonimiseerde persoon {employee.id}”" in page
    assert f"Het account {employee.account.email} wordt verwijderd" in page
    assert "1 gesprek blijft bewaard" in page
    assert "„Jan Bakker” en „Jan” overal vervangen" in page
    assert 'name="confirm_name"' in page and "Typ ter bevestiging de naam" in page
    assert db.session.get(Person, employee.id).anonymised_at is None  # only asked so far


def test_anonymising_keeps_the_reviews_without_the_name(admin_client, employee,
                                                        jans_review, noors_review):
    label = f"Geanonimiseerde persoon {employee.id}"
    noors_before = _texts(noors_review)
    response = admin_client.post(f"/people/{employee.id}/anonymise",
                                 data={"confirm_name": " jan  bakker "})
    assert response.status_code == 303
    assert response.location.endswith(f"/people/{employee.id}")
    assert _texts(jans_review) == {
        "answers": {
            "obstacles": f"{label} had het druk; Jannie Janssen en Jan-Willem hielpen hem.",
            "ambitions": f"Anonymised person {employee.id} wants to lead the new project."},
        "goals": [f"{label} brengt de klanttevredenheid omhoog"],
        "agreements": [(f"{label} volgt vóór 15 Jan de cursus", None),
                       ("Sanne regelt het budget", None),
                       ("Coach zoeken", label)],
        "reaction": f"Ik, {label}, vond het een goed gesprek.",
    }
    assert _texts(noors_review) == noors_before  # other people's reviews: untouched
    jan = db.session.get(Person, employee.id)
    assert jan.stored_name == label and jan.job_title is None and jan.manager_id is None
    assert jan.anonymised_at is not None and jan.account is None
    assert _count(Conversation) == 2


def test_what_remains_says_so(admin_client, client, employee, manager, jans_review,
                              phase_url):
    admin_client.post(f"/people/{employee.id}/anonymise",
                      data={"confirm_name": "Jan Bakker"})
    label = f"Geanonimiseerde persoon {employee.id}"
    person = admin_client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert f"<h1 hx-disable>{label}</h1>" in person and "geanonimiseerd: naam, functie" in person
    assert "Jan Bakker" not in person and "Planner" not in person
    assert "Persoon geanonimiseerd" in person  # in what HR handled
    assert "Account maken" not in person and "Anonimiseren…" not in person
    assert label in admin_client.get("/").get_data(as_text=True)
    # Sanne held the review: she still reads it, and it says whose name went.
    review = client.get(phase_url(jans_review, "overview")).get_data(as_text=True)
    assert f"Voortgangsgesprek van {label}" in review and "Jan Bakker" not in review
    assert "geanonimiseerd" in review
    history = client.get(f"/conversations/{jans_review.id}/history").get_data(as_text=True)
    assert "Jan Bakker" not in history and "Geanonimiseerde persoon" in history
    assert "Namen vervangen door een label (anonimisering)" in history
    client.post("/language", data={"lang": "en", "next": "/"})
    english = client.get(phase_url(jans_review, "overview")).get_data(as_text=True)
    assert f"Progress review of Anonymised person {employee.id}" in english


def test_the_trail_forgets_the_name_of_who_did_it(admin_client, employee, jans_review):
    admin_client.post(f"/people/{employee.id}/anonymise",
                      data={"confirm_name": "Jan Bakker"})
    reaction = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == Action.REACTION_WRITTEN))
    assert (reaction.actor, reaction.actor_name, reaction.account_id) == (
        Actor.ERASED, None, None)
    # The lines of the anonymisation name HR, who did it.
    done = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == Action.PERSON_ANONYMISED))
    assert done.who == "Eva Mulder" and done.person_id == employee.id


# --- delete -----------------------------------------------------------------------------

def test_the_page_says_what_deleting_will_do(admin_client, employee, jans_review):
    page = admin_client.get(f"/people/{employee.id}/delete").get_data(as_text=True)
    assert "Gegevens van Jan Bakker verwijderen" in page
    assert "1 gesprek van Jan Bakker als medewerker wordt verwijderd" in page
    assert "Jan Bakker verdwijnt uit de lijst met personen." in page
    assert "niet helemaal verdwijnen" not in page


def test_a_wrong_name_deletes_nothing(admin_client, employee, jans_review):
    response = admin_client.post(f"/people/{employee.id}/delete",
                                 data={"confirm_name": "Jan"})
    assert response.status_code == 422
    assert "Dat is niet de naam." in response.get_data(as_text=True)
    assert db.session.get(Person, employee.id) is not None and _count(Conversation) == 1


def test_deleting_an_employee_removes_account_reviews_and_their_history(
        admin_client, employee, jans_review, noors_review):
    noors_before = _texts(noors_review)
    jan_id, review_id = employee.id, jans_review.id
    response = admin_client.post(f"/people/{jan_id}/delete",
                                 data={"confirm_name": "Jan Bakker"})
    assert response.status_code == 303 and response.location.endswith("/")
    assert db.session.get(Person, jan_id) is None
    assert db.session.scalar(db.select(Account).where(
        Account.email.startswith("jan."))) is None
    assert db.session.get(Conversation, review_id) is None
    remaining = [(a.conversation_id) for a in db.session.scalars(db.select(Answer))]
    assert remaining == [noors_review.id]
    assert _count(Goal) == 0 and _count(Agreement) == 0
    assert db.session.scalar(db.select(db.func.count(AuditEvent.id)).where(
        AuditEvent.conversation_id == review_id)) == 0
    assert _texts(noors_review) == noors_before
    deleted = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == Action.PERSON_DELETED))
    assert deleted.who == "Eva Mulder" and deleted.person_id is None
    page = admin_client.get("/").get_data(as_text=True)
    assert "De gegevens zijn verwijderd, met 1 gesprek." in page and "Jan Bakker" not in page


def test_deleting_a_manager_anonymises_them_instead(
        admin_client, create_person, manager, employee, jans_review):
    ruud = create_person("Ruud Kok")
    manager.manager = ruud
    own = Conversation(employee=manager, manager=ruud, held_on=date(2026, 6, 1))
    db.session.add(own)
    db.session.commit()
    own_id = own.id
    page = admin_client.get(f"/people/{manager.id}/delete").get_data(as_text=True)
    assert "Sanne de Vries voerde 1 gesprek als leidinggevende" in page
    assert "2 personen hebben Sanne de Vries als leidinggevende." in page
    assert "Daarom kan Sanne de Vries niet helemaal verdwijnen" in page
    response = admin_client.post(f"/people/{manager.id}/delete",
                                 data={"confirm_name": "Sanne de Vries"})
    assert response.location.endswith(f"/people/{manager.id}")
    label = f"Geanonimiseerde persoon {manager.id}"
    sanne = db.session.get(Person, manager.id)
    assert sanne.stored_name == label and sanne.anonymised_at and sanne.account is None
    assert db.session.get(Conversation, own_id) is None  # her own review went
    assert f"{label} regelt het budget" in _texts(jans_review)["agreements"][1]
    jan = admin_client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert f"leidinggevende: {label}" in jan


# --- what HR may not do -----------------------------------------------------------------

def test_hr_cannot_remove_itself(admin_client, hr):
    page = admin_client.get(f"/people/{hr.id}/delete").get_data(as_text=True)
    assert "Je eigen gegevens kun je hier niet verwijderen" in page
    assert 'name="confirm_name"' not in page
    response = admin_client.post(f"/people/{hr.id}/delete",
                                 data={"confirm_name": "Eva Mulder"})
    assert response.status_code == 422 and db.session.get(Person, hr.id) is not None


def test_an_anonymised_person_stays_as_they_are(admin_client, employee):
    admin_client.post(f"/people/{employee.id}/anonymise",
                      data={"confirm_name": "Jan Bakker"})
    again = admin_client.get(f"/people/{employee.id}/anonymise").get_data(as_text=True)
    assert "Deze persoon is al geanonimiseerd." in again
    assert admin_client.get(f"/people/{employee.id}/edit").status_code == 404
    assert admin_client.get(f"/people/{employee.id}/account").status_code == 404


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_removal_needs_the_csrf_token(admin_client, employee):
    response = admin_client.post(f"/people/{employee.id}/delete",
                                 data={"confirm_name": "Jan Bakker"})
    assert response.status_code == 400
    assert db.session.get(Person, employee.id) is not None


# --- finding the name -------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("Jan belt morgen", "X belt morgen"),
    ("jan bakker belt", "X belt"),
    ("Jan\nBakker belt", "X belt"),
    ("Met Jan's hulp", "Met X's hulp"),
    ("Jannie, Janssen en Jan-Willem", "Jannie, Janssen en Jan-Willem"),
    ("Klaar vóór 15 Jan 2027", "Klaar vóór 15 Jan 2027"),
    ("de jan-cursus, JAN", "de jan-cursus, JAN"),
])
def test_only_the_whole_name_or_first_name_is_replaced(text, expected):
    assert name_pattern("Jan Bakker").sub("X", text) == expected
