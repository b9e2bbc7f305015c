"""App-wide behaviour: migrations match the models, the demo team, error pages."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from voortgang.conversations.models import Conversation, Status
from voortgang.demo import DEMO_PASSWORD, database_is_empty, load_demo
from voortgang.extensions import db
from voortgang.people.models import Person


def test_migrations_match_the_models(app):
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []


def test_demo_organisation_gives_a_working_app_at_once(anonymous, app):
    assert database_is_empty()
    assert load_demo() == 10
    assert not database_is_empty()
    anonymous.post("/login", data={"email": "sanne@voortgang.demo",
                                   "password": DEMO_PASSWORD})
    page = anonymous.get("/").get_data(as_text=True)
    for name in ("Sanne de Vries", "Jan Bakker", "Fatima El Amrani"):
        assert name in page
    assert "Noor Hendriks" not in page  # another team
    earlier = db.session.scalar(db.select(Conversation).order_by(Conversation.id))
    assert earlier.status is Status.COMPLETED and earlier.agreements
    assert earlier.completed_at.date() == earlier.held_on


def test_seed_demo_command_only_fills_an_empty_database_and_prints_logins(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo", "--if-empty"]).output
    assert "Demo loaded: 10 people" in first
    assert "sanne@voortgang.demo" in first and DEMO_PASSWORD in first
    again = runner.invoke(args=["seed-demo", "--if-empty"]).output
    assert "not loaded" in again and "eva@voortgang.demo" in again
    assert db.session.scalar(db.select(db.func.count(Person.id))) == 10


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


@pytest.mark.parametrize("app_config", [{"BABEL_DEFAULT_TIMEZONE": "Pacific/Kiritimati"},
                                        {"BABEL_DEFAULT_TIMEZONE": "Pacific/Pago_Pago"}])
def test_a_new_review_is_dated_today_in_the_configured_time_zone(app_config, client,
                                                                 employee):
    """UTC+14 and UTC-11 never share a date: the server's own date fits at most one."""
    zone = ZoneInfo(app_config["BABEL_DEFAULT_TIMEZONE"])
    page = client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert f'value="{datetime.now(zone).date().isoformat()}"' in page
