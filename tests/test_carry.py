"""Carry-over: the next review starts with last period's goals and open agreements,
rates them, carries what is open into the new period, and an unstarted draft can go."""
from datetime import date, timedelta

import pytest

from voortgang.audit.models import Action, AuditEvent
from voortgang.conversations.models import (Agreement, AgreementKind, AgreementReview,
                                            AgreementStatus, Answer, Conversation, Goal,
                                            GoalKind, GoalPeriod, Outcome, Owner, Status,
                                            Verdict)
from voortgang.extensions import db


@pytest.fixture
def last_time(employee, manager):
    """Jan's completed review: two goals for the coming period, two open agreements
    (one overdue by now, one still ahead) and one done."""
    review = Conversation(employee=employee, manager=manager, held_on=date(2026, 5, 1),
                          status=Status.COMPLETED)
    review.goals = [
        Goal(description="Oud doel, terugblik", outcome=Outcome.NOT_MET),
        Goal(description="Klanttevredenheid boven de 8", period=GoalPeriod.COMING),
        Goal(description="Cursus Excel afronden", period=GoalPeriod.COMING,
             kind=GoalKind.PERSONAL),
    ]
    review.agreements = [
        Agreement(description="Jan volgt de cursus plannen", owner=Owner.EMPLOYEE,
                  due_on=date(2026, 6, 1), kind=AgreementKind.TRAINING),
        Agreement(description="Sanne regelt een mentor", owner=Owner.MANAGER,
                  due_on=date.today() + timedelta(days=30)),
        Agreement(description="Al gedaan", status=AgreementStatus.DONE),
    ]
    db.session.add(review)
    db.session.commit()
    return review


def _start(client, employee, manager, held_on="2026-11-27"):
    response = client.post(f"/people/{employee.id}/conversations",
                           data={"held_on": held_on, "manager": manager.id})
    assert response.status_code == 303
    return db.session.scalar(db.select(Conversation).order_by(Conversation.id.desc()))


def _reviews(conversation):
    return db.session.scalars(db.select(AgreementReview).where(
        AgreementReview.conversation_id == conversation.id)
        .order_by(AgreementReview.id)).all()


def test_a_new_review_opens_with_last_periods_goals_and_open_agreements(
        client, employee, manager, last_time, phase_url):
    new = _start(client, employee, manager)
    assert new.previous == last_time
    carried = [(g.description, g.period, g.kind, g.carried_from_id) for g in new.goals]
    assert carried == [
        ("Klanttevredenheid boven de 8", GoalPeriod.PAST, GoalKind.JOB,
         last_time.goals[1].id),
        ("Cursus Excel afronden", GoalPeriod.PAST, GoalKind.PERSONAL,
         last_time.goals[2].id)]
    assert [r.agreement.description for r in _reviews(new)] == [
        "Jan volgt de cursus plannen", "Sanne regelt een mentor"]
    page = client.get(phase_url(new, "looking-back")).get_data(as_text=True)
    assert "Uit het vorige gesprek" in page
    assert "Doel uit het gesprek van 1 mei 2026" in page
    assert "Afspraak uit het gesprek van 1 mei 2026" in page
    assert "Klanttevredenheid boven de 8" in page and "Jan volgt de cursus plannen" in page
    assert "1 juni 2026" in page  # the agreement's due date, and Jan as its owner
    assert "Al gedaan" not in page
    # The audit trail has one line for the start, none per carried goal.
    actions = db.session.scalars(db.select(AuditEvent.action).where(
        AuditEvent.conversation_id == new.id)).all()
    assert actions == [Action.REVIEW_STARTED]


def test_without_coming_goals_the_goals_not_met_come_back(client, employee, manager,
                                                         last_time):
    last_time.goals = [Goal(description="Gehaald", outcome=Outcome.MET),
                       Goal(description="Half gehaald", outcome=Outcome.PARTLY)]
    db.session.commit()
    new = _start(client, employee, manager)
    assert [g.description for g in new.goals] == ["Half gehaald"]


def test_an_unfinished_draft_does_not_hide_the_open_agreements(client, employee, manager,
                                                               last_time, phase_url):
    draft = Conversation(employee=employee, manager=manager, held_on=date(2026, 10, 1))
    draft.answers.append(Answer(question_key="obstacles", text="Half ingevuld"))
    db.session.add(draft)
    db.session.commit()
    new = _start(client, employee, manager)
    assert new.previous == last_time
    assert len(_reviews(new)) == 2
    page = client.get(phase_url(new, "looking-back")).get_data(as_text=True)
    assert "Hoe staat het met de afspraken van de vorige keer?" in page


