"""The assistant while an agreement is typed: checklist, marked words, one-click fill-in."""
from datetime import date

from playwright.sync_api import expect


def test_checklist_follows_the_typing_and_fills_in_who_and_when(page, seeded, console):
    page.goto(seeded.phase("agreements"))
    form = page.locator("#agreements .add-item form")
    description = form.get_by_label("Wat is er afgesproken")
    assistant = form.locator(".assistant")

    description.fill("Jan gaat binnenkort proberen beter te plannen")
    expect(assistant.locator("mark", has_text="binnenkort")).to_be_visible()
    expect(assistant.locator('[data-rule="vague_wording"]')).to_contain_text(
        "Door ‘proberen’ en ‘beter’ wordt de afspraak")
    expect(assistant).to_contain_text("Nog niet")

    year = date.today().year + 1
    description.fill(f"Jan volgt vóór 15 januari {year} de cursus Excel")
    expect(assistant).to_contain_text(f"15 jan {year}")
    # The fields beside the checklist say the same as the checklist, as it is typed.
    owner, due = form.get_by_label("Wie doet het"), form.get_by_label("Uiterste datum")
    expect(owner).to_have_value("employee")
    expect(due).to_have_value(f"{year}-01-15")
    expect(assistant.get_by_role("button")).to_have_count(0)
    description.fill(f"Sanne regelt vóór 15 januari {year} de cursus Excel")
    expect(owner).to_have_value("manager")  # filled from the text, so it follows the text
    # A choice made by hand stays, and the text's reading is offered beside it.
    owner.select_option("both")
    description.fill(f"Jan volgt vóór 15 januari {year} de cursus Excel, met budget")
    offer = assistant.get_by_role("button", name="Wie en wanneer uit de tekst overnemen")
    expect(offer).to_have_attribute("data-owner", "employee")  # the check of this text
    expect(owner).to_have_value("both")
    offer.click()
    expect(owner).to_have_value("employee")
    assert console.problems() == []


def test_followups_appear_as_answers_change_and_can_be_used(page, seeded, console):
    page.goto(seeded.phase("looking-back"))
    followups = page.locator("#followups")
    page.locator("#answer_feedback_to_employee").fill("Sterk in klantgesprekken")
    tip = followups.locator('[data-rule="one_way_feedback"]')
    expect(tip).to_contain_text("Wat zou je leidinggevende anders of meer kunnen doen?")

    tip.get_by_role("button", name="Vraag noteren").click()
    # The coach's question is the review's own note beside the answer, marked as such;
    # the employee's answer stays empty, and the tip is done with.
    notes = page.locator("#coach-notes-feedback_to_manager")
    expect(notes).to_contain_text("Vraag van de coach")
    expect(notes).to_contain_text("Wat zou je leidinggevende anders of meer kunnen doen?")
    expect(page.locator("#answer_feedback_to_manager")).to_have_value("")
    expect(tip).to_have_count(0)

    page.locator("#answer_enjoyment").fill("Weinig plezier, veel stress door overuren")
    low = followups.locator('[data-rule="low_enjoyment"]')
    expect(low).to_be_visible()
    # Blurring the answer to click sends one more autosave; the reload waits until the
    # dismissal's answer (which keeps it in the session cookie) and that save are back.
    with page.expect_response(lambda r: r.url.endswith("/followups/dismiss")) as dismissed:
        low.get_by_role("button", name="Wegklikken").click()
    assert dismissed.value.ok
    expect(low).to_have_count(0)
    expect(page.locator(".htmx-request")).to_have_count(0)
    page.reload()
    expect(page.locator('#followups [data-rule="low_enjoyment"]')).to_have_count(0)
    assert console.problems() == []


def test_saved_agreements_follow_the_date_of_the_next_evaluation(page, seeded, console):
    page.goto(seeded.phase("agreements"))
    course = page.locator("#agreements .item", has_text="Jan volgt de Excel-cursus")
    late = course.locator('[data-rule="after_next_review"]')
    expect(late).to_have_count(0)

    page.get_by_label("Datum van de volgende evaluatie").fill("2027-02-01")
    # Due on 1 March, so after the evaluation on 1 February: said without a reload.
    expect(late).to_contain_text("valt na het volgende gesprek")
    page.get_by_label("Datum van de volgende evaluatie").fill("2027-04-01")
    expect(late).to_have_count(0)
    assert console.problems() == []
