"""Preparing a review, each side for themselves; bringing answers in; private notes;
the planned reviews on the start page."""
from datetime import date, timedelta

import pytest

from voortgang.conversations.models import Answer, Conversation, Status
from voortgang.extensions import db
from voortgang.preparation.models import PreparedAnswer, PrivateNote

MANAGER_PREP = "Sanne-geheim: Jan mag meer verantwoordelijkheid"
EMPLOYEE_PREP = "Jan-geheim: ik wil teamcoach worden"
MANAGER_NOTE = "Sanne-notitie: vraag naar de avonddiensten"
EMPLOYEE_NOTE = "Jan-notitie: over salaris beginnen"


@pytest.fixture
def planned(employee, manager):
    review = Conversation(employee=employee, manager=manager,
                          held_on=date.today() + timedelta(days=7))
    db.session.add(review)
    db.session.commit()
    return review


@pytest.fixture
def people(app, login, employee, manager, create_person, hr):
    """A logged-in client for each role around Jan's review."""
    bram = create_person("Bram Peters")
    noor = create_person("Noor Hendriks", manager=bram)
    return {"manager": login(app.test_client(), manager),
            "employee": login(app.test_client(), employee),
            "other_manager": login(app.test_client(), bram),
            "other_employee": login(app.test_client(), noor),
            "admin": login(app.test_client(), hr, admin=True)}


def _prepare(client, review, key, text):
    return client.post(f"/conversations/{review.id}/prepare", data={f"answer_{key}": text},
                       headers={"HX-Request": "true"})


def _everything_visible(client, review):
    """Every page of the review the client can open, and the start page."""
    urls = ["/", f"/conversations/{review.id}/prepare",
            f"/people/{review.employee_id}", f"/conversations/{review.id}/history"]
    urls += [f"/conversations/{review.id}/{slug}"
             for slug in ("looking-back", "looking-ahead", "agreements", "overview")]
    pages = {}
    for url in urls:
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url, headers=headers)
            pages[url] = response.get_data(as_text=True)
    return pages


def test_each_side_prepares_and_never_sees_the_other(people, planned):
    assert _prepare(people["manager"], planned, "growth", MANAGER_PREP).status_code == 200
    assert _prepare(people["employee"], planned, "ambitions",
                    EMPLOYEE_PREP).status_code == 200
    people["manager"].post(f"/conversations/{planned.id}/private-note",
                           data={"note": MANAGER_NOTE, "back": "looking-back"})
    people["employee"].post(f"/conversations/{planned.id}/private-note",
                            data={"note": EMPLOYEE_NOTE, "back": "looking-back"})
    assert {(a.author.name, a.text) for a in db.session.scalars(
        db.select(PreparedAnswer))} == {("Sanne de Vries", MANAGER_PREP),
                                        ("Jan Bakker", EMPLOYEE_PREP)}
    assert db.session.scalar(db.select(db.func.count(PrivateNote.id))) == 2

    manager_pages = _everything_visible(people["manager"], planned)
    employee_pages = _everything_visible(people["employee"], planned)
    assert MANAGER_PREP in manager_pages[f"/conversations/{planned.id}/prepare"]
    assert MANAGER_PREP in manager_pages[f"/conversations/{planned.id}/looking-ahead"]
    assert MANAGER_NOTE in manager_pages[f"/conversations/{planned.id}/looking-back"]
    assert EMPLOYEE_PREP in employee_pages[f"/conversations/{planned.id}/prepare"]
    assert EMPLOYEE_PREP in employee_pages[f"/conversations/{planned.id}/looking-ahead"]
    assert EMPLOYEE_NOTE in employee_pages[f"/conversations/{planned.id}/overview"]
    for url, page in manager_pages.items():
        assert EMPLOYEE_PREP not in page and EMPLOYEE_NOTE not in page, url
    for url, page in employee_pages.items():
        assert MANAGER_PREP not in page and MANAGER_NOTE not in page, url


