"""A small demo organisation, so a new user sees a working app at once.

Two teams under one director, and HR. Everyone can log in with the demo password,
which is printed by `make run`; it is for trying Voortgang out, never for real use.
"""
from datetime import date, datetime, time, timedelta, timezone

from .accounts.models import Account

from .conversations.models import (Agreement, AgreementKind, AgreementStatus, Answer,
                                   Conversation, Goal, GoalKind, GoalPeriod, Outcome, Owner,
                                   Status)
from .extensions import db
from .people.models import Person


def database_is_empty():
    return db.session.scalar(db.select(db.func.count(Person.id))) == 0


DEMO_PASSWORD = "demo-voortgang"
DEMO_DOMAIN = "voortgang.demo"


def load_demo(today=None):
    """Add HR, a director, two teams with their managers, and two earlier reviews."""
    today = today or date.today()
    director = Person(name="Ruud Kok", job_title="Directeur operatie")
    hr = Person(name="Eva Mulder", job_title="HR-adviseur", manager=director)
    manager = Person(name="Sanne de Vries", job_title="Teamleider klantenservice",
                     manager=director)
    team = [
        Person(name="Jan Bakker", job_title="Medewerker klantenservice", manager=manager),
        Person(name="Fatima El Amrani", job_title="Senior adviseur", manager=manager),
        Person(name="Pieter Jansen", job_title="Planner", manager=manager),
        Person(name="Lotte Visser", job_title="Trainee", manager=manager),
    ]
    other_manager = Person(name="Bram Peters", job_title="Teamleider logistiek",
                           manager=director)
    other_team = [
        Person(name="Noor Hendriks", job_title="Magazijnmedewerker", manager=other_manager),
        Person(name="Daan Smit", job_title="Chauffeur", manager=other_manager),
    ]
    people = [director, hr, manager, *team, other_manager, *other_team]
    db.session.add_all(people)
    for person in people:
        db.session.add(_demo_account(person, is_admin=person is hr))
    _earlier_review(team[1], manager, today)
    _follow_up(team[0], manager, today)
    _other_team_review(other_team[0], other_manager, today)
    _planned_review(team[0], manager, today)
    db.session.commit()
    return len(people)


def _demo_account(person, is_admin=False):
    account = Account(person=person, is_admin=is_admin,
                      email=f"{person.name.split()[0].lower()}@{DEMO_DOMAIN}")
    account.set_password(DEMO_PASSWORD)
    return account


def demo_logins():
    """(email, name, role) of the demo accounts in the database, HR and managers first."""
    accounts = db.session.scalars(
        db.select(Account).where(Account.email.endswith("@" + DEMO_DOMAIN))).all()
    order = {"admin": 0, "manager": 1, "employee": 2}
    return sorted(((a.email, a.person.name, a.role) for a in accounts),
                  key=lambda row: (order[row[2].value], row[1]))


def _other_team_review(employee, manager, today):
    held = today - timedelta(days=120)
    review = Conversation(
        employee=employee, manager=manager, held_on=held, status=Status.COMPLETED,
        period_start=held - timedelta(days=365), period_end=held,
        next_evaluation_on=today + timedelta(days=30),
        completed_at=datetime.combine(held, time(14, 5), tzinfo=timezone.utc),
    )
    review.answers = [
        Answer(question_key="enjoyment", text="Het werk is fijn, maar ik slaap slecht "
               "door de vroege diensten."),
        Answer(question_key="needs", text="Minder vroege diensten, vaker de late."),
    ]
    review.agreements = [
        Agreement(description="Bram zet Noor vanaf volgende maand vaker op de late dienst",
                  owner=Owner.MANAGER, due_on=held + timedelta(days=30),
                  kind=AgreementKind.SUPPORT, status=AgreementStatus.OPEN),
    ]
    db.session.add(review)


