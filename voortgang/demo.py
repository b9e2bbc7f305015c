"""A small demo team, so a new user sees a working app at once."""
from datetime import date, datetime, time, timedelta, timezone

from .conversations.models import (Agreement, AgreementKind, AgreementStatus, Answer,
                                   Conversation, Goal, GoalKind, Outcome, Owner, Status)
from .extensions import db
from .people.models import Person


def database_is_empty():
    return db.session.scalar(db.select(db.func.count(Person.id))) == 0


def load_demo(today=None):
    """Add a manager, four employees and one completed earlier review."""
    today = today or date.today()
    manager = Person(name="Sanne de Vries", job_title="Teamleider klantenservice")
    team = [
        Person(name="Jan Bakker", job_title="Medewerker klantenservice", manager=manager),
        Person(name="Fatima El Amrani", job_title="Senior adviseur", manager=manager),
        Person(name="Pieter Jansen", job_title="Planner", manager=manager),
        Person(name="Lotte Visser", job_title="Trainee", manager=manager),
    ]
    db.session.add_all([manager, *team])
    _earlier_review(team[1], manager, today)
    db.session.commit()
    return 1 + len(team)


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
    ]
    review.agreements = [
        Agreement(description="Fatima volgt de training coachend leidinggeven",
                  owner=Owner.EMPLOYEE, due_on=today + timedelta(days=60),
                  kind=AgreementKind.TRAINING, status=AgreementStatus.OPEN),
        Agreement(description="Sanne regelt budget voor de training",
                  owner=Owner.MANAGER, due_on=held + timedelta(days=30),
                  kind=AgreementKind.SUPPORT, status=AgreementStatus.DONE),
    ]
    db.session.add(review)
