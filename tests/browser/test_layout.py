"""The meeting layout: the coach beside the conversation on a laptop, a panel at the
bottom of a phone, no sideways scrolling, thumb-sized controls, and large text for a
meeting-room display that stays on from page to page."""
import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.markup

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 320, "height": 640}
TABLET = {"width": 820, "height": 1180}
LAPTOP = {"width": 1280, "height": 800}
TAP = 44  # px: the smallest target a thumb hits reliably


def in_english(page):
    page.goto("/")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def sideways_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@pytest.mark.parametrize("size", [PHONE, SMALL_PHONE], ids=["390px", "320px"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_page_scrolls_sideways_on_a_phone(page, seeded, console, size, lang):
    page.set_viewport_size(size)
    if lang == "en":
        in_english(page)
    for path in (seeded.phase("looking-back"), seeded.phase("agreements"), "/",
                 seeded.phase("overview"), "/follow-up", seeded.person):
        page.goto(path)
        assert sideways_overflow(page) <= 0, f"{path} is wider than {size['width']} px"
    assert console.problems() == []


def too_small(page, selector):
    """(text, width, height) of each visible control smaller than a thumb."""
    return page.eval_on_selector_all(selector, """(elements, tap) => elements
        .filter(e => e.offsetParent !== null && getComputedStyle(e).visibility !== "hidden")
        .map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
        .filter(([, box]) => box.width < tap || box.height < tap)
        .map(([text, box]) => [text, Math.round(box.width), Math.round(box.height)])""", TAP)


@pytest.mark.parametrize("size", [PHONE, SMALL_PHONE], ids=["390px", "320px"])
def test_controls_are_big_enough_for_a_thumb(page, seeded, size):
    page.set_viewport_size(size)
    page.goto(seeded.phase("looking-back"))
    header = page.locator(".language-switch button")
    expect(header).to_have_count(2)
    controls = ("header button, header a, .stepper a, main button, main a.button, "
                "main input:not([type=hidden]), main select, main textarea, main summary")
    assert too_small(page, controls) == []
    # The two language buttons do not overlap: a tap on English lands on English.
    for button in header.all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
        hit = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('button').value",
                            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert hit == button.get_attribute("value")
    page.goto("/")
    assert too_small(page, controls) == []


def test_header_is_compact_on_a_phone(page, seeded):
    page.set_viewport_size(PHONE)
    page.goto(seeded.phase("looking-back"))
    height = page.locator(".site-header").bounding_box()["height"]
    assert height <= 0.15 * PHONE["height"], f"the header takes {height} px"


def test_coach_stays_beside_the_last_question_on_a_laptop(page, seeded, console):
    page.set_viewport_size(LAPTOP)
    page.goto(seeded.phase("looking-back"))
    coach = page.locator("[data-coach]")
    form = page.locator("#phase-form")
    expect(coach).to_be_visible()
    assert coach.bounding_box()["x"] >= form.bounding_box()["x"] + form.bounding_box()["width"]

    last = page.locator("#phase-form textarea").last
    last.scroll_into_view_if_needed()
    last.fill("Meer ruimte om zelf te beslissen")
    assert page.evaluate("window.scrollY") > LAPTOP["height"]  # the page really scrolled
    box = coach.bounding_box()
    assert 0 <= box["y"] < LAPTOP["height"] / 2
    assert box["y"] + box["height"] <= LAPTOP["height"]
    assert console.problems() == []


@pytest.mark.parametrize("size", [PHONE, TABLET], ids=["phone", "tablet"])
def test_coach_tip_stays_in_view_while_typing_without_room_beside(page, seeded, console, size):
    page.set_viewport_size(size)
    page.goto(seeded.phase("looking-back"))
    answer = page.locator("#answer_enjoyment")
    answer.fill("Weinig plezier, veel stress door overuren")
    tip = page.locator("#followups li").first
    expect(tip.locator(".followup-question")).to_be_visible()
    answer.focus()
    panel = page.locator("[data-coach]").bounding_box()
    field = answer.bounding_box()
    assert panel["y"] + panel["height"] <= size["height"] + 1  # at the bottom, in view
    assert panel["height"] <= 0.36 * size["height"]
    assert field["y"] + field["height"] <= panel["y"]  # the panel never covers the field

    # The panel shows the first tip; its button opens all of them.
    toggle = page.locator("[data-coach-toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#followups li .followup-reason").first).to_be_visible()
    assert console.problems() == []


def base_font(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_large_text_is_one_click_and_stays_on_the_next_page(page, seeded, console):
    page.set_viewport_size(LAPTOP)
    page.goto(seeded.phase("looking-back"))
    normal = base_font(page)
    toggle = page.get_by_role("button", name="Grote tekst")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    page.locator("#answer_obstacles").fill("Het nieuwe systeem")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert base_font(page) >= normal * 1.2
    # No reload: what was being typed is still there.
    expect(page.locator("#answer_obstacles")).to_have_value("Het nieuwe systeem")

    page.goto("/follow-up")
    assert base_font(page) >= normal * 1.2
    in_english(page)
    large = page.get_by_role("button", name="Large text")
    expect(large).to_have_attribute("aria-pressed", "true")
    large.click()
    expect(large).to_have_attribute("aria-pressed", "false")
    page.goto("/")
    assert base_font(page) == normal
    assert console.problems() == []


def test_large_text_works_without_javascript(live_server, new_context, browser_login,
                                             manager, seeded):
    ctx = browser_login(new_context(base_url=live_server, locale="nl-NL",
                                    java_script_enabled=False), manager)
    page = ctx.new_page()
    page.goto(seeded.phase("looking-ahead"))
    normal = base_font(page)
    page.get_by_role("button", name="Grote tekst").click()
    expect(page).to_have_url(live_server + seeded.phase("looking-ahead"))
    expect(page.locator("html")).to_have_class("presentation")
    assert base_font(page) > normal
