"""Follow-up between reviews: the page of open agreements, done and moved (recorded,
also after sign-off), and interim check-ins."""
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from voortgang.audit.models import Action, AuditEvent
from voortgang.conversations.models import Agreement, AgreementStatus, Conversation, Owner
from voortgang.extensions import db
from voortgang.followup.models import CheckIn

TODAY = date.today()


def _review(employee, manager, *agreements, held_on=None):
    review = Conversation(employee=employee, manager=manager,
                          held_on=held_on or TODAY - timedelta(days=60))
    for description, due_on in agreements:
        review.agreements.append(Agreement(description=description, owner=Owner.EMPLOYEE,
                                           due_on=due_on))
    db.session.add(review)
    db.session.commit()
    return review


def _shown(page):
    """The ids of the agreements listed, in order."""
    return [int(n) for n in re.findall(r'id="agreement-(\d+)"', page)]


@pytest.fixture
def team(create_person, manager, employee):
    """Sanne's team (Jan, Fatima) and Bram's (Noor), each with open agreements."""
    fatima = create_person("Fatima El Amrani", manager=manager)
    bram = create_person("Bram Peters")
    noor = create_person("Noor Hendriks", manager=bram)
    jans = _review(employee, manager, ("Jan volgt de cursus", TODAY - timedelta(days=10)),
                   ("Jan loopt mee", TODAY + timedelta(days=9)),
                   ("Jan leest het boek", TODAY + timedelta(days=40)))
    fatimas = _review(fatima, manager, ("Fatima coacht een collega", None))
    noors = _review(noor, bram, ("Noor plant het rooster", TODAY - timedelta(days=3)))
    return {"jan": employee, "fatima": fatima, "noor": noor, "bram": bram,
            "jans": jans, "fatimas": fatimas, "noors": noors}


def test_a_manager_sees_their_people_and_their_open_agreements_only(client, team):
    page = client.get("/follow-up").get_data(as_text=True)
    jans = [a.id for a in team["jans"].agreements]
    assert set(_shown(page)) == set(jans) | {team["fatimas"].agreements[0].id}
    assert "Fatima El Amrani" in page and "Jan Bakker" in page
    assert "Noor" not in page and "rooster" not in page


def test_an_employee_sees_only_their_own(app, login, team):
    jan = login(app.test_client(), team["jan"])
    page = jan.get("/follow-up").get_data(as_text=True)
    assert set(_shown(page)) == {a.id for a in team["jans"].agreements}
    assert "Fatima" not in page


def test_hr_is_told_agreements_are_review_content(admin_client, team):
    page = admin_client.get("/follow-up").get_data(as_text=True)
    assert _shown(page) == [] and "cursus" not in page and "Jan" not in page


def test_done_and_done_ones_leave_the_list(client, team):
    done = team["jans"].agreements[2]
    done.status = AgreementStatus.DONE
    db.session.commit()
    assert done.id not in _shown(client.get("/follow-up").get_data(as_text=True))


def test_overdue_and_due_soon_are_marked_and_counted(client, team):
    page = client.get("/follow-up").get_data(as_text=True)
    overdue, soon, later = team["jans"].agreements
    classes = {int(i): c for c, i in re.findall(
        r'<li class="follow-item([^"]*)" id="agreement-(\d+)"', page)}
    assert classes[overdue.id].strip() == "is-overdue"
    assert classes[soon.id].strip() == "is-soon"
    assert classes[later.id].strip() == ""
    counts = [int(n) for n in re.findall(r'<span class="count">(\d+)</span>', page)]
    assert counts[:3] == [4, 1, 1]  # open, overdue, due within two weeks


