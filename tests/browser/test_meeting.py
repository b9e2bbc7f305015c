"""A whole review at the shared screen, on a laptop and on a phone, in both languages.

What two people at one screen notice: the coach's newest tip shows up beside (or,
on a phone, below) the question being answered without taking the focus, nothing
scrolls sideways on a phone, a training agreement answers the training tip, and a
refused completion shows its message where the eyes are.
"""
import re

import pytest
from playwright.sync_api import expect

# Layout on two screens: the flow itself runs on every database in test_review_cycle.py.
pytestmark = pytest.mark.markup
SIZES = {"laptop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
TEXTS = {
    "nl": {"enjoyment": "Het haalt het plezier eruit, een 5 op 10",
           "learning": "Ik wil graag een cursus Excel volgen",
           "training": "Jan volgt vóór 1 maart de cursus Excel",
           "vague": "We gaan binnenkort proberen beter te plannen",
           "new": "Nieuw", "refused": "vink het vakje aan"},
    "en": {"enjoyment": "takes the fun out of it, 5 out of 10",
           "learning": "I would like to take an Excel course",
           "training": "Jan takes the Excel course before 1 March",
           "vague": "We will try to plan better soon",
           "new": "New", "refused": "tick the box"},
}


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


def not_covered(page, locator):
    """The middle of the element is the element itself: no panel lies over it."""
    box = locator.bounding_box()
    assert box, "not on screen"
    x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 20)
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y)?.id || ''", [x, y])
    assert on_top == locator.get_attribute("id"), f"covered by #{on_top or '?'}"


def answer_and_see_the_tip(page, field_id, text, rule, new_label):
    field = page.locator(f"#{field_id}")
    field.click()
    field.fill(text)
    tip = page.locator(f'#followups [data-rule="{rule}"]')
    expect(tip).to_have_class(re.compile(r"\bis-new\b"))
    expect(tip).to_contain_text(new_label)
    expect(tip).to_be_in_viewport()
    # The typing goes on where it was: the field keeps the focus and stays in view.
    expect(field).to_be_focused()
    expect(field).to_be_in_viewport()
    not_covered(page, field)
    question = tip.locator(".followup-question").inner_text()
    expect(page.locator("[data-coach-announcer]")).to_contain_text(question)
    return tip


def next_step(page):
    expect(page.locator(".htmx-request")).to_have_count(0)  # the last swaps are in
    page.locator(".phase-nav button[value=next]").click()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
def test_a_whole_review_at_the_shared_screen(context, conversation, console, size, lang):
    text = TEXTS[lang]
    page = context.new_page()
    page.set_viewport_size(SIZES[size])
    page.goto(f"/conversations/{conversation.id}/looking-back")
    if lang == "en":
        page.locator(".language-switch button[lang=en]").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
    no_sideways_scroll(page)

    # Looking back: low enjoyment, said in the interface's other language or its own.
    answer_and_see_the_tip(page, "answer_enjoyment", text["enjoyment"], "low_enjoyment",
                           text["new"])
    no_sideways_scroll(page)

    # Looking ahead: a wish for training brings the tip to agree on it.
    next_step(page)
    expect(page.locator("#conversation")).to_have_attribute("data-phase", "looking-ahead")
    no_sideways_scroll(page)
    answer_and_see_the_tip(page, "answer_learning", text["learning"],
                           "training_without_agreement", text["new"])

    # Agreements: the tip is still there until a training agreement answers it.
    next_step(page)
    expect(page.locator("#conversation")).to_have_attribute("data-phase", "agreements")
    no_sideways_scroll(page)
    training_tip = page.locator('#followups [data-rule="training_without_agreement"]')
    expect(training_tip).to_have_count(1)
    for description, kind in ((text["training"], "training"), (text["vague"], "other")):
        form = page.locator("#agreements .add-item form")
        form.locator("textarea[name$=description]").fill(description)
        form.locator("select[name$=kind]").select_option(kind)
        form.locator("button.primary").click()
        expect(page.locator("#agreements .items-list, #agreements")).to_contain_text(
            description)
        if kind == "training":
            expect(training_tip).to_have_count(0)
    no_sideways_scroll(page)

    # The overview: completing with a vague agreement and no box ticked is refused,
    # and the refusal is where the eyes are.
    next_step(page)
    expect(page.locator("#conversation")).to_have_attribute("data-phase", "overview")
    no_sideways_scroll(page)
    page.locator(".complete button.primary").click()
    refusal = page.locator("#confirm-error")
    expect(refusal).to_contain_text(text["refused"])
    expect(refusal).to_be_in_viewport()
    expect(refusal).to_be_focused()
    # The refusal came back as a 422, which Chromium logs; nothing else may.
    assert [p for p in console.problems() if "status of 422" not in p] == []
