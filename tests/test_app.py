"""App-wide behaviour: migrations match the models, the demo team, error pages."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from voortgang.conversations.models import Conversation, Status
from voortgang.demo import database_is_empty, load_demo
from voortgang.extensions import db
from voortgang.people.models import Person


def test_migrations_match_the_models(app):
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []


def test_demo_team_gives_a_working_app_at_once(client, app):
    assert database_is_empty()
    assert load_demo() == 5
    assert not database_is_empty()
    page = client.get("/").get_data(as_text=True)
    for name in ("Sanne de Vries", "Jan Bakker", "Fatima El Amrani"):
        assert name in page
    earlier = db.session.scalar(db.select(Conversation))
    assert earlier.status is Status.COMPLETED and earlier.agreements
    assert earlier.completed_at.date() == earlier.held_on


def test_seed_demo_command_only_fills_an_empty_database(app):
    runner = app.test_cli_runner()
    assert "5" in runner.invoke(args=["seed-demo", "--if-empty"]).output
    assert "not loaded" in runner.invoke(args=["seed-demo", "--if-empty"]).output
    assert db.session.scalar(db.select(db.func.count(Person.id))) == 5


def test_error_page_in_english(english):
    response = english.get("/people/12345")
    assert response.status_code == 404
    assert "This page does not exist" in response.get_data(as_text=True)


def test_error_fragment_for_htmx(htmx):
    response = htmx.get("/conversations/12345/looking-back")
    body = response.get_data(as_text=True)
    assert response.status_code == 404 and "<html" not in body and 'role="alert"' in body


def test_wrong_method_is_a_clear_405(client):
    response = client.delete("/")
    assert response.status_code == 405
    assert "Die actie kan niet op deze pagina." in response.get_data(as_text=True)
