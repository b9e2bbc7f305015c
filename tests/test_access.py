"""Who may reach what: every route, for every role, against one table.

A route that is not in the table fails `test_every_route_has_a_rule`, so nobody can
add a page without deciding who may see it. Allowed means the view answered (a page,
a redirect after a save, or a 422 that explains the input); the rest is the login
page for visitors, 404 for what a person may not see, and 403 for a review the
employee may read but not change.
"""
from datetime import date

import pytest

from voortgang.conversations.models import (Agreement, AgreementReview, Conversation, Goal,
                                            GoalPeriod, Owner, Status)
from voortgang.followup.models import CheckIn

ROLES = ("anonymous", "employee", "manager", "other_manager", "other_employee", "admin")
OK, LOGIN, HIDDEN, FORBIDDEN = "allowed", "login", 404, 403

#            anonymous  employee    manager  other_mgr  other_emp  admin
RULES = {
    ("GET", "people.index"):
        (LOGIN, OK, OK, OK, OK, OK),
    ("GET", "people.show"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, OK),
    ("GET", "people.create"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "people.create"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("GET", "people.edit"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "people.edit"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "conversations.start"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, FORBIDDEN),
    ("GET", "conversations.show"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "conversations.phase"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.save_phase"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.dismiss_followup"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.note_followup"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.check_agreement"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.complete"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "conversations.list_items"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.add_item"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "conversations.edit_item"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.edit_item"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.delete_item"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    # Carry-over: rating what came back, carrying it along, deleting an unstarted draft.
    ("POST", "conversations.rate_goal"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.rate_agreement"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.carry_into_new_period"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "conversations.delete_draft"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.delete_draft"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "conversations.saved_agreement_advice"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "conversations.save_reaction"):
        (LOGIN, OK, FORBIDDEN, HIDDEN, HIDDEN, HIDDEN),
    # Each side's own preparation and private notes: theirs alone, not even HR's.
    ("GET", "preparation.prepare"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "preparation.save"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "preparation.share"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "preparation.save_note"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    # Who changed what and when, no review text: the review's people, and HR.
    ("GET", "audit.history"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, OK),
    ("GET", "accounts.create_account"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "accounts.create_account"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "accounts.new_link"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "accounts.set_active"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    # Privacy requests: HR alone sees everything about a person, and removes it.
    ("GET", "privacy.export"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("GET", "privacy.export_json"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("GET", "privacy.delete"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "privacy.delete"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("GET", "privacy.anonymise"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    ("POST", "privacy.anonymise"):
        (LOGIN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, OK),
    # Open to all: logging in and out, choosing a password from a link, the language.
    ("POST", "accounts.logout"):
        (OK, OK, OK, OK, OK, OK),
    ("GET", "accounts.login"):
        (OK, OK, OK, OK, OK, OK),
    ("POST", "accounts.login"):
        (OK, OK, OK, OK, OK, OK),
    # (with a token that is not valid: the page says the link no longer works)
    ("GET", "accounts.set_password"):
        (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "accounts.set_password"):
        (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "i18n.switch"):
        (OK, OK, OK, OK, OK, OK),
    # For the load balancer: whether the database answers, nothing else.
    ("GET", "health.healthz"):
        (OK, OK, OK, OK, OK, OK),
    ("POST", "display.switch"):
        (OK, OK, OK, OK, OK, OK),
    # Calendar files and the timeline hold what was said: the review's people only.
    ("GET", "calendar.next_review"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "calendar.agreement_deadline"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "history.timeline"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    # Follow-up between reviews: a manager's people, an employee's own; HR is told
    # that agreements are review content (a page without any).
    ("GET", "followup.index"):
        (LOGIN, OK, OK, OK, OK, OK),
    # Done or moved, also after sign-off: the manager side and the employee.
    ("POST", "followup.mark_done"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "followup.move"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    # Interim check-ins: planned and held by the manager side, read by the employee.
    ("POST", "followup.plan_check_in"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, FORBIDDEN),
    ("GET", "followup.check_in"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "followup.save_check_in"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "followup.delete_check_in"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
    # The summary and its files: the review's people only (HR sees no words of it).
    ("GET", "signoff.summary"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "signoff.summary_pdf"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("GET", "signoff.summary_markdown"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    # Each side confirms for itself; reopening is the manager's side's.
    ("POST", "signoff.sign"):
        (LOGIN, OK, OK, HIDDEN, HIDDEN, HIDDEN),
    ("POST", "signoff.reopen"):
        (LOGIN, FORBIDDEN, OK, HIDDEN, HIDDEN, HIDDEN),
}

# What to send: the routes' URL parts point at Jan's review, its goal and agreement.
FORMS = {
    "conversations.start": {"held_on": "2027-01-10", "manager": "{manager}"},
    "conversations.save_phase": {"answer_obstacles": "Veel werk"},
    "conversations.dismiss_followup": {"key": "short:obstacles"},
    "conversations.note_followup": {"key": "short_answer:obstacles"},
    "conversations.check_agreement": {"prefix": "new-agreement",
                                      "new-agreement-description": "Jan belt"},
    "conversations.complete": {"confirm_not_concrete": "yes"},
    "conversations.add_item": {"new-goal-description": "Nieuw doel",
                               "new-goal-kind": "job"},
    "conversations.edit_item": {"goal-{goal}-description": "Ander doel",
                                "goal-{goal}-kind": "job"},
    "conversations.save_reaction": {"reaction": "Een goed gesprek."},
    "preparation.save": {"answer_growth": "Meer verantwoordelijkheid"},
    "preparation.share": {"question": "growth", "back": "prepare",
                          "answer_growth": "Meer verantwoordelijkheid"},
    "preparation.save_note": {"note": "Iets voor mezelf", "back": "looking-back"},
    "conversations.rate_goal": {"carried-goal-{goal_id}-outcome": "partly",
                                "carried-goal-{goal_id}-comment": "Bijna"},
    "conversations.rate_agreement": {"previous-agreement-{review_id}-verdict": "done",
                                     "previous-agreement-{review_id}-comment": "Gedaan"},
    "people.create": {"name": "Nieuw Iemand", "manager": "0"},
    "people.edit": {"name": "Jan Bakker", "manager": "{manager}"},
    "accounts.create_account": {"email": "jan.nieuw@example.org"},
    "accounts.set_active": {"active": "no"},
    "accounts.login": {"email": "niemand@example.org", "password": "fout wachtwoord"},
    "accounts.set_password": {"password": "een lang wachtwoord", "repeat": "anders"},
    "i18n.switch": {"lang": "en", "next": "/"},
    "display.switch": {"presentation": "on", "next": "/"},
    "signoff.reopen": {"reason": "De datum klopte niet."},
    "privacy.delete": {"confirm_name": "Jan Bakker"},
    "privacy.anonymise": {"confirm_name": "Jan Bakker"},
    "followup.mark_done": {"done-{agreement_id}-done_on": "2026-11-30"},
    "followup.move": {"move-{agreement_id}-due_on": "2027-04-01"},
    "followup.plan_check_in": {"planned_on": "2027-01-15"},
    "followup.save_check_in": {"note": "Loopt goed", "next_step": "Cursus boeken",
                               "held": "yes"},
}


@pytest.fixture
def world(create_person, login, app):
    """Two teams under their managers, HR, and a review of Jan with a goal and an
    agreement. Returns a client per role and the ids the URLs need."""
    from voortgang.extensions import db
    sanne = create_person("Sanne de Vries")
    jan = create_person("Jan Bakker", manager=sanne)
    bram = create_person("Bram Peters")
    noor = create_person("Noor Hendriks", manager=bram)
    eva = create_person("Eva Mulder")
    earlier = Conversation(employee=jan, manager=sanne, held_on=date(2026, 5, 27),
                           status=Status.COMPLETED)
    earlier.agreements.append(Agreement(description="Jan leest de handleiding",
                                        owner=Owner.EMPLOYEE))
    earlier.goals.append(Goal(description="Minder wachttijd", period=GoalPeriod.COMING))
    review = Conversation(employee=jan, manager=sanne, held_on=date(2026, 11, 27),
                          next_evaluation_on=date(2027, 5, 11), previous=earlier)
    review.goals.append(Goal(description="Klanttevredenheid boven de 8"))
    review.agreements.append(Agreement(description="Jan volgt de cursus",
                                       owner=Owner.EMPLOYEE, due_on=date(2027, 3, 1)))
    db.session.add_all([earlier, review])
    db.session.flush()
    # The previous review's goal for this period, and its open agreement, to review here.
    carried = Goal(conversation=review, description="Minder wachttijd",
                   carried_from_id=earlier.goals[0].id)
    # The previous review's open agreement, to be reviewed in this one.
    looked_back = AgreementReview(conversation=review, agreement=earlier.agreements[0])
    db.session.add_all([carried, looked_back])
    db.session.commit()
    check_in = CheckIn(employee_id=jan.id, manager_id=sanne.id, review_id=review.id,
                       planned_on=date(2027, 1, 20))
    db.session.add(check_in)
    db.session.commit()
    clients = {"anonymous": app.test_client()}
    for role, person in [("employee", jan), ("manager", sanne), ("other_manager", bram),
                         ("other_employee", noor), ("admin", eva)]:
        clients[role] = login(app.test_client(), person, admin=role == "admin")
    ids = {"person_id": jan.id, "conversation_id": review.id, "item_id": review.goals[0].id,
           "manager": sanne.id, "goal": review.goals[0].id, "goal_id": carried.id,
           "review_id": looked_back.id, "agreement_id": review.agreements[0].id,
           "check_in_id": check_in.id}
    return clients, ids


def _url(app, endpoint, ids):
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    values = {"phase_slug": "looking-back", "collection": "goals", "token": "not-a-token"}
    values.update({k: v for k, v in ids.items() if k in rule.arguments})
    if endpoint == "conversations.saved_agreement_advice":
        values["item_id"] = ids["agreement"]
    with app.test_request_context():
        from flask import url_for
        return url_for(endpoint, **{k: v for k, v in values.items() if k in rule.arguments})


def _outcome(response, endpoint):
    if response.status_code in (403, 404):
        return response.status_code
    if response.status_code in (301, 302, 303) and "/login" in response.location \
            and endpoint not in ("accounts.login", "accounts.logout"):
        return LOGIN
    assert response.status_code < 500
    return OK


def test_every_route_has_a_rule(app):
    routes = {(method, rule.endpoint) for rule in app.url_map.iter_rules()
              for method in rule.methods - {"HEAD", "OPTIONS"} if rule.endpoint != "static"}
    assert routes - RULES.keys() == set(), "routes without a rule in RULES"
    assert RULES.keys() - routes == set(), "rules for routes that do not exist"


@pytest.mark.parametrize("method,endpoint", sorted(RULES))
@pytest.mark.parametrize("role", ROLES)
def test_route_is_allowed_or_denied_as_the_table_says(app, world, role, method, endpoint):
    from voortgang.extensions import db
    clients, ids = world
    review = db.session.get(Conversation, ids["conversation_id"])
    ids = {**ids, "agreement": review.agreements[0].id}
    url = _url(app, endpoint, ids)
    client = clients[role]
    if method == "GET":
        response = client.get(url)
    else:
        data = {k.format(**ids): str(v).format(**ids)
                for k, v in FORMS.get(endpoint, {}).items()}
        response = client.post(url, data=data)
    expected = RULES[(method, endpoint)][ROLES.index(role)]
    assert _outcome(response, endpoint) == expected, \
        f"{role} {method} {url}: got {response.status_code}, expected {expected}"