@pytest.mark.parametrize("role", ["other_manager", "other_employee", "admin"])
def test_outsiders_and_hr_see_nothing_of_a_preparation(people, planned, role):
    _prepare(people["manager"], planned, "growth", MANAGER_PREP)
    client = people[role]
    assert client.get(f"/conversations/{planned.id}/prepare").status_code == 404
    assert _prepare(client, planned, "growth", "overschreven").status_code == 404
    assert client.post(f"/conversations/{planned.id}/prepare/share",
                       data={"question": "growth", "back": "looking-ahead"}
                       ).status_code == 404
    assert client.post(f"/conversations/{planned.id}/private-note",
                       data={"note": "x"}).status_code == 404
    for page in _everything_visible(client, planned).values():
        assert MANAGER_PREP not in page
    assert db.session.scalar(db.select(PreparedAnswer.text)) == MANAGER_PREP


def test_bringing_an_answer_in_appends_it_and_marks_it_shared(people, planned):
    planned.answers.append(Answer(question_key="growth", text="Wat er al stond."))
    db.session.commit()
    _prepare(people["manager"], planned, "growth", MANAGER_PREP)
    response = people["manager"].post(
        f"/conversations/{planned.id}/prepare/share",
        data={"question": "growth", "back": "looking-ahead"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    answer = db.session.scalar(db.select(Answer).filter_by(question_key="growth"))
    assert answer.text == "Wat er al stond.\n\n" + MANAGER_PREP
    assert db.session.scalar(db.select(PreparedAnswer)).shared_at is not None
    assert "Je voorbereiding voor deze vraag staat in het gesprek." in page
    # Once shared it is the conversation's: the employee reads it there.
    employee_page = people["employee"].get(f"/conversations/{planned.id}/looking-ahead")
    assert MANAGER_PREP in employee_page.get_data(as_text=True)
    # A second press (a stale page) does not add it twice.
    people["manager"].post(f"/conversations/{planned.id}/prepare/share",
                           data={"question": "growth", "back": "looking-ahead"})
    assert answer.text.count(MANAGER_PREP) == 1


def test_the_employee_brings_their_own_answer_in_from_the_prepare_page(people, planned):
    """Without JavaScript: the button sends the form, so what was typed is kept too."""
    response = people["employee"].post(f"/conversations/{planned.id}/prepare/share", data={
        "answer_ambitions": EMPLOYEE_PREP, "answer_growth": "nog niet gedeeld",
        "question": "ambitions", "back": "prepare"})
    assert response.status_code == 303
    assert response.location.endswith(f"/conversations/{planned.id}/prepare#prepared-ambitions")
    shared = {a.question_key: a.text for a in db.session.scalars(db.select(Answer))}
    assert shared == {"ambitions": EMPLOYEE_PREP}
    mine = {a.question_key: a for a in db.session.scalars(db.select(PreparedAnswer))}
    assert mine["ambitions"].shared_at is not None and mine["growth"].shared_at is None
    # The employee may still not change the shared answers themselves.
    assert people["employee"].post(f"/conversations/{planned.id}/looking-ahead", data={
        "answer_ambitions": "anders"}).status_code == 403
    manager_page = people["manager"].get(f"/conversations/{planned.id}/looking-ahead")
    assert EMPLOYEE_PREP in manager_page.get_data(as_text=True)
    assert "nog niet gedeeld" not in manager_page.get_data(as_text=True)


def test_nothing_to_bring_in_is_refused_and_changes_nothing(people, planned):
    response = people["manager"].post(f"/conversations/{planned.id}/prepare/share",
                                      data={"question": "growth", "back": "looking-ahead"})
    assert response.status_code == 422
    assert "Er is voor deze vraag niets voorbereid" in response.get_data(as_text=True)
    response = people["manager"].post(f"/conversations/{planned.id}/prepare/share",
                                      data={"question": "nope", "back": "looking-ahead"})
    assert response.status_code == 422
    assert db.session.scalar(db.select(db.func.count(Answer.id))) == 0


def test_a_too_long_preparation_is_refused_with_a_reason(people, planned):
    response = _prepare(people["employee"], planned, "growth", "x" * 10_001)
    assert response.status_code == 422
    assert "Niet bewaard:" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(PreparedAnswer.id))) == 0


