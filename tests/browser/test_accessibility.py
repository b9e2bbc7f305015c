"""axe-core finds no accessibility violation on any page, in Dutch or in English."""
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

# What the templates render; the PostgreSQL run of .ci/run leaves it to the SQLite run.
pytestmark = pytest.mark.markup

AXE = Axe()


def new_person_with_errors(page, seed):
    page.goto("/people/new")
    page.locator("form.stack button[type=submit]").click()  # no name: refused
    expect(page.locator(".field.has-error")).to_have_count(1)


def agreement_being_edited(page, seed):
    page.goto(seed.phase("agreements"))
    page.locator("#agreements li.item a.button").first.click()  # "Edit"
    expect(page.locator("#agreements li.item form.item-form")).to_have_count(1)


def removal_with_errors(page, seed):
    page.goto(seed.person + "/delete")
    page.locator("#confirm_name").fill("Iemand anders")
    page.locator("form.stack button[type=submit]").click()  # not the name: refused
    expect(page.locator(".field.has-error")).to_have_count(1)


def anonymised_person(page, seed):
    from datetime import datetime, timezone

    from voortgang.extensions import db
    from voortgang.people.models import Person
    person = Person(name="Wordt Anoniem", anonymised_at=datetime.now(timezone.utc))
    db.session.add(person)
    db.session.commit()
    page.goto(f"/people/{person.id}")


def timeline_with_history(page, seed):
    """A second review carrying the goal on, a check-in, and a next date on the first
    (the overview then offers its .ics)."""
    from datetime import date, datetime, timezone

    from voortgang.conversations.models import Conversation, Goal, Outcome, Status
    from voortgang.extensions import db
    from voortgang.followup.models import CheckIn
    first = db.session.get(Conversation, seed.conversation_id)
    first.next_evaluation_on = date(2027, 11, 20)
    later = Conversation(employee_id=first.employee_id, manager_id=first.manager_id,
                         held_on=date(2027, 11, 20), status=Status.IN_PROGRESS)
    later.goals.append(Goal(description="Klanttevredenheid boven de 8",
                            outcome=Outcome.PARTLY, carried_from_id=first.goals[0].id))
    db.session.add_all([later, CheckIn(employee_id=first.employee_id,
                                       manager_id=first.manager_id,
                                       planned_on=date(2027, 5, 1),
                                       held_at=datetime(2027, 5, 1, 9, tzinfo=timezone.utc),
                                       note="Loopt goed", next_step="Verder zo")])
    db.session.commit()
    page.goto(seed.person + "/timeline")


def completed_overview(page, seed):
    from datetime import date, datetime, timezone

    from voortgang.conversations.models import Conversation, Status
    from voortgang.extensions import db
    review = db.session.get(Conversation, seed.conversation_id)
    review.next_evaluation_on = date(2027, 11, 20)
    review.status = Status.COMPLETED
    review.completed_at = datetime(2026, 11, 27, 15, tzinfo=timezone.utc)
    db.session.commit()
    page.goto(seed.phase("overview"))


def _check_in(seed):
    """A check-in planned with the seeded review's employee; its page's path."""
    from datetime import date, timedelta

    from voortgang.conversations.models import Conversation
    from voortgang.extensions import db
    from voortgang.followup.models import CheckIn
    review = db.session.get(Conversation, seed.conversation_id)
    check_in = CheckIn(employee_id=review.employee_id, manager_id=review.manager_id,
                       review_id=review.id, planned_on=date.today() + timedelta(days=5))
    db.session.add(check_in)
    db.session.commit()
    path = f"/check-ins/{check_in.id}"
    db.session.commit()  # end the read transaction the attribute loads began
    return path


def check_in_page(page, seed):
    page.goto(_check_in(seed))


def move_with_error(page, seed):
    page.goto("/follow-up")
    move = page.locator(".follow-actions form").nth(1)
    move.locator("input[type=date]").fill("")
    move.locator("button[type=submit]").click()  # no date: refused
    expect(page.locator(".field.has-error")).to_have_count(1)