def test_a_result_and_a_comment_are_saved(client, htmx, employee, manager, last_time,
                                          phase_url):
    new = _start(client, employee, manager)
    goal, review = new.goals[0], _reviews(new)[0]
    part = htmx.post(f"/conversations/{new.id}/carried/goals/{goal.id}", data={
        f"carried-goal-{goal.id}-outcome": "partly",
        f"carried-goal-{goal.id}-comment": "Een 7,8: bijna"})
    text = part.get_data(as_text=True)
    assert part.status_code == 200 and text.lstrip().startswith(
        f'<li class="item carried-item" id="carried-goal-{goal.id}"')
    assert "Bewaard." in text and 'hx-swap-oob="true"' in text
    response = client.post(f"/conversations/{new.id}/carried/agreements/{review.id}", data={
        f"previous-agreement-{review.id}-verdict": "not_done",
        f"previous-agreement-{review.id}-comment": "Geen tijd gehad"})
    assert response.status_code == 303
    assert response.location.endswith(f"/looking-back#previous-agreement-{review.id}")
    db.session.refresh(goal)
    db.session.refresh(review)
    assert (goal.outcome, goal.comment) == (Outcome.PARTLY, "Een 7,8: bijna")
    assert (review.verdict, review.comment) == (Verdict.NOT_DONE, "Geen tijd gehad")
    page = client.get(phase_url(new, "looking-back")).get_data(as_text=True)
    assert "Geen tijd gehad" in page and "Een 7,8: bijna" in page
    overview = client.get(phase_url(new, "overview")).get_data(as_text=True)
    assert "Jan volgt de cursus plannen —" in overview and "Niet gedaan" in overview
    assert "Geen tijd gehad" in overview and "Een 7,8: bijna" in overview


def test_a_wrong_result_is_refused_and_changes_nothing(client, htmx, employee, manager,
                                                      last_time):
    new = _start(client, employee, manager)
    goal = new.goals[0]
    response = client.post(f"/conversations/{new.id}/carried/goals/{goal.id}", data={
        f"carried-goal-{goal.id}-outcome": "brilliant",
        f"carried-goal-{goal.id}-comment": "x" * 10_001})
    assert response.status_code == 422
    assert "Houd het onder de 10000 tekens." in response.get_data(as_text=True)
    db.session.refresh(goal)
    assert goal.outcome is None and goal.comment is None
    other = Goal(conversation=last_time, description="Ander gesprek")
    db.session.add(other)
    db.session.commit()
    assert htmx.post(f"/conversations/{new.id}/carried/goals/{other.id}").status_code == 404


def test_tips_link_to_what_is_not_reviewed_yet(client, htmx, employee, manager, last_time,
                                               phase_url, english):
    new = _start(client, employee, manager)
    review = _reviews(new)[0]
    page = client.get(phase_url(new, "looking-back")).get_data(as_text=True)
    assert "2 agreements from the previous review have no verdict yet" in page
    assert "2 goals from the previous review have no result yet" in page
    for goal in new.goals:
        assert f'href="#carried-goal-{goal.id}"' in page
    assert f'href="#previous-agreement-{review.id}"' in page
    assert f'id="previous-agreement-{review.id}"' in page  # the link lands somewhere
    part = htmx.post(f"/conversations/{new.id}/carried/agreements/{review.id}", data={
        f"previous-agreement-{review.id}-verdict": "done"}).get_data(as_text=True)
    assert "One agreement from the previous review has no verdict yet" in part
    assert f'href="#previous-agreement-{review.id}"' not in part


