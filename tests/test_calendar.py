"""The .ics files: they parse, sit in the configured time zone, keep their UID when a
date moves (with a higher SEQUENCE), remind a day ahead and speak the user's language."""
from datetime import date, datetime, time, timedelta, timezone

import pytest
from icalendar import Calendar

from voortgang.conversations.models import Agreement, AgreementStatus, Owner
from voortgang.extensions import db


def _event(response):
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.mimetype_params["charset"] == "utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    assert response.headers["Content-Disposition"].endswith('.ics"')
    calendar = Calendar.from_ical(response.data)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert "Voortgang" in str(calendar["PRODID"])
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


@pytest.fixture
def planned(conversation):
    conversation.next_evaluation_on = date(2027, 6, 15)
    db.session.commit()
    return conversation


@pytest.fixture
def agreement(conversation):
    agreement = Agreement(description="Jan rondt de cursus Excel af",
                          owner=Owner.EMPLOYEE, due_on=date(2027, 3, 1))
    conversation.agreements.append(agreement)
    db.session.commit()
    return agreement


def next_review_url(conversation):
    return f"/conversations/{conversation.id}/next-review.ics"


def deadline_url(agreement):
    return f"/agreements/{agreement.id}/deadline.ics"


def test_next_review_is_a_timed_event_in_amsterdam_with_its_time_zone(client, planned):
    calendar, event = _event(client.get(next_review_url(planned)))
    start = event.decoded("DTSTART")
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert (start.date(), start.time()) == (date(2027, 6, 15), time(10, 0))
    # Summer time: 10:00 in Amsterdam is 08:00 UTC.
    assert start.astimezone(timezone.utc).hour == 8
    assert event.decoded("DTEND") - start == timedelta(hours=1)
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Amsterdam"]
    assert b"BEGIN:VTIMEZONE" in client.get(next_review_url(planned)).data


def test_winter_date_has_the_winter_offset(client, planned):
    planned.next_evaluation_on = date(2027, 1, 12)
    db.session.commit()
    _calendar, event = _event(client.get(next_review_url(planned)))
    assert event.decoded("DTSTART").astimezone(timezone.utc).hour == 9


def test_the_configured_time_zone_is_used(client, planned, app):
    app.config["BABEL_DEFAULT_TIMEZONE"] = "America/New_York"
    calendar, event = _event(client.get(next_review_url(planned)))
    assert event["DTSTART"].params["TZID"] == "America/New_York"
    assert event.decoded("DTSTART").astimezone(timezone.utc).hour == 14
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/New_York"]


def test_next_review_reminds_a_day_ahead(client, planned):
    _calendar, event = _event(client.get(next_review_url(planned)))
    [alarm] = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(days=-1)
    assert "Jan Bakker" in str(alarm["DESCRIPTION"])


def test_a_moved_review_date_updates_the_same_event(client, planned):
    _c, first = _event(client.get(next_review_url(planned)))
    _c, again = _event(client.get(next_review_url(planned)))
    assert str(first["UID"]) == str(again["UID"])
    assert first["SEQUENCE"] == again["SEQUENCE"]
    assert "DTSTAMP" in first
    planned.next_evaluation_on = date(2027, 6, 22)
    planned.updated_at = datetime.now(timezone.utc) + timedelta(minutes=5)
    db.session.commit()
    _c, moved = _event(client.get(next_review_url(planned)))
    assert str(moved["UID"]) == str(first["UID"])
    assert moved["SEQUENCE"] > first["SEQUENCE"]
    assert moved.decoded("DTSTART").date() == date(2027, 6, 22)


def test_summary_and_description_in_dutch(client, planned):
    _c, event = _event(client.get(next_review_url(planned)))
    assert str(event["SUMMARY"]) == "Voortgangsgesprek van Jan Bakker met Sanne de Vries"
    assert event["SUMMARY"].params["LANGUAGE"] == "nl"
    assert "27 november 2026" in str(event["DESCRIPTION"])
    assert f"/conversations/{planned.id}" in str(event["DESCRIPTION"])


def test_summary_in_english(english, planned):
    _c, event = _event(english.get(next_review_url(planned)))
    assert str(event["SUMMARY"]) == "Progress review of Jan Bakker with Sanne de Vries"
    assert event["SUMMARY"].params["LANGUAGE"] == "en"
    assert "27 November 2026" in str(event["DESCRIPTION"])


def test_no_next_date_is_not_found(client, conversation):
    assert client.get(next_review_url(conversation)).status_code == 404