def test_the_plain_form_saves_without_javascript(people, planned):
    response = people["employee"].post(f"/conversations/{planned.id}/prepare",
                                       data={"answer_enjoyment": "Veel plezier"})
    assert response.status_code == 303
    page = people["employee"].get(response.location).get_data(as_text=True)
    assert "Je voorbereiding is opgeslagen." in page
    assert "Veel plezier" in page


def test_private_notes_are_folded_away_and_never_in_the_overview_text(people, planned):
    people["manager"].post(f"/conversations/{planned.id}/private-note",
                           data={"note": MANAGER_NOTE, "back": "overview"})
    page = people["manager"].get(f"/conversations/{planned.id}/overview"
                                 ).get_data(as_text=True)
    assert '<details class="private-notes" id="private-notes">' in page
    overview = page.split('id="private-notes"')[0]
    assert MANAGER_NOTE not in overview


def test_a_signed_off_review_keeps_its_preparation_unchanged(people, planned):
    from datetime import datetime, timezone
    _prepare(people["employee"], planned, "growth", EMPLOYEE_PREP)
    planned.manager_signed_at = planned.employee_signed_at = datetime.now(timezone.utc)
    planned.status = Status.COMPLETED
    db.session.commit()
    assert _prepare(people["employee"], planned, "growth", "later").status_code == 403
    page = people["employee"].get(f"/conversations/{planned.id}/prepare")
    assert page.status_code == 200 and EMPLOYEE_PREP in page.get_data(as_text=True)


def test_start_page_shows_planned_reviews_and_who_prepared(people, planned, english):
    _prepare(people["manager"], planned, "growth", MANAGER_PREP)
    manager_home = english.get("/").get_data(as_text=True)
    assert "Planned reviews" in manager_home
    row = manager_home.split("Planned reviews")[1]
    assert "review of Jan Bakker" in row
    assert "You: <span class=\"badge prepared-yes\">prepared</span>" in row
    assert "Jan Bakker: <span class=\"badge\">not yet</span>" in row
    assert f"/conversations/{planned.id}/prepare" in row
    employee_home = people["employee"].get("/").get_data(as_text=True)
    assert "Geplande gesprekken" in employee_home
    assert "Jij: <span class=\"badge\">nog niet</span>" in employee_home
    assert "Sanne de Vries: <span class=\"badge prepared-yes\">voorbereid</span>" \
        in employee_home
    assert MANAGER_PREP not in employee_home
    other = people["other_manager"].get("/").get_data(as_text=True)
    assert "Jan Bakker" not in other


def test_a_started_or_past_review_is_not_planned(people, planned, conversation):
    planned.status = Status.IN_PROGRESS
    db.session.commit()  # `conversation` is a draft in the past
    page = people["employee"].get("/").get_data(as_text=True)
    assert "Er is nog geen gesprek voor je gepland." in page


def test_planning_ahead_leads_to_the_preparation(people, employee, manager):
    held = date.today() + timedelta(days=10)
    response = people["manager"].post(f"/people/{employee.id}/conversations", data={
        "held_on": held.isoformat(), "manager": manager.id})
    review = db.session.scalar(db.select(Conversation))
    assert response.status_code == 303
    assert response.location.endswith(f"/conversations/{review.id}/prepare")
    page = people["manager"].get(response.location).get_data(as_text=True)
    assert "is gepland op" in page and "Mijn voorbereiding" in page
    assert review.status is Status.DRAFT


def test_the_demo_has_a_planned_review_that_sanne_began_to_prepare(app):
    from test_demo_privacy import _crawl, _logged_in

    from voortgang.demo import load_demo
    load_demo()
    sanne = _logged_in(app, "sanne@voortgang.demo")
    home = sanne.get("/").get_data(as_text=True)
    assert "gesprek van Jan Bakker" in home
    assert 'Jij: <span class="badge prepared-yes">voorbereid</span>' in home
    secret = "storing in de wachtrij"
    jan_pages = _crawl(_logged_in(app, "jan@voortgang.demo"))
    assert "Sanne de Vries: <span class=\"badge prepared-yes\">voorbereid</span>" \
        in jan_pages["/"][1]
    assert any(url.endswith("/prepare") for url in jan_pages)
    for url, (status, body) in jan_pages.items():
        assert status < 500 and secret not in body, url
    assert any(secret in body for _, body in _crawl(sanne).values())