def summary_confirmed_by_manager(page, seed):
    """The summary of a completed review the manager confirmed: the sign-off panel
    with the reopen form."""
    from datetime import datetime, timezone

    from voortgang.conversations.models import Conversation, Status
    from voortgang.extensions import db
    review = db.session.get(Conversation, seed.conversation_id)
    review.status = Status.COMPLETED
    review.completed_at = review.manager_signed_at = datetime.now(timezone.utc)
    db.session.commit()
    page.goto(f"/conversations/{seed.conversation_id}/summary")


def prepared_in_the_meeting(page, seed):
    """The manager's own preparation under a question, and the private notes, opened."""
    from voortgang.extensions import db
    from voortgang.people.models import Person
    from voortgang.preparation.models import PreparedAnswer
    sanne = db.session.scalar(db.select(Person).filter_by(name=seed.manager_name))
    db.session.add(PreparedAnswer(conversation_id=seed.conversation_id, author=sanne,
                                  question_key="growth", text="Meer verantwoordelijkheid"))
    db.session.commit()
    page.goto(seed.phase("looking-ahead"))
    page.locator(".prepared-text summary").click()
    page.locator(".private-notes summary").click()


def _carried_review(seed):
    """A completed review before the seeded one, and a new review carrying from it."""
    from datetime import date

    from voortgang.conversations.carry import carry_over
    from voortgang.conversations.models import (Agreement, Conversation, Goal,
                                                GoalPeriod, Owner, Status)
    from voortgang.extensions import db
    before = db.session.get(Conversation, seed.conversation_id)
    before.status = Status.COMPLETED
    before.goals.append(Goal(description="Elke maand een klantcasus bespreken",
                             period=GoalPeriod.COMING))
    before.agreements.append(Agreement(description="Sanne regelt een mentor",
                                       owner=Owner.MANAGER, due_on=date(2027, 1, 15)))
    new = Conversation(employee=before.employee, manager=before.manager,
                       held_on=date(2027, 5, 27))
    db.session.add(new)
    carry_over(new)
    db.session.commit()
    new_id = new.id
    db.session.commit()
    return new_id


def looking_back_with_carry_over(page, seed):
    page.goto(f"/conversations/{_carried_review(seed)}/looking-back")
    expect(page.locator("#carried .carried-item")).not_to_have_count(0)


def carry_forward_step(page, seed):
    page.goto(f"/conversations/{_carried_review(seed)}/agreements")
    expect(page.locator("#carry")).to_have_count(1)


def delete_draft_confirm(page, seed):
    page.goto(f"/conversations/{_carried_review(seed)}/delete")
    expect(page.locator("form button.danger")).to_have_count(1)


def visit(path):
    return lambda page, seed: page.goto(path(seed))


def failed_login(page, seed):
    page.goto("/login")
    page.get_by_label("E-mailadres").or_(page.get_by_label("Email address")).fill("x@y.nl")
    page.locator("form.stack button[type=submit]").click()
    expect(page.locator(".field.has-error")).to_have_count(1)


# Pages of anyone who is not logged in, of HR, and of the employee reading along;
# name: (how to get there, the templates its markup comes from)
ROLE_PAGES = {
    None: {
        "login": (visit(lambda seed: "/login"), "templates/accounts/login.html"),
        "login-with-errors": (failed_login, "templates/accounts/login.html"),
        "expired-link": (visit(lambda seed: "/password/not-a-token"),
                         "templates/accounts/link_expired.html"),
    },
    "admin": {
        "home-hr": (visit(lambda seed: "/"), "templates/people/index.html"),
        "person-hr": (visit(lambda seed: seed.person),
                      "templates/people/show.html, accounts/_account_admin.html"),
        "new-person": (visit(lambda seed: "/people/new"), "templates/people/new.html"),
        "new-person-with-errors": (new_person_with_errors,
                                   "templates/people/new.html, templates/_macros.html"),
        "new-account": (visit(lambda seed: seed.person + "/account"),
                        "templates/accounts/new.html"),
        "history-hr": (visit(lambda seed: f"/conversations/{seed.conversation_id}/history"),
                       "templates/audit/history.html, audit/_lines.html"),
        "export": (visit(lambda seed: seed.person + "/export"),
                   "templates/privacy/export.html"),
        "anonymise": (visit(lambda seed: seed.person + "/anonymise"),
                      "templates/privacy/remove.html"),
        "delete": (visit(lambda seed: seed.person + "/delete"),
                   "templates/privacy/remove.html"),
        "delete-with-errors": (removal_with_errors,
                               "templates/privacy/remove.html, templates/_macros.html"),
        "follow-up-hr": (visit(lambda seed: "/follow-up"), "templates/followup/index.html"),
        "anonymised-person": (anonymised_person,
                              "templates/people/show.html, privacy/_person_privacy.html, "
                              "_macros.html (anonymised_note)"),
    },
    "employee": {
        "looking-back-read-only": (visit(lambda seed: seed.phase("looking-back")),
                                   "templates/conversations/phase.html, _summary.html"),
        "overview-employee": (visit(lambda seed: seed.phase("overview")),
                              "templates/conversations/_overview.html, _reaction.html"),
        "timeline-employee": (visit(lambda seed: seed.person + "/timeline"),
                              "templates/history/timeline.html"),
        "follow-up-employee": (visit(lambda seed: "/follow-up"),
                               "templates/followup/index.html, _agreement.html"),
        "check-in-employee": (check_in_page, "templates/followup/check_in.html (read)"),
        "summary-employee": (visit(lambda seed: f"/conversations/{seed.conversation_id}"
                                                "/summary"),
                             "templates/signoff/summary.html, signoff/_document.html"),
        "prepare-employee": (visit(lambda seed: seed.phase("prepare")),
                             "templates/preparation/prepare.html, _save_status.html"),
    },
}