def test_filter_sort_and_person(client, team):
    overdue, soon, later = team["jans"].agreements
    fatimas = team["fatimas"].agreements[0]
    assert _shown(client.get("/follow-up?show=overdue").get_data(as_text=True)) == [
        overdue.id]
    assert _shown(client.get("/follow-up?show=soon").get_data(as_text=True)) == [soon.id]
    # By due date: soonest first, no date last; by person: Fatima before Jan.
    assert _shown(client.get("/follow-up").get_data(as_text=True)) == [
        overdue.id, soon.id, later.id, fatimas.id]
    assert _shown(client.get("/follow-up?sort=person").get_data(as_text=True)) == [
        fatimas.id, overdue.id, soon.id, later.id]
    fatima = team["fatima"].id
    assert _shown(client.get(f"/follow-up?person={fatima}").get_data(as_text=True)) == [
        fatimas.id]


@pytest.mark.parametrize("query", [
    "sort=nonsense", "show=everything", "page=-1", "page=abc", "page=99999999999999",
    "page=0", "person=abc", "person=999999", "person={noor}", "sort=&show=&page=",
    "page=1.5", "person=%00", "page=%EF%BC%91"])
def test_bad_query_values_fall_back(client, team, query):
    response = client.get("/follow-up?" + query.format(noor=team["noor"].id))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert len(_shown(page)) == 4 and "rooster" not in page


def test_pages_of_twenty(client, team, manager):
    _review(team["fatima"], manager,
            *[(f"Afspraak {n}", TODAY + timedelta(days=100 + n)) for n in range(30)])
    first = client.get("/follow-up").get_data(as_text=True)
    second = client.get("/follow-up?page=2").get_data(as_text=True)
    beyond = client.get("/follow-up?page=7").get_data(as_text=True)
    assert len(_shown(first)) == 20 and len(_shown(second)) == 14
    assert not set(_shown(first)) & set(_shown(second))
    assert _shown(beyond) == _shown(second)  # past the end: the last page
    assert 'href="/follow-up?page=2"' in first


def test_follow_up_is_in_the_header_for_people_not_for_hr(client, admin_client, team):
    assert 'href="/follow-up"' in client.get("/").get_data(as_text=True)
    assert 'href="/follow-up"' not in admin_client.get("/").get_data(as_text=True)


# --- done and moved -----------------------------------------------------------------

def _long(day):
    """A date as the English interface writes it in full."""
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _events(action):
    return db.session.scalars(db.select(AuditEvent).where(AuditEvent.action == action)
                              ).all()


def test_mark_done_with_a_date_is_recorded(client, team):
    agreement = team["jans"].agreements[0]
    day = TODAY - timedelta(days=2)
    response = client.post(f"/follow-up/agreements/{agreement.id}/done", data={
        f"done-{agreement.id}-done_on": day.isoformat(), "next": "/follow-up?show=overdue"})
    assert response.status_code == 303 and response.location.endswith(
        "/follow-up?show=overdue")
    assert agreement.status is AgreementStatus.DONE and agreement.done_on == day
    [event] = _events(Action.AGREEMENT_DONE)
    assert event.item == day.isoformat() and event.conversation_id == team["jans"].id
    assert not _events(Action.AGREEMENT_CHANGED)  # one line that says what happened
    client.post("/language", data={"lang": "en", "next": "/"})
    history = client.get(f"/conversations/{team['jans'].id}/history").get_data(as_text=True)
    assert "Agreement marked done" in history and "Sanne de Vries" in history
    assert f"done on {_long(day)}" in history


def test_done_today_by_default(client, team):
    page = client.get("/follow-up").get_data(as_text=True)
    agreement = team["jans"].agreements[0]
    assert re.search(rf'id="done-{agreement.id}-done_on"[^>]*value="{TODAY.isoformat()}"',
                     page) or re.search(
        rf'value="{TODAY.isoformat()}"[^>]*id="done-{agreement.id}-done_on"', page)


def test_move_is_recorded_from_and_to(client, team, english):
    agreement = team["jans"].agreements[1]
    old, new = agreement.due_on, TODAY + timedelta(days=30)
    before = agreement.updated_at
    response = client.post(f"/follow-up/agreements/{agreement.id}/move", data={
        f"move-{agreement.id}-due_on": new.isoformat(), "next": "/follow-up"})
    assert response.status_code == 303
    assert agreement.due_on == new and agreement.updated_at != before
    [event] = _events(Action.AGREEMENT_MOVED)
    assert event.item == f"{old.isoformat()} {new.isoformat()}"
    history = client.get(f"/conversations/{team['jans'].id}/history").get_data(as_text=True)
    assert "Due date of an agreement moved" in history
    assert f"from {_long(old)} to {_long(new)}" in history
    assert "Sanne de Vries" in history