def test_carry_into_the_new_period_once(client, htmx, employee, manager, last_time,
                                        phase_url):
    new = _start(client, employee, manager)
    overdue, ahead = _reviews(new)
    goal_met, goal_missed = new.goals
    goal_met.outcome, goal_missed.outcome = Outcome.MET, Outcome.NOT_MET
    ahead.verdict = Verdict.DONE
    db.session.commit()
    page = client.get(phase_url(new, "agreements")).get_data(as_text=True)
    assert "Meenemen naar de nieuwe periode" in page
    response = client.post(f"/conversations/{new.id}/carry-forward")
    assert response.status_code == 303 and response.location.endswith("/agreements#carry")
    said = client.get(response.location).get_data(as_text=True)
    assert "1 afspraak meegenomen naar de komende periode." in said
    assert "1 afspraak afgesloten als gedaan." in said and "0 doelen" not in said
    db.session.expire_all()
    carried = new.agreements
    assert [(a.description, a.owner, a.kind, a.due_on, a.carried_from_id) for a in carried] \
        == [("Jan volgt de cursus plannen", Owner.EMPLOYEE, AgreementKind.TRAINING, None,
             overdue.agreement_id)]
    assert overdue.agreement.status is AgreementStatus.CARRIED
    assert ahead.agreement.status is AgreementStatus.DONE
    assert ahead.agreement.done_on == min(date.today(), new.held_on)
    coming = [g for g in new.goals if g.period is GoalPeriod.COMING]
    assert [(g.description, g.carried_from_id) for g in coming] == [
        ("Cursus Excel afronden", goal_missed.id)]
    page = client.get(phase_url(new, "agreements")).get_data(as_text=True)
    assert "Meegenomen uit het gesprek van 1 mei 2026" in page
    assert "Er staat niets meer open" in page
    # Pressing again carries nothing twice.
    again = htmx.post(f"/conversations/{new.id}/carry-forward").get_data(as_text=True)
    assert "Niets meer mee te nemen" in again
    db.session.expire_all()
    assert len(new.agreements) == 1
    assert len([g for g in new.goals if g.period is GoalPeriod.COMING]) == 1


def test_a_due_date_still_ahead_is_kept(client, employee, manager, last_time):
    new = _start(client, employee, manager)
    client.post(f"/conversations/{new.id}/carry-forward")
    db.session.expire_all()
    assert [a.due_on for a in new.agreements] == [None, last_time.agreements[1].due_on]


def test_goals_for_the_coming_period_in_looking_ahead(client, htmx, conversation,
                                                     phase_url):
    url = f"/conversations/{conversation.id}/items/coming_goals"
    part = htmx.post(url, data={"new-coming-goal-description": "Teamcoach worden",
                                "new-coming-goal-kind": "personal"})
    assert part.status_code == 200 and "Teamcoach worden" in part.get_data(as_text=True)
    goal = db.session.scalar(db.select(Goal))
    assert goal.period is GoalPeriod.COMING and goal.kind is GoalKind.PERSONAL
    page = client.get(phase_url(conversation, "looking-ahead")).get_data(as_text=True)
    assert "Doelen voor de komende periode" in page and "Teamcoach worden" in page
    back = client.get(phase_url(conversation, "looking-back")).get_data(as_text=True)
    assert "Teamcoach worden" not in back  # not a goal to look back on yet
    assert client.post(f"{url}/{goal.id}/edit", data={
        f"coming-goal-{goal.id}-description": "Teamcoach zijn",
        f"coming-goal-{goal.id}-kind": "job"}).status_code == 303
    db.session.refresh(goal)
    assert goal.description == "Teamcoach zijn"
    # The looking-back list does not reach a goal of the coming period, and back.
    assert client.post(f"/conversations/{conversation.id}/items/goals/{goal.id}/delete"
                       ).status_code == 404
    assert client.post(f"{url}/{goal.id}/delete").status_code == 303
    assert db.session.scalar(db.select(Goal)) is None


def test_an_unstarted_draft_can_be_deleted(client, employee, manager, last_time):
    new = _start(client, employee, manager)
    new_id = new.id
    person = client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert f'href="/conversations/{new.id}/delete"' in person
    assert f'href="/conversations/{last_time.id}/delete"' not in person
    confirm = client.get(f"/conversations/{new.id}/delete").get_data(as_text=True)
    assert "Dit gesprek verwijderen?" in confirm and "Ja, dit gesprek verwijderen" in confirm
    response = client.post(f"/conversations/{new.id}/delete")
    assert response.status_code == 303 and response.location == f"/people/{employee.id}"
    page = client.get(response.location).get_data(as_text=True)
    assert "Het niet begonnen gesprek van 27 november 2026 is verwijderd." in page
    db.session.expire_all()
    assert db.session.get(Conversation, new_id) is None
    # The previous review is as it was: its goals and agreements, still open.
    assert len(last_time.goals) == 3
    assert [a.status for a in last_time.agreements] == [
        AgreementStatus.OPEN, AgreementStatus.OPEN, AgreementStatus.DONE]
    assert db.session.scalar(db.select(db.func.count(AgreementReview.id))) == 0
    line = db.session.scalar(db.select(AuditEvent).where(
        AuditEvent.action == Action.DRAFT_DELETED))
    assert line.person_id == employee.id
    # And the next review brings them back again.
    assert len(_reviews(_start(client, employee, manager))) == 2


