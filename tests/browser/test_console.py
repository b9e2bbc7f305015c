"""The Content Security Policy holds in the browser, and our console log sees it.

The walk-through (test_walkthrough.py) ends by asserting the log stayed empty; this
proves that assertion can fail: a blocked inline script does show up in it.
"""
from playwright.sync_api import expect


def test_inline_script_is_blocked_and_reported(page, console, seeded):
    page.goto(seeded.phase("looking-back"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Terugblik")
    assert console.problems() == [], "\n".join(console.problems())

    # What an injected answer text would try if it ever reached the page unescaped.
    page.evaluate("""() => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      const div = document.createElement("div");
      div.setAttribute("style", "color: red");
      div.setAttribute("onclick", "window.injected = true");
      document.body.append(div);
      div.click();
    }""")

    assert page.evaluate("window.injected") is None, "the CSP let an inline script run"

    def blocked(directive):
        return any(directive in text for _, text, _ in console.csp_violations())

    for _ in range(40):  # console events arrive asynchronously: allow up to 2 s
        if blocked("script-src") and blocked("style-src"):
            break
        page.wait_for_timeout(50)
    violations = [text for _, text, _ in console.csp_violations()]
    assert blocked("script-src"), f"no blocked inline script in the log: {violations}"
    assert blocked("style-src"), f"no blocked inline style in the log: {violations}"
    assert console.problems(), "problems() left out the CSP violations"


def test_the_browser_knows_every_feature_the_permissions_policy_names(page, console,
                                                                      seeded):
    """Chromium warns about a feature name it does not know, and ignores it."""
    page.goto(seeded.phase("looking-back"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Terugblik")
    page.wait_for_timeout(200)  # console events arrive asynchronously
    warnings = [text for _, text, _ in console.messages if "Permissions-Policy" in text]
    assert warnings == []