# The manager's pages.
PAGES = {
    "home": (visit(lambda seed: "/"), "templates/people/index.html"),
    "person": (visit(lambda seed: seed.person), "templates/people/show.html"),
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
    "looking-back-carried": (looking_back_with_carry_over,
                             "templates/conversations/_carried.html, _carried_goal.html, "
                             "_previous_agreement.html, _followups.html"),
    "agreements-carry": (carry_forward_step,
                         "templates/conversations/_carry_forward.html"),
    "delete-draft": (delete_draft_confirm, "templates/conversations/delete.html"),
    "history": (visit(lambda seed: f"/conversations/{seed.conversation_id}/history"),
                "templates/audit/history.html, audit/_lines.html"),
    "timeline": (timeline_with_history, "templates/history/timeline.html"),
    "overview-completed": (completed_overview,
                           "templates/conversations/_overview.html (the .ics link)"),
    "follow-up": (visit(lambda seed: "/follow-up"),
                  "templates/followup/index.html, _agreement.html"),
    "check-in": (check_in_page, "templates/followup/check_in.html, _agreement.html"),
    "person-with-check-ins": (visit(lambda seed: seed.person),
                              "templates/people/show.html, followup/_person_check_ins.html"),
    "move-with-error": (move_with_error, "templates/followup/agreement.html, _macros.html"),
    "summary-confirmed": (summary_confirmed_by_manager,
                          "templates/signoff/summary.html, signoff/_document.html"),
    "prepare": (visit(lambda seed: seed.phase("prepare")),
                "templates/preparation/prepare.html, _save_status.html"),
    "prepared-in-the-meeting": (prepared_in_the_meeting,
                                "templates/preparation/_prepared_answer.html, "
                                "_in_meeting.html"),
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


def _as(page, person, admin, lang, browser_login):
    page.context.clear_cookies()
    if person is not None:
        browser_login(page.context, person, admin=admin)
    if lang == "en":
        page.goto("/login" if person is None else "/")
        page.get_by_role("button", name="English").click()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_on_any_page(page, seeded, lang, browser_login, hr, employee,
                                       manager):
    """One browser session per language walks every page (faster than one per page);
    the failure message lists each page's violations with the templates involved."""
    people = {None: None, "admin": hr, "employee": employee, "manager": manager}
    walks = [(role, ROLE_PAGES[role]) for role in ROLE_PAGES] + [("manager", PAGES)]
    found = {}
    for role, pages in walks:
        _as(page, people[role], role == "admin", lang, browser_login)
        for name, (go, source) in pages.items():
            go(page, seeded)
            _check(page, lang, name, source, found)

    assert found == {}, f"axe found violations ({lang}):\n" + "\n".join(
        f"== {name} ({url}), from {source}:\n{report(violations)}"
        for name, (url, source, violations) in found.items())


def _check(page, lang, name, source, found):
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    violations = AXE.run(page).response["violations"]
    if violations:
        found[name] = (page.url, source, violations)
