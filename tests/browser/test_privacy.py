"""HR removes a person in the browser: the plan, a typed confirmation, the keyboard."""
from playwright.sync_api import expect


def test_hr_deletes_a_person_after_typing_the_name(page, seeded, browser_login, hr,
                                                   console):
    page.context.clear_cookies()
    browser_login(page.context, hr, admin=True)
    page.goto(seeded.person)
    page.get_by_role("link", name="Verwijderen…").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Gegevens van Jan Bakker verwijderen")
    expect(page.locator(".removal-plan")).to_contain_text(
        "1 gesprek van Jan Bakker als medewerker wordt verwijderd")

    # A wrong name is refused, with the reason tied to the field.
    name = page.get_by_label("Volledige naam van de persoon")
    name.fill("Jan")
    name.press("Enter")
    expect(page.locator(".field.has-error")).to_contain_text("Dat is niet de naam.")
    expect(name).to_have_attribute("aria-invalid", "true")

    # With the keyboard alone: type the name, Tab to the button, press it.
    name.fill("Jan Bakker")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Gegevens verwijderen")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator(".flash")).to_contain_text("De gegevens zijn verwijderd")
    expect(page.get_by_role("link", name="Jan Bakker")).to_have_count(0)
    # (The refused name came back as a 422, which Chromium logs; nothing else may.)
    assert [p for p in console.problems() if "status of 422" not in p] == []
