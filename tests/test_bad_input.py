"""Odd requests, as a prober sends them, get a clear 4xx and a message, never a 500."""
import io
import re

import pytest

from voortgang.extensions import db
from voortgang.people.models import Person

NOT_UNDERSTOOD = "Het verzoek was niet te begrijpen."
ONLY_FORMS = "Deze pagina accepteert alleen wat de eigen formulieren versturen."


def _people():
    return db.session.scalars(db.select(Person.name)).all()


@pytest.mark.parametrize("host", ["a" * 70, "a" * 64 + ".example", "a..b"])
def test_a_host_name_werkzeug_refuses_gets_the_error_page(client, host):
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert NOT_UNDERSTOOD in page
    assert 'href="/">Terug naar het overzicht van personen</a>' in page
    assert re.search(r'href="/static/css/app\.[0-9a-f]{12}\.css"', page)


@pytest.mark.parametrize("body", [[1, 2], "x", {"name": 123}, {"name": "Eva"}])
def test_a_json_body_is_refused_and_adds_nobody(admin_client, body):
    before = _people()
    response = admin_client.post("/people/new", json=body)
    assert response.status_code == 415
    assert ONLY_FORMS in response.get_data(as_text=True)
    assert _people() == before


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml"])
def test_other_bodies_are_refused_on_every_form(client, conversation, phase_url,
                                                content_type):
    response = client.post(phase_url(conversation, "looking-back"),
                           data=b"answer_obstacles=x", content_type=content_type)
    assert response.status_code == 415
    assert conversation.answer_texts() == {}


def test_an_uploaded_file_is_not_taken_for_a_name(admin_client):
    before = _people()
    response = admin_client.post("/people/new", data={
        "name": (io.BytesIO(b"Eva"), "name.txt"), "manager": "0"})
    assert response.status_code == 415  # only the beacon's FormData may be multipart
    assert _people() == before


def test_form_bytes_that_are_not_utf8_are_refused_not_called_saved(htmx, conversation,
                                                                    phase_url):
    response = htmx.post(phase_url(conversation, "looking-back"),
                         data=b"answer_obstacles=caf\xe9",
                         content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert NOT_UNDERSTOOD in response.get_data(as_text=True)
    assert conversation.answer_texts() == {}


def test_percent_escapes_that_are_not_utf8_are_kept_as_typed(htmx, conversation,
                                                             phase_url):
    response = htmx.post(phase_url(conversation, "looking-back"),
                         data=b"answer_obstacles=caf%E9+%FF",
                         content_type="application/x-www-form-urlencoded")
    assert "Bewaard om" in response.get_data(as_text=True)
    assert conversation.answer_texts()["obstacles"] == "caf%E9 %FF"


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_a_json_body_is_refused_before_the_token_is_asked_for(client):
    response = client.post("/people/new", json={"name": "Eva"})
    assert response.status_code == 415
    assert ONLY_FORMS in response.get_data(as_text=True)


@pytest.mark.parametrize("target", [
    "/\r\nSet-Cookie: x=1",
    "/?a=\r\nSet-Cookie: x=1",
    "/conversations/1/x\r\nSet-Cookie: x=1",
    "/people/1\nX-Injected: 1",
    "/\u2028",
])
def test_a_line_break_in_the_language_target_goes_home(client, target):
    response = client.post("/language", data={"lang": "en", "next": target})
    assert response.status_code == 303
    assert response.location == "/"
    assert "x=1" not in str(response.headers) and "X-Injected" not in response.headers
    assert "Whose progress review is it?" in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("target, location", [
    ("/%0d%0aSet-Cookie:%20x=1", "/"),  # no such page
    ("/?a=%0d%0aSet-Cookie:x=1", "/?a=%0d%0aSet-Cookie:x=1"),  # stays encoded
    ("/?q=\u2603", "/?q=%E2%98%83"),
])
def test_encoded_or_unicode_language_targets_stay_one_header(client, target, location):
    response = client.post("/language", data={"lang": "en", "next": target})
    assert response.status_code == 303
    assert response.location == location
    assert "x=1" not in "".join(response.headers.getlist("Set-Cookie"))
