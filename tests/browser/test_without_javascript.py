"""With JavaScript off, the review still works: plain forms, plain POSTs, redirects."""
import pytest
from playwright.sync_api import expect


@pytest.fixture
def no_js_page(live_server, new_context, browser_login, manager):
    context = new_context(base_url=live_server, locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    return browser_login(context, manager).new_page()


def test_answers_are_saved_and_the_next_phase_shows_without_javascript(no_js_page, seeded):
    page = no_js_page
    page.goto(seeded.phase("looking-back"))

    # "Bewaren": a plain POST, redirected back to the phase with a message.
    page.get_by_label("Wat zat je in de weg, en hoe ben je daarmee omgegaan?") \
        .fill("Zonder JavaScript getypt.")
    with page.expect_navigation():
        page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page).to_have_url(seeded.phase("looking-back"))
    expect(page.get_by_role("status").filter(has_text="Je antwoorden zijn bewaard.")) \
        .to_be_visible()
    expect(page.locator("#answer_obstacles")).to_have_value("Zonder JavaScript getypt.")

    # A goal, added with a plain POST too.
    goals = page.locator("#goals")
    goals.get_by_label("Doel", exact=True).fill("Zonder JavaScript een doel")
    goals.get_by_label("Resultaat").select_option(label="Deels behaald")
    with page.expect_navigation():
        goals.get_by_role("button", name="Doel toevoegen").click()
    expect(page.locator("#goals li.item", has_text="Zonder JavaScript een doel")) \
        .to_contain_text("Deels behaald")

    # The next button saves what was typed and shows the next phase.
    page.locator("#answer_enjoyment").fill("Nog steeds zonder JavaScript.")
    with page.expect_navigation():
        page.get_by_role("button", name="Vooruitblik", exact=True).click()
    expect(page).to_have_url(seeded.phase("looking-ahead"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Vooruitblik")

    page.locator("#answer_ambitions").fill("Verder zonder JavaScript.")
    with page.expect_navigation():
        page.get_by_role("button", name="Afspraken", exact=True).click()
    expect(page).to_have_url(seeded.phase("agreements"))

    # Everything arrived: the overview, rendered by the server, shows it all.
    page.goto(seeded.phase("overview"))
    overview = page.locator(".overview")
    for text in ("Zonder JavaScript getypt.", "Nog steeds zonder JavaScript.",
                 "Verder zonder JavaScript.", "Zonder JavaScript een doel"):
        expect(overview).to_contain_text(text)
    # Printing needs JavaScript (window.print), so without it the button stays hidden.
    expect(page.get_by_role("button", name="Gesprek afronden")).to_be_visible()
    expect.soft(page.get_by_role("button", name="Afdrukken"),
                "a print button that cannot work is shown without JavaScript") \
        .to_be_hidden(timeout=1000)

    # Completing works without JavaScript too. One seeded agreement has no owner and no
    # date, so the overview lists it and completing needs the box ticked first.
    expect(page.locator(".not-concrete")).to_contain_text("Iemand regelt de planning")
    with page.expect_navigation():
        page.get_by_role("button", name="Gesprek afronden").click()
    expect(page.locator("#confirm-error")).to_contain_text("vink het vakje aan")
    expect(page.locator("#confirm-error")).to_be_in_viewport()  # the answer opens there
    page.get_by_label("Toch afronden; we maken deze afspraken later concreet").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Gesprek afronden").click()
    expect(page).to_have_url(seeded.phase("overview") + "#complete")
    expect(page.get_by_text("Dit gesprek is afgerond op")).to_be_in_viewport()