def test_the_employee_downloads_it_too(app, login, employee, planned):
    response = login(app.test_client(), employee).get(next_review_url(planned))
    assert _event(response)[1].decoded("DTSTART").date() == date(2027, 6, 15)


@pytest.mark.parametrize("who", ["outsider", "hr"])
def test_others_and_hr_get_not_found(app, login, create_person, planned, agreement, who):
    person = create_person("Piet Buiten" if who == "outsider" else "Eva Mulder")
    visitor = login(app.test_client(), person, admin=who == "hr")
    assert visitor.get(next_review_url(planned)).status_code == 404
    assert visitor.get(deadline_url(agreement)).status_code == 404


def test_deadline_is_an_all_day_event(client, agreement):
    calendar, event = _event(client.get(deadline_url(agreement)))
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTSTART") == date(2027, 3, 1)
    assert event.decoded("DTEND") == date(2027, 3, 2)
    assert b"DTSTART;VALUE=DATE:20270301" in client.get(deadline_url(agreement)).data
    assert str(event["SUMMARY"]) == "Afspraak loopt af: Jan rondt de cursus Excel af"
    assert "Jan rondt de cursus Excel af" in str(event["DESCRIPTION"])
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=-15)  # 09:00 the day before
    assert "Jan rondt de cursus" in str(alarm["DESCRIPTION"])


def test_deadline_in_english(english, agreement):
    _c, event = _event(english.get(deadline_url(agreement)))
    assert str(event["SUMMARY"]) == "Agreement due: Jan rondt de cursus Excel af"


def test_moved_deadline_updates_the_same_event(client, agreement):
    _c, first = _event(client.get(deadline_url(agreement)))
    assert str(first["UID"]).startswith(f"agreement-{agreement.id}@")
    agreement.due_on = date(2027, 4, 1)
    agreement.updated_at = datetime.now(timezone.utc) + timedelta(minutes=5)
    db.session.commit()
    _c, moved = _event(client.get(deadline_url(agreement)))
    assert str(moved["UID"]) == str(first["UID"])
    assert moved["SEQUENCE"] > first["SEQUENCE"]
    assert moved.decoded("DTSTART") == date(2027, 4, 1)


def test_dropped_agreement_cancels_the_event(client, agreement):
    agreement.status = AgreementStatus.DROPPED
    db.session.commit()
    _c, event = _event(client.get(deadline_url(agreement)))
    assert str(event["STATUS"]) == "CANCELLED"


def test_agreement_without_date_is_not_found(client, agreement):
    agreement.due_on = None
    db.session.commit()
    assert client.get(deadline_url(agreement)).status_code == 404


def test_user_text_is_escaped_in_the_file(client, conversation):
    agreement = Agreement(description="Bel; klant, daarna\nBEGIN:VEVENT",
                          due_on=date(2027, 3, 1))
    conversation.agreements.append(agreement)
    db.session.commit()
    _calendar, event = _event(client.get(deadline_url(agreement)))
    assert str(event["DESCRIPTION"]).startswith("Bel; klant, daarna\nBEGIN:VEVENT")


def test_completed_overview_offers_the_next_review(client, planned, phase_url):
    planned.status = planned.status.COMPLETED
    planned.completed_at = datetime(2026, 11, 27, 15, tzinfo=timezone.utc)
    db.session.commit()
    page = client.get(phase_url(planned, "overview")).get_data(as_text=True)
    assert f'href="/conversations/{planned.id}/next-review.ics"' in page
    assert "Zet het volgende gesprek in je agenda (.ics)" in page


def test_overview_without_next_date_offers_no_invite(client, conversation, phase_url):
    conversation.status = conversation.status.COMPLETED
    conversation.completed_at = datetime(2026, 11, 27, 15, tzinfo=timezone.utc)
    db.session.commit()
    page = client.get(phase_url(conversation, "overview")).get_data(as_text=True)
    assert "next-review.ics" not in page


def test_agreement_with_date_has_an_ics_link(english, agreement, conversation, phase_url):
    undated = Agreement(description="Zonder datum")
    conversation.agreements.append(undated)
    db.session.commit()
    page = english.get(phase_url(conversation, "agreements")).get_data(as_text=True)
    assert f'href="/agreements/{agreement.id}/deadline.ics"' in page
    assert f"/agreements/{undated.id}/deadline.ics" not in page
    assert "Add this deadline to your calendar" in page
