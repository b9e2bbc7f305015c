"""The review can be held with the keyboard alone, and focus is always visible."""
from playwright.sync_api import expect

# What the focused element is, in words a failure message can show.
DESCRIBE_FOCUS = """() => {
  const el = document.activeElement;
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.innerText || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 60),
    inStepper: !!el.closest("nav.stepper"),
    isNext: el.matches("button[name=go][value=next]"),
  };
}"""

QUESTIONS = ["obstacles", "contribution", "enjoyment", "feedback_to_employee",
             "feedback_to_manager"]


def tab_until(page, done, limit=60):
    """Press Tab until `done(focused)`; return every element focused on the way."""
    path = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(DESCRIBE_FOCUS)
        path.append(focused)
        if done(focused):
            return path
    raise AssertionError(f"not reached in {limit} Tabs; focus went: {path}")


def test_keyboard_only_through_a_phase(page, seeded):
    page.goto(seeded.phase("looking-back"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Terugblik")

    # The first Tab shows the skip link on screen.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    # Tab to a question and type the answer, then on to the next button.
    path = tab_until(page, lambda focused: focused["id"] == "answer_enjoyment")
    page.keyboard.type("Met het toetsenbord getypt.")
    path += tab_until(page, lambda focused: focused["isNext"])
    order = [f"{f['tag']}#{f['id']} {f['text']!r}" for f in path]

    stepper = [i for i, f in enumerate(path) if f["inStepper"] and f["tag"] == "a"]
    assert len(stepper) == 4, f"the 4 stepper links are not all reachable by Tab: {order}"
    for key in QUESTIONS:
        assert any(f["id"] == f"answer_{key}" for f in path), \
            f"textarea answer_{key} is not reachable by Tab: {order}"
    first_answer = next(i for i, f in enumerate(path) if f["id"] == "answer_obstacles")
    assert max(stepper) < first_answer < len(path) - 1, \
        f"Tab order is not stepper, then questions, then the next button: {order}"

    # The focused next button has a visible focus ring.
    next_button = page.get_by_role("button", name="Vooruitblik", exact=True)
    expect(next_button).to_be_focused()
    outline = next_button.evaluate(
        "el => { const s = getComputedStyle(el);"
        " return {width: s.outlineWidth, style: s.outlineStyle}; }")
    assert outline["style"] != "none" and outline["width"] not in ("0px", ""), \
        f"the focused button shows no outline: {outline}"

    # Enter on the next button moves on, and what was typed is saved.
    page.keyboard.press("Enter")
    expect(page).to_have_url(seeded.phase("looking-ahead"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Vooruitblik")
    # Focus lands on the new phase's heading, so the next Tab continues from there.
    expect(page.locator("#phase-title")).to_be_focused()

    page.goto(seeded.phase("looking-back"))
    expect(page.locator("#answer_enjoyment")).to_have_value("Met het toetsenbord getypt.")
