"""The review cycle as a new user meets it, in a real browser, with the demo data, in
both languages: Sanne plans Fatima's review, both prepare it (each seeing only their
own preparation and private notes), they hold it with last period's goals and
agreements in front of them, both confirm the summary, the PDF and the .ics download,
the review becomes read-only, and an overdue agreement waits on the follow-up page.
"""
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask_babel import force_locale, gettext
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.conftest import CSP_LISTENER
from voortgang.demo import DEMO_DOMAIN, DEMO_PASSWORD, load_demo
from voortgang.extensions import db

LOCALES = {"nl": "nl-NL", "en": "en-GB"}
SANNE_PREPARES = "Fatima nam in september de vragen van het nieuwe team op zich."
FATIMA_PREPARES = "Ik wil het kwaliteitsoverleg gaan voorzitten."
SANNE_NOTE = "Zelf nog navragen hoe het met de reistijd gaat."
FATIMA_NOTE = "Niet vergeten: de opleiding in het voorjaar noemen."
AGREEMENT = "Fatima leidt het kwaliteitsoverleg van maart"
REACTION = "Een goed gesprek; ik weet waar ik aan toe ben."
OVERDUE = "Jan schrijft zich in voor de cursus klachtafhandeling"


@pytest.fixture
def demo(app):
    load_demo(date.today())
    db.session.commit()


@pytest.fixture
def t(app, lang):
    """The app's own text in the test's language, so one walk serves both."""
    def translate(text, **values):
        with app.test_request_context(), force_locale(lang):
            return gettext(text, **values)
    return translate