def _earlier_review(employee, manager, today):
    held = today - timedelta(days=182)
    review = Conversation(
        employee=employee, manager=manager, held_on=held,
        period_start=held - timedelta(days=182), period_end=held,
        status=Status.COMPLETED, next_evaluation_on=today + timedelta(days=14),
        completed_at=datetime.combine(held, time(10, 45), tzinfo=timezone.utc),
    )
    review.answers = [
        Answer(question_key="obstacles", text="De overstap naar het nieuwe ticketsysteem "
               "kostte in maart veel tijd; samen met IT een werkinstructie gemaakt."),
        Answer(question_key="enjoyment", text="Veel plezier in het inwerken van nieuwe "
               "collega's, minder in de avonddiensten."),
        Answer(question_key="ambitions", text="Doorgroeien naar teamcoach."),
        Answer(question_key="learning", text="Een training coachend leidinggeven."),
    ]
    review.goals = [
        Goal(description="Klanttevredenheid van het team boven de 8",
             kind=GoalKind.JOB, outcome=Outcome.MET),
        Goal(description="Twee nieuwe collega's inwerken", kind=GoalKind.JOB,
             outcome=Outcome.PARTLY),
        # Set for the period since: her next review opens with these to look back on.
        Goal(description="Elke maand een klantcasus bespreken met het team",
             kind=GoalKind.JOB, period=GoalPeriod.COMING),
        Goal(description="Eerste stappen als teamcoach zetten", kind=GoalKind.PERSONAL,
             period=GoalPeriod.COMING),
    ]
    review.agreements = [
        Agreement(description="Fatima volgt de training coachend leidinggeven",
                  owner=Owner.EMPLOYEE, due_on=today + timedelta(days=60),
                  kind=AgreementKind.TRAINING, status=AgreementStatus.OPEN),
        Agreement(description="Sanne regelt budget voor de training",
                  owner=Owner.MANAGER, due_on=held + timedelta(days=30),
                  kind=AgreementKind.SUPPORT, status=AgreementStatus.DONE),
        Agreement(description="Fatima schrijft een werkinstructie voor het nieuwe "
                  "ticketsysteem", owner=Owner.EMPLOYEE, due_on=held + timedelta(days=90),
                  kind=AgreementKind.OTHER, status=AgreementStatus.OPEN),
    ]
    db.session.add(review)


def _follow_up(employee, manager, today):
    """Something to follow up at once: Jan's review of three months ago, one of its
    agreements overdue, one due soon, and a check-in planned for next week."""
    from .followup.models import CheckIn
    held = today - timedelta(days=91)
    review = Conversation(
        employee=employee, manager=manager, held_on=held, status=Status.COMPLETED,
        period_start=held - timedelta(days=182), period_end=held,
        next_evaluation_on=today + timedelta(days=91),
        completed_at=datetime.combine(held, time(15, 20), tzinfo=timezone.utc),
    )
    review.answers = [
        Answer(question_key="learning", text="Meer weten over klachtafhandeling."),
    ]
    review.agreements = [
        Agreement(description="Jan schrijft zich in voor de cursus klachtafhandeling",
                  owner=Owner.EMPLOYEE, due_on=today - timedelta(days=10),
                  kind=AgreementKind.TRAINING, status=AgreementStatus.OPEN),
        Agreement(description="Sanne plant een meeloopdag bij de tweede lijn voor Jan",
                  owner=Owner.MANAGER, due_on=today + timedelta(days=9),
                  kind=AgreementKind.SUPPORT, status=AgreementStatus.OPEN),
    ]
    db.session.add(review)
    db.session.add(CheckIn(employee=employee, manager=manager, review=review,
                           planned_on=today + timedelta(days=5)))


def _planned_review(employee, manager, today):
    """A review planned a week ahead, which the manager has begun to prepare: both
    see it on their start page; the employee has not prepared yet."""
    from .preparation.models import PreparedAnswer
    review = Conversation(employee=employee, manager=manager,
                          held_on=today + timedelta(days=7),
                          period_start=today - timedelta(days=180), period_end=today)
    db.session.add(review)
    db.session.add_all([
        PreparedAnswer(conversation=review, author=manager, question_key="contribution",
                       text="Jan loste in oktober de storing in de wachtrij op en "
                            "schreef er een handleiding bij."),
        PreparedAnswer(conversation=review, author=manager, question_key="growth",
                       text="Vragen of Jan nieuwe collega's wil inwerken."),
    ])
