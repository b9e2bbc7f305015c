"""Both sides prepare a planned review in the browser, each seeing only their own; in
the meeting the manager brings their prepared answer in with one click, and the
private notes stay folded away until opened."""
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import CSP_LISTENER

MANAGER_PREP = "Jan kan nieuwe collega's inwerken."
EMPLOYEE_PREP = "Ik wil graag de cursus klantgesprekken volgen."


def test_both_prepare_and_the_manager_brings_an_answer_in(
        page, team, live_server, new_context, browser_login, employee, console):
    held = date.today() + timedelta(days=7)
    # The manager plans the review ahead on Jan's page, and lands on their preparation.
    page.goto(f"/people/{team.employee_id}")
    page.get_by_label("Datum van het gesprek").fill(held.isoformat())
    page.get_by_role("button", name="Gesprek plannen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn voorbereiding")
    expect(page.locator(".flash")).to_contain_text("is gepland op")
    page.get_by_label("Waar zie je ruimte om te groeien?").fill(MANAGER_PREP)
    expect(page.locator("#prepare-status")).to_contain_text("Bewaard om")
    prepare_url = page.url

    # Jan, on his own account, sees the planned review and that Sanne prepared.
    ctx = new_context(base_url=live_server, locale="nl-NL", timezone_id="Europe/Amsterdam")
    ctx.set_default_timeout(10_000)
    ctx.add_init_script(CSP_LISTENER)
    console.watch(ctx)
    jan = browser_login(ctx, employee).new_page()
    jan.goto("/")
    planned = jan.locator(".planned-list li")
    expect(planned).to_contain_text("Jij: nog niet · Sanne de Vries: voorbereid")
    planned.get_by_role("link", name="Voorbereiden").click()
    expect(jan).to_have_url(prepare_url)
    expect(jan.locator("main")).not_to_contain_text(MANAGER_PREP)
    jan.get_by_label("Wat wil je de komende periode bereiken?").fill(EMPLOYEE_PREP)
    expect(jan.locator("#prepare-status")).to_contain_text("Bewaard om")
    jan.goto("/")
    expect(jan.locator(".planned-list li")).to_contain_text("Jij: voorbereid")

    # In the meeting: the manager's own preparation is folded under its question; one
    # click brings it into the shared answer. Jan's stays his own.
    page.goto(prepare_url.replace("/prepare", "/looking-ahead"))
    expect(page.locator("main")).not_to_contain_text(EMPLOYEE_PREP)
    notes = page.locator("details.private-notes")
    expect(notes).not_to_have_attribute("open", "")
    expect(page.get_by_label("Mijn eigen aantekeningen")).to_be_hidden()
    expect(page.get_by_text(MANAGER_PREP)).to_be_hidden()  # folded away
    page.get_by_role("button", name="In het gesprek brengen").click()
    expect(page.locator("#answer_growth")).to_have_value(MANAGER_PREP)
    expect(page.locator(".shared-note")).to_contain_text("staat in het gesprek")

    # The private notes open on purpose and save themselves.
    notes.locator("summary").click()
    page.get_by_label("Mijn eigen aantekeningen").fill("Straks terugkomen op de avonddiensten")
    expect(page.locator("#note-status")).to_contain_text("Bewaard om")
    page.reload()
    expect(page.locator("details.private-notes")).not_to_have_attribute("open", "")

    # What was brought in is shared; Jan's unshared preparation never reached Sanne,
    # and Sanne's notes never reach Jan.
    jan.goto(prepare_url.replace("/prepare", "/looking-ahead"))
    expect(jan.locator("main")).to_contain_text(MANAGER_PREP)
    expect(jan.locator("main")).not_to_contain_text("avonddiensten")
    assert console.problems() == []