@pytest.fixture
def browser_as(live_server, new_context, console, t, lang):
    """A browser of its own for one demo person, logged in through the login form."""
    def open_for(first_name):
        ctx = new_context(base_url=live_server, locale=LOCALES[lang],
                          timezone_id="Europe/Amsterdam", accept_downloads=True)
        ctx.set_default_timeout(10_000)
        ctx.add_init_script(CSP_LISTENER)
        console.watch(ctx)
        page = ctx.new_page()
        page.goto("/login")
        page.get_by_label(t("Email address")).fill(f"{first_name}@{DEMO_DOMAIN}")
        page.get_by_label(t("Password")).fill(DEMO_PASSWORD)
        page.get_by_role("button", name=t("Log in")).click()
        expect(page.locator("html")).to_have_attribute("lang", lang)
        return page
    return open_for


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_plan_prepare_hold_confirm_and_follow_up(demo, browser_as, t, lang, console,
                                                 tmp_path):
    held_on = date.today() + timedelta(days=3)
    next_review = date.today() + timedelta(days=180)
    sanne = browser_as("sanne")

    # --- Sanne plans Fatima's review and prepares her own answers -------------------
    sanne.get_by_role("link", name=re.compile("Fatima El Amrani")).first.click()
    sanne.get_by_label(t("Date of the conversation")).fill(held_on.isoformat())
    sanne.get_by_role("button", name=t("Plan the review"), exact=True).click()
    expect(sanne.get_by_role("heading", level=1)).to_have_text(t("My preparation"))
    prepare_url = sanne.url
    review_url = prepare_url.removesuffix("/prepare")
    sanne.locator("#answer_contribution").fill(SANNE_PREPARES)
    sanne.get_by_role("button", name=t("Save"), exact=True).click()
    expect(sanne.locator(".flash")).to_contain_text(t("Your preparation was saved."))

    # --- Fatima sees the planned review, prepares hers, sees nothing of Sanne's -----
    fatima = browser_as("fatima")
    planned = fatima.locator(".planned-list li")
    expect(planned).to_contain_text(f"Sanne de Vries: {t('prepared')}")
    planned.get_by_role("link", name=re.compile(t("Prepare"))).click()
    expect(fatima).to_have_url(prepare_url)
    expect(fatima.locator("main")).not_to_contain_text(SANNE_PREPARES)
    fatima.locator("#answer_ambitions").fill(FATIMA_PREPARES)
    fatima.get_by_role("button", name=t("Save"), exact=True).click()
    expect(fatima.locator(".flash")).to_contain_text(t("Your preparation was saved."))

    # Fatima keeps a private note of her own on the meeting's first step.
    fatima.goto(review_url + "/looking-back")
    notes = fatima.locator("details.private-notes")
    expect(notes).not_to_have_attribute("open", "")
    notes.locator("summary").click()
    notes.locator("textarea").fill(FATIMA_NOTE)
    notes.get_by_role("button", name=t("Save my notes")).click()
    expect(fatima.locator(".flash")).to_contain_text(t("Your private notes were saved."))

    # --- The meeting: last period's goals and agreements are there to review --------
    sanne.goto(review_url + "/looking-back")
    expect(sanne.locator("main")).not_to_contain_text(FATIMA_PREPARES)
    expect(sanne.locator("main")).not_to_contain_text(FATIMA_NOTE)
    carried = sanne.locator("#carried .carried-item")
    expect(carried.first).to_be_visible()
    first_goal = sanne.locator("li[id^=carried-goal-]").first
    first_goal.get_by_label(t("Result")).select_option(label=t("Partly met"))
    first_goal.locator("textarea").fill("Half gehaald; de rest in het voorjaar.")
    first_goal.get_by_role("button", name=re.compile(t("Save"))).click()
    expect(first_goal.locator(".saved-note")).to_have_text(t("Saved."))
    # Her own prepared answer comes in with one click; the note stays her own.
    sanne.get_by_role("button", name=re.compile(t("Bring into the conversation"))).click()
    expect(sanne.locator("#answer_contribution")).to_have_value(
        re.compile(re.escape(SANNE_PREPARES)))
    notes = sanne.locator("details.private-notes")
    notes.locator("summary").click()
    notes.locator("textarea").fill(SANNE_NOTE)
    notes.get_by_role("button", name=t("Save my notes")).click()
    expect(sanne.locator(".flash")).to_contain_text(t("Your private notes were saved."))

    # Agreements: what is still open comes along in one step, a new one is added.
    sanne.goto(review_url + "/agreements")
    sanne.get_by_role("button", name=t("Carry into the new period")).click()
    expect(sanne.locator("#agreements .item-origin").first).to_be_visible()
    add = sanne.locator("#agreements form").last
    add.get_by_label(t("What is agreed")).fill(AGREEMENT)
    add.get_by_label(t("Who does it")).select_option(index=1)
    add.get_by_label(t("Due date")).fill((date.today() + timedelta(days=90)).isoformat())
    add.get_by_role("button", name=t("Add agreement")).click()
    expect(sanne.locator("#agreements")).to_contain_text(AGREEMENT)
    sanne.get_by_label(t("Date of the next evaluation")).fill(next_review.isoformat())
    sanne.get_by_label(t("Date of the next evaluation")).blur()
    expect(sanne.locator("#save-status")).not_to_contain_text(t("Not saved"))

    # --- Completing the review: the overview, then the summary ----------------------
    sanne.goto(review_url + "/overview")
    anyway = sanne.locator("input[name=confirm_not_concrete]")
    if anyway.count():
        anyway.check()
    sanne.get_by_role("button", name=t("Complete the review")).click()
    with sanne.expect_download() as invite:
        sanne.get_by_role("link", name=t("Add the next review to your calendar (.ics)")) \
            .click()
    event = Calendar.from_ical(Path(invite.value.path()).read_bytes()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").date() == next_review
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert event.walk("VALARM"), "the invite carries a reminder"

    # Fatima writes her own reaction and confirms; Sanne confirms as manager.
    fatima.goto(review_url + "/overview")
    reaction = fatima.locator("section.reaction")
    reaction.locator("textarea").fill(REACTION)
    fatima.get_by_role("button", name=t("Save my reaction")).click()
    expect(reaction).to_contain_text(t("Your reaction was saved."))

    sanne.get_by_role("link", name=t("Summary and confirmation")).click()
    summary = sanne.locator("main")
    for shown in (SANNE_PREPARES, AGREEMENT, REACTION, "Half gehaald"):
        expect(summary).to_contain_text(shown)
    for private in (SANNE_NOTE, FATIMA_NOTE, FATIMA_PREPARES):
        expect(summary).not_to_contain_text(private)
    sanne.get_by_role("button", name=t("Confirm as manager")).click()
    with sanne.expect_download() as pdf:
        sanne.get_by_role("link", name=t("Download as PDF")).click()
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF-")

    fatima.goto(review_url + "/summary")
    fatima.get_by_role("button", name=t("Confirm as employee")).click()
    expect(fatima.locator(".done-note")).to_contain_text(
        t("Both have confirmed this summary. The review is read-only now."))

    # --- Read-only now, for both ----------------------------------------------------
    sanne.goto(review_url + "/agreements")
    expect(sanne.locator(".locked-note")).to_be_visible()
    expect(sanne.locator("#phase-form")).to_have_count(0)
    expect(sanne.get_by_role("button", name=t("Add agreement"))).to_have_count(0)

    # --- Between reviews: the follow-up page shows what is overdue ------------------
    sanne.get_by_role("link", name=t("Follow-up"), exact=True).click()
    overdue = sanne.locator("li, tr", has_text=OVERDUE).last
    expect(overdue).to_be_visible()
    expect(overdue).to_contain_text(re.compile(t("overdue"), re.I))
    assert console.problems() == []
