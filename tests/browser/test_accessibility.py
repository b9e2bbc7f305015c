"""axe-core finds no accessibility violation on any page, in Dutch or in English."""
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

AXE = Axe()


def new_person_with_errors(page, seed):
    page.goto("/people/new")
    page.locator("form.stack button[type=submit]").click()  # no name: refused
    expect(page.locator(".field.has-error")).to_have_count(1)


def agreement_being_edited(page, seed):
    page.goto(seed.phase("agreements"))
    page.locator("#agreements li.item a.button").first.click()  # "Edit"
    expect(page.locator("#agreements li.item form.item-form")).to_have_count(1)


def visit(path):
    return lambda page, seed: page.goto(path(seed))


# name: (how to get there, the templates its markup comes from)
PAGES = {
    "home": (visit(lambda seed: "/"), "templates/people/index.html"),
    "person": (visit(lambda seed: seed.person), "templates/people/show.html"),
    "new-person": (visit(lambda seed: "/people/new"), "templates/people/new.html"),
    "new-person-with-errors": (new_person_with_errors,
                               "templates/people/new.html, templates/_macros.html"),
    "looking-back": (visit(lambda seed: seed.phase("looking-back")),
                     "templates/conversations/phase.html, _goals.html, _goal_form.html, "
                     "_phase_form.html, _save_status.html"),
    "looking-ahead": (visit(lambda seed: seed.phase("looking-ahead")),
                      "templates/conversations/phase.html, _phase_form.html"),
    "agreements": (visit(lambda seed: seed.phase("agreements")),
                   "templates/conversations/phase.html, _agreements.html, "
                   "_agreement_form.html, _agreement_meta.html, _phase_form.html"),
    "agreement-being-edited": (agreement_being_edited,
                               "templates/conversations/_agreements.html, "
                               "_agreement_form.html (the edit form)"),
    "overview": (visit(lambda seed: seed.phase("overview")),
                 "templates/conversations/phase.html, _overview.html, "
                 "_agreement_meta.html"),
    "not-found": (visit(lambda seed: "/people/9999"),
                  "templates/errors/error.html, errors/_error.html"),
}


def report(violations):
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]")
        for node in v["nodes"]:
            target = ", ".join(map(str, node["target"]))
            lines.append(f"    at {target}: {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_on_any_page(page, seeded, lang):
    """One browser session per language walks every page (faster than one per page);
    the failure message lists each page's violations with the templates involved."""
    if lang == "en":
        page.goto("/")
        page.get_by_role("button", name="English").click()
    found = {}
    for name, (go, source) in PAGES.items():
        go(page, seeded)
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        violations = AXE.run(page).response["violations"]
        if violations:
            found[name] = (page.url, source, violations)

    assert found == {}, f"axe found violations ({lang}):\n" + "\n".join(
        f"== {name} ({url}), from {source}:\n{report(violations)}"
        for name, (url, source, violations) in found.items())
