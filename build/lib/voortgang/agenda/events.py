"""Build the calendar files: one event each, in the configured time zone.

A calendar recognises an event it imported before by its UID and takes a newer
version of it by a higher SEQUENCE. So the UID names the review or the agreement
(never the date), and SEQUENCE grows with the row's `updated_at`: a moved date
updates the event already in someone's calendar instead of adding a second one.
"""
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

PRODID = "-//Voortgang//Voortgang progress reviews//EN"
# A review date has no time of day: the invite proposes a morning hour to move.
REVIEW_STARTS_AT = time(10, 0)
REVIEW_LASTS = timedelta(hours=1)
# Reminders: a day before the review; at 09:00 the day before a deadline (an
# all-day event starts at midnight, so 15 hours before it).
REVIEW_REMINDER = timedelta(days=-1)
DEADLINE_REMINDER = timedelta(hours=-15)
# SEQUENCE counts seconds from here, to stay well inside iCalendar's 32-bit INTEGER.
SEQUENCE_EPOCH = datetime(2025, 1, 1, tzinfo=timezone.utc)


def sequence_of(updated_at):
    """A number that grows with every change of the row (SQLite gives naive UTC)."""
    if updated_at is None:
        return 0
    if updated_at.tzinfo is None:
        updated_at = updated_at.replace(tzinfo=timezone.utc)
    return max(0, int((updated_at - SEQUENCE_EPOCH).total_seconds()))


def _calendar(language):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _event(uid, sequence, summary, description, language):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", datetime.now(timezone.utc))
    event.add("sequence", sequence)
    event.add("summary", summary, parameters={"LANGUAGE": language})
    event.add("description", description, parameters={"LANGUAGE": language})
    return event


def _alarm(trigger, text):
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", trigger)
    alarm.add("description", text)
    return alarm


def timed_event_file(*, uid, sequence, day, zone_name, summary, description,
                     reminder, language):
    """A calendar with one timed event on `day` at the usual hour, with its
    VTIMEZONE, so the time is read the same everywhere."""
    zone = ZoneInfo(zone_name)
    start = datetime.combine(day, REVIEW_STARTS_AT, tzinfo=zone)
    calendar = _calendar(language)
    event = _event(uid, sequence, summary, description, language)
    event.add("dtstart", start)
    event.add("dtend", start + REVIEW_LASTS)
    event.add("transp", "OPAQUE")
    event.add_component(_alarm(REVIEW_REMINDER, reminder))
    calendar.add_component(event)
    # Only the transitions around the event: a short file that still says it all.
    calendar.add_missing_timezones(first_date=date(day.year - 1, 1, 1),
                                   last_date=date(day.year + 1, 12, 31))
    return calendar.to_ical()


def all_day_event_file(*, uid, sequence, day, summary, description, reminder,
                       language, cancelled=False):
    """A calendar with one all-day event on `day` (VALUE=DATE, no time zone needed)."""
    calendar = _calendar(language)
    event = _event(uid, sequence, summary, description, language)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    # A deadline is a reminder, not a meeting: it keeps the day free.
    event.add("transp", "TRANSPARENT")
    if cancelled:
        event.add("status", "CANCELLED")
    event.add_component(_alarm(DEADLINE_REMINDER, reminder))
    calendar.add_component(event)
    return calendar.to_ical()
