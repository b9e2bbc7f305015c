"""Requests no page of ours sends, each once a server error or an unclear answer
(found by tests/test_fuzz.py): now a clear message, and nothing changes."""
import io
import random

import pytest

from voortgang.accounts.models import Account
from voortgang.extensions import db
from voortgang.people.models import Person

HTMX = {"HX-Request": "true"}


def _people():
    return db.session.scalar(db.select(db.func.count(Person.id)))


@pytest.mark.parametrize("body", [
    {"json": {"name": 5, "manager": "0"}},
    {"json": {"name": {"first": "Anna"}, "manager": "0"}},
    {"json": [1]},
    {"data": {"name": (io.BytesIO(b"%PDF"), "cv.pdf"), "manager": "0"}},
])
def test_a_json_body_or_a_file_is_refused_with_a_message(admin_client, hr, body):
    before = _people()
    response = admin_client.post("/people/new", **body)
    assert response.status_code == 415
    assert "Deze pagina accepteert alleen wat de eigen formulieren versturen." in \
        response.get_data(as_text=True)
    assert _people() == before


def test_the_autosave_beacon_still_sends_its_multipart_form(client, conversation,
                                                            phase_url):
    response = client.post(phase_url(conversation, "looking-back"),
                           data={"answer_obstacles": "Net voor het sluiten",
                                 "autosave": "1"},
                           content_type="multipart/form-data")
    assert response.status_code == 204
    assert conversation.answer_texts()["obstacles"] == "Net voor het sluiten"


@pytest.mark.parametrize("bad", ["http://[", "//[::1"])
def test_an_unreadable_address_to_return_to_leads_to_the_start_page(client, bad):
    response = client.post("/language", data={"lang": "en", "next": bad})
    assert response.status_code == 303 and response.location == "/"
    # A next page that is no page falls back to the referrer, unreadable as well.
    response = client.post("/language", data={"lang": "nl", "next": "/nergens"},
                           headers={"Referer": bad})
    assert response.status_code == 303 and response.location == "/"


def test_an_htmx_save_with_an_unreadable_page_address_still_asks_to_log_in(
        anonymous, conversation, phase_url):
    response = anonymous.post(phase_url(conversation, "looking-back"),
                              data={"answer_obstacles": "tekst"},
                              headers={**HTMX, "HX-Current-URL": "http://["})
    assert response.status_code == 401 and response.headers["HX-Redirect"] == "/login"
    assert "obstacles" not in conversation.answer_texts()


def test_an_expired_password_link_asked_by_htmx_answers_with_a_fragment(anonymous):
    response = anonymous.get("/password/not-a-token", headers=HTMX)
    page = response.get_data(as_text=True)
    assert response.status_code == 404 and "<html" not in page
    assert "Deze link werkt niet meer" in page


def test_a_wrong_new_account_asked_by_htmx_answers_with_a_fragment(admin_client,
                                                                   employee):
    response = admin_client.post(f"/people/{employee.id}/account",
                                 data={"email": "geen adres"}, headers=HTMX)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "<html" not in page
    assert "Vul een e-mailadres in, zoals naam@voorbeeld.nl." in page
    assert db.session.scalar(db.select(db.func.count(Account.id))) == 1  # HR's own


def test_made_up_followups_to_dismiss_do_not_fill_the_session(client, htmx, conversation,
                                                              phase_url):
    url = f"/conversations/{conversation.id}/looking-back/followups/dismiss"
    letters = random.Random(40)
    for _ in range(40):  # many long keys that no suggestion has, and that do not compress
        key = "".join(chr(letters.randrange(0x4E00, 0x9FFF)) for _ in range(80))
        assert htmx.post(url, data={"key": key}).status_code == 200
    htmx.post(phase_url(conversation, "looking-back"),
              data={"answer_feedback_to_employee": "Sterk met klanten"})
    panel = htmx.post(url, data={"key": "one_way_feedback"}).get_data(as_text=True)
    assert "one_way_feedback" not in panel  # a real one is still dismissed
    assert client.get("/").status_code == 200  # still logged in