@pytest.mark.parametrize("value", ["", "2027-02-30", "morgen", "1800-01-01", "15-01-2027"])
def test_a_bad_new_date_is_refused_and_changes_nothing(client, team, value):
    agreement = team["jans"].agreements[1]
    due = agreement.due_on
    response = client.post(f"/follow-up/agreements/{agreement.id}/move",
                           data={f"move-{agreement.id}-due_on": value})
    assert response.status_code == 422
    assert 'class="error"' in response.get_data(as_text=True)
    assert agreement.due_on == due and not _events(Action.AGREEMENT_MOVED)


@pytest.mark.parametrize("value", ["", "nope", (TODAY + timedelta(days=1)).isoformat()])
def test_a_bad_done_date_is_refused(client, team, value):
    agreement = team["jans"].agreements[1]
    response = client.post(f"/follow-up/agreements/{agreement.id}/done",
                           data={f"done-{agreement.id}-done_on": value})
    assert response.status_code == 422
    assert agreement.status is AgreementStatus.OPEN and agreement.done_on is None


def test_a_closed_agreement_is_not_done_again(client, team):
    agreement = team["jans"].agreements[1]
    agreement.status = AgreementStatus.DROPPED
    db.session.commit()
    response = client.post(f"/follow-up/agreements/{agreement.id}/done",
                           data={f"done-{agreement.id}-done_on": TODAY.isoformat()})
    assert response.status_code == 422 and agreement.status is AgreementStatus.DROPPED


def test_done_and_moved_work_after_sign_off(app, login, client, team):
    review = team["jans"]
    now = datetime.now(timezone.utc)
    review.manager_signed_at = review.employee_signed_at = now
    db.session.commit()
    assert review.signed_off
    first, second, _ = review.agreements
    jan = login(app.test_client(), team["jan"])
    assert jan.post(f"/follow-up/agreements/{first.id}/done", data={
        f"done-{first.id}-done_on": TODAY.isoformat()}).status_code == 303
    assert client.post(f"/follow-up/agreements/{second.id}/move", data={
        f"move-{second.id}-due_on": "2027-06-01"}).status_code == 303
    assert first.status is AgreementStatus.DONE and second.due_on == date(2027, 6, 1)


def test_other_teams_agreements_cannot_be_touched(client, team):
    agreement = team["noors"].agreements[0]
    due = agreement.due_on
    assert client.post(f"/follow-up/agreements/{agreement.id}/move", data={
        f"move-{agreement.id}-due_on": "2027-06-01"}).status_code == 404
    assert client.post(f"/follow-up/agreements/{agreement.id}/done", data={
        f"done-{agreement.id}-done_on": TODAY.isoformat()}).status_code == 404
    assert agreement.due_on == due and agreement.status is AgreementStatus.OPEN


# --- interim check-ins --------------------------------------------------------------