@pytest.mark.parametrize("start", ["answer", "rating", "agreement"])
def test_a_started_review_is_not_deleted(client, employee, manager, last_time, start):
    new = _start(client, employee, manager)
    if start == "answer":
        new.answers.append(Answer(question_key="obstacles", text="Iets"))
    elif start == "rating":
        new.goals[0].comment = "Besproken"
    else:
        new.agreements.append(Agreement(description="Nieuwe afspraak"))
    db.session.commit()
    assert f'/conversations/{new.id}/delete"' not in client.get(
        f"/people/{employee.id}").get_data(as_text=True)
    response = client.post(f"/conversations/{new.id}/delete")
    assert response.status_code == 409
    assert "Dit gesprek kan niet worden verwijderd" in response.get_data(as_text=True)
    assert db.session.get(Conversation, new.id) is not None


def test_only_the_managers_side_deletes(client, login, app, employee, manager,
                                        create_person, conversation):
    as_employee = login(app.test_client(), employee)
    assert as_employee.get(f"/conversations/{conversation.id}/delete").status_code == 403
    assert as_employee.post(f"/conversations/{conversation.id}/delete").status_code == 403
    stranger = login(app.test_client(), create_person("Bram Peters"))
    assert stranger.post(f"/conversations/{conversation.id}/delete").status_code == 404
    assert client.post("/conversations/99999/delete").status_code == 404
    assert db.session.get(Conversation, conversation.id) is not None


def test_the_demo_shows_carry_over(app, login):
    from voortgang.demo import load_demo
    from voortgang.people.models import Person
    load_demo()
    sanne, fatima = (db.session.scalar(db.select(Person).filter_by(name=name))
                     for name in ("Sanne de Vries", "Fatima El Amrani"))
    client = login(app.test_client(), sanne)
    new = _start(client, fatima, sanne, held_on=date.today().isoformat())
    assert [g.description for g in new.goals] == [
        "Elke maand een klantcasus bespreken met het team",
        "Eerste stappen als teamcoach zetten"]
    assert len(_reviews(new)) == 2


def test_a_review_planned_while_the_previous_one_is_going_follows_it(
        client, employee, manager, last_time, phase_url):
    """The next review was planned while this one was still in progress: it carried
    from the review before. Once this one is completed, the planned one starts from it."""
    going = _start(client, employee, manager, held_on=date.today().isoformat())
    client.post(phase_url(going, "looking-back"), data={"answer_obstacles": "Loopt"})
    planned = _start(client, employee, manager,
                     held_on=(date.today() + timedelta(days=14)).isoformat())
    assert [r.agreement.conversation_id for r in _reviews(planned)] == [last_time.id] * 2
    going = db.session.get(Conversation, going.id)
    going.goals.append(Goal(description="Nieuw doel na dit gesprek",
                            period=GoalPeriod.COMING))
    going.agreements.append(Agreement(description="Afspraak uit het lopende gesprek",
                                      owner=Owner.EMPLOYEE))
    going.status = Status.COMPLETED
    db.session.commit()
    page = client.get(phase_url(planned, "looking-back")).get_data(as_text=True)
    assert "Afspraak uit het lopende gesprek" in page
    assert "Nieuw doel na dit gesprek" in page and "Klanttevredenheid" not in page
    db.session.expire_all()
    planned = db.session.get(Conversation, planned.id)
    assert planned.previous_id == going.id
    assert [r.agreement.description for r in _reviews(planned)] == [
        "Afspraak uit het lopende gesprek"]
    assert [g.description for g in planned.goals] == ["Nieuw doel na dit gesprek"]
    # Opening it again changes nothing, and the trail has no lines for it.
    client.get(phase_url(planned, "looking-back"))
    assert len(_reviews(planned)) == 1 and len(planned.goals) == 1
    assert db.session.scalars(db.select(AuditEvent.action).where(
        AuditEvent.conversation_id == planned.id)).all() == [Action.REVIEW_STARTED]
