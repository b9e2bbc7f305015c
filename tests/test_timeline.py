"""A person's timeline: reviews, check-ins and agreements newest first, and each goal
followed through the reviews it came back in."""
from datetime import date, datetime, timezone

import pytest

from voortgang.conversations.models import (Agreement, AgreementReview, AgreementStatus,
                                            Conversation, Goal, GoalPeriod, Outcome, Status,
                                            Verdict)
from voortgang.extensions import db
from voortgang.followup.models import CheckIn


def timeline_url(person):
    return f"/people/{person.id}/timeline"


@pytest.fixture
def history(employee, manager):
    """Three yearly reviews of Jan; one goal carried through all three, one agreement
    carried from the first into the second, and a check-in in between."""
    reviews = [Conversation(employee=employee, manager=manager, held_on=date(year, 11, 20),
                            status=Status.COMPLETED) for year in (2024, 2025, 2026)]
    db.session.add_all(reviews)
    db.session.flush()
    first = Goal(conversation=reviews[0], description="Klanttevredenheid boven de 8",
                 outcome=Outcome.NOT_MET)
    db.session.add(first)
    db.session.flush()
    second = Goal(conversation=reviews[1], description="Klanttevredenheid boven de 8",
                  outcome=Outcome.PARTLY, carried_from_id=first.id)
    db.session.add(second)
    db.session.flush()
    db.session.add(Goal(conversation=reviews[2], description="Klanttevredenheid > 8",
                        outcome=Outcome.MET, carried_from_id=second.id))
    db.session.add(Goal(conversation=reviews[2], description="Scrum-certificaat halen",
                        period=GoalPeriod.COMING))
    course = Agreement(conversation=reviews[0], description="Jan volgt de cursus Excel",
                       due_on=date(2025, 3, 1), status=AgreementStatus.CARRIED)
    db.session.add(course)
    db.session.flush()
    db.session.add(Agreement(conversation=reviews[1], description="Jan rondt Excel af",
                             due_on=date(2026, 2, 1), status=AgreementStatus.DONE,
                             done_on=date(2026, 1, 15), carried_from_id=course.id))
    db.session.add(AgreementReview(conversation=reviews[1], agreement=course,
                                   verdict=Verdict.PARTLY))
    db.session.add(CheckIn(employee=employee, manager=manager, review=reviews[1],
                           planned_on=date(2026, 5, 10),
                           held_at=datetime(2026, 5, 12, 9, tzinfo=timezone.utc),
                           note="Excel gaat goed", next_step="Draaitabellen oefenen"))
    db.session.commit()
    return reviews


def test_goal_course_over_three_reviews(client, employee, history):
    page = client.get(timeline_url(employee)).get_data(as_text=True)
    # Under the goal's newest wording, oldest first, one outcome per review.
    course = page.split("Klanttevredenheid &gt; 8")[1].split("</ol>")[0]
    steps = [course.index(text) for text in ("20 nov 2024</span>: Niet behaald",
                                             "20 nov 2025</span>: Deels behaald",
                                             "20 nov 2026</span>: Behaald")]
    assert steps == sorted(steps)
    assert "Scrum-certificaat halen" in page
    assert "Gesteld voor de komende periode" in page


def test_entries_newest_first_with_check_in_and_agreements(client, employee, history):
    page = client.get(timeline_url(employee)).get_data(as_text=True)
    order = [page.index(f"Voortgangsgesprek van 20 november {year}") for year in
             (2026, 2025)]
    check_in = page.index("Tussentijdse evaluatie van 12 mei 2026")
    assert order[0] < check_in < order[1]
    assert "Excel gaat goed" in page and "Draaitabellen oefenen" in page
    assert "meegenomen naar het gesprek van 20 november 2025" in page
    assert "in het gesprek van 20 november 2025: Deels gedaan" in page
    assert "gedaan op 15 januari 2026" in page
    assert f'href="/conversations/{history[0].id}"' in page


def test_planned_check_in_shows_as_planned(english, employee, manager):
    db.session.add(CheckIn(employee=employee, manager=manager, planned_on=date(2027, 2, 3)))
    db.session.commit()
    page = english.get(timeline_url(employee)).get_data(as_text=True)
    assert "Check-in of 3 February 2027" in page
    assert "Planned" in page


def test_the_employee_sees_their_own_timeline(app, login, employee, history):
    page = login(app.test_client(), employee).get(timeline_url(employee))
    assert page.status_code == 200
    assert "Klanttevredenheid" in page.get_data(as_text=True)


def test_empty_timeline_says_so(english, employee):
    page = english.get(timeline_url(employee)).get_data(as_text=True)
    assert "Nothing here yet" in page
    assert 'class="timeline"' not in page


@pytest.mark.parametrize("who", ["outsider", "hr"])
def test_others_and_hr_get_not_found(app, login, create_person, employee, history, who):
    person = create_person("Piet Buiten" if who == "outsider" else "Eva Mulder")
    visitor = login(app.test_client(), person, admin=who == "hr")
    assert visitor.get(timeline_url(employee)).status_code == 404


def test_hr_sees_their_own_timeline(app, login, hr):
    assert login(app.test_client(), hr, admin=True).get(timeline_url(hr)).status_code == 200


def test_person_page_links_to_the_timeline_for_the_manager_not_hr(client, admin_client,
                                                                   employee):
    link = f'href="/people/{employee.id}/timeline"'
    assert link in client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert link not in admin_client.get(f"/people/{employee.id}").get_data(as_text=True)


def test_htmx_gets_the_timeline_without_the_page_around_it(htmx, employee, history):
    response = htmx.get(timeline_url(employee))
    body = response.get_data(as_text=True)
    assert "Tijdlijn van Jan Bakker" in body and "<html" not in body
    assert "HX-Request" in response.headers["Vary"]