def test_plan_hold_and_see_a_check_in(app, login, client, team):
    jan = team["jan"]
    day = TODAY + timedelta(days=5)
    response = client.post(f"/people/{jan.id}/check-ins", data={"planned_on": day.isoformat()})
    assert response.status_code == 303
    check_in = db.session.scalar(db.select(CheckIn))
    assert check_in.planned_on == day and check_in.review_id == team["jans"].id
    assert check_in.held_at is None
    person_page = client.get(f"/people/{jan.id}").get_data(as_text=True)
    assert f'href="/check-ins/{check_in.id}"' in person_page
    assert f'href="/check-ins/{check_in.id}"' in client.get("/follow-up").get_data(
        as_text=True)
    page = client.get(f"/check-ins/{check_in.id}").get_data(as_text=True)
    assert set(_shown(page)) == {a.id for a in team["jans"].agreements}
    assert f'action="/follow-up/agreements/{team["jans"].agreements[0].id}/done"' in page

    response = client.post(f"/check-ins/{check_in.id}", data={
        "note": "De cursus is geboekt", "next_step": "Jan meldt zich aan", "held": "yes"})
    assert response.status_code == 303
    assert check_in.note == "De cursus is geboekt" and check_in.held_at is not None

    reader = login(app.test_client(), jan)
    page = reader.get(f"/check-ins/{check_in.id}").get_data(as_text=True)
    assert "De cursus is geboekt" in page and "Jan meldt zich aan" in page
    assert f'action="/check-ins/{check_in.id}"' not in page  # reads, does not write
    assert reader.post(f"/check-ins/{check_in.id}", data={"note": "x"}).status_code == 403
    assert f'href="/check-ins/{check_in.id}"' in reader.get(f"/people/{jan.id}").get_data(
        as_text=True)


def test_a_check_in_needs_a_valid_date(client, team):
    for value in ("", "2027-13-01", "gisteren"):
        response = client.post(f"/people/{team['jan'].id}/check-ins",
                               data={"planned_on": value})
        assert response.status_code == 422
        assert 'class="error"' in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(CheckIn.id))) == 0


def test_a_planned_check_in_can_be_deleted_a_held_one_not(client, team, manager):
    planned = CheckIn(employee_id=team["jan"].id, manager_id=manager.id,
                      planned_on=TODAY + timedelta(days=3))
    held = CheckIn(employee_id=team["jan"].id, manager_id=manager.id,
                   planned_on=TODAY - timedelta(days=3), held_at=datetime.now(timezone.utc),
                   note="Gedaan")
    db.session.add_all([planned, held])
    db.session.commit()
    held_id, planned_id = held.id, planned.id
    assert client.post(f"/check-ins/{planned_id}/delete").status_code == 303
    assert client.post(f"/check-ins/{held_id}/delete").status_code == 422
    db.session.expire_all()
    assert db.session.get(CheckIn, planned_id) is None
    assert db.session.get(CheckIn, held_id) is not None


def test_check_ins_are_hidden_from_hr_and_others(app, login, admin_client, team, manager):
    check_in = CheckIn(employee_id=team["jan"].id, manager_id=manager.id,
                       planned_on=TODAY + timedelta(days=3), note="Vertrouwelijk")
    db.session.add(check_in)
    db.session.commit()
    bram = login(app.test_client(), team["bram"])
    fatima = login(app.test_client(), team["fatima"])
    for other in (admin_client, bram, fatima):
        assert other.get(f"/check-ins/{check_in.id}").status_code == 404
        assert other.post(f"/check-ins/{check_in.id}/delete").status_code == 404
    person = admin_client.get(f"/people/{team['jan'].id}").get_data(as_text=True)
    assert f"/check-ins/{check_in.id}" not in person
    assert admin_client.post(f"/people/{team['jan'].id}/check-ins",
                             data={"planned_on": "2027-01-10"}).status_code == 403


def test_in_dutch(client, team):
    page = client.get("/follow-up").get_data(as_text=True)
    assert "Opvolging" in page and "Te laat" in page


def test_a_start_date_in_the_past_is_not_overdue(client, team):
    """"vanaf 1 december elke week": the date is when it began, not a deadline."""
    overdue = team["jans"].agreements[0]
    overdue.due_is_start = True
    db.session.commit()
    page = client.get("/follow-up").get_data(as_text=True)
    classes = {int(i): c for c, i in re.findall(
        r'<li class="follow-item([^"]*)" id="agreement-(\d+)"', page)}
    assert classes[overdue.id].strip() == ""
    assert "Vanaf " in page
    counts = [int(n) for n in re.findall(r'<span class="count">(\d+)</span>', page)]
    assert counts[:2] == [4, 0]  # open, overdue
    assert overdue.id not in _shown(client.get("/follow-up?show=overdue").get_data(
        as_text=True))
