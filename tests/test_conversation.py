"""Holding the review: start it, walk the phases, autosave answers, complete it."""
from datetime import date

import pytest

from voortgang.conversations.models import Answer, Conversation, Status
from voortgang.conversations.questions import ANSWER_MAX_LENGTH, PHASES
from voortgang.extensions import db

PHASE_SLUGS = [phase.slug for phase in PHASES]


def test_start_review_opens_looking_back(phase_url, client, employee, manager):
    response = client.post(f"/people/{employee.id}/conversations", data={
        "held_on": "2026-11-27", "manager": manager.id,
        "period_start": "2026-05-01", "period_end": "2026-10-31"})
    assert response.status_code == 303
    review = db.session.scalar(db.select(Conversation))
    assert response.location.endswith(phase_url(review, "looking-back"))
    assert (review.employee, review.manager, review.held_on) == (employee, manager,
                                                                 date(2026, 11, 27))
    page = client.get(response.location).get_data(as_text=True)
    assert "Voortgangsgesprek van Jan Bakker" in page
    assert "vrijdag 27 november 2026" in page


def test_start_review_with_bad_dates_explains_and_keeps_input(client, employee, manager):
    response = client.post(f"/people/{employee.id}/conversations", data={
        "held_on": "2026-13-45", "manager": manager.id,
        "period_start": "2026-10-01", "period_end": "2026-01-01"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul een geldige datum in" in page
    assert "De periode kan niet eindigen voordat hij begint." in page
    assert 'value="2026-10-01"' in page
    assert db.session.scalar(db.select(db.func.count(Conversation.id))) == 0


def test_second_review_remembers_the_previous_one(client, conversation, employee, manager):
    client.post(f"/people/{employee.id}/conversations",
                data={"held_on": "2027-05-27", "manager": manager.id})
    newest = db.session.scalar(db.select(Conversation).order_by(Conversation.id.desc()))
    assert newest.previous == conversation


@pytest.mark.parametrize("slug", PHASE_SLUGS)
def test_every_phase_as_page_and_as_fragment(phase_url, client, htmx, conversation, slug):
    page = client.get(phase_url(conversation, slug))
    part = htmx.get(phase_url(conversation, slug))
    assert page.status_code == part.status_code == 200
    assert "<html" in page.get_data(as_text=True)
    fragment = part.get_data(as_text=True)
    assert "<html" not in fragment
    assert fragment.lstrip().startswith('<div id="conversation"')
    assert 'aria-current="step"' in fragment
    assert "<title>" in fragment  # htmx moves it into the head: the tab names the step
    assert "HX-Request" in part.headers["Vary"]


@pytest.mark.parametrize("slug", PHASE_SLUGS)
def test_every_phase_in_english(phase_url, english, conversation, slug):
    page = english.get(phase_url(conversation, slug)).get_data(as_text=True)
    assert "Progress review of Jan Bakker" in page
    assert "Friday, 27 November 2026" in page


def test_history_restore_gets_the_whole_page(phase_url, client, conversation):
    response = client.get(phase_url(conversation, "looking-ahead"), headers={
        "HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in response.get_data(as_text=True)


def test_autosave_stores_answer_and_says_saved(phase_url, htmx, conversation):
    response = htmx.post(phase_url(conversation, "looking-back"),
                         data={"answer_obstacles": "De planning liep uit."})
    assert response.status_code == 200
    assert "Bewaard om" in response.get_data(as_text=True)
    assert conversation.answer_texts()["obstacles"] == "De planning liep uit."
    assert conversation.status is Status.IN_PROGRESS


def test_autosave_overwrites_and_can_clear(phase_url, htmx, conversation):
    url = phase_url(conversation, "looking-ahead")
    htmx.post(url, data={"answer_ambitions": "Teamcoach worden"})
    htmx.post(url, data={"answer_ambitions": "Teamcoach worden in 2027"})
    assert conversation.answer_texts()["ambitions"] == "Teamcoach worden in 2027"
    htmx.post(url, data={"answer_ambitions": ""})
    db.session.expire_all()
    assert conversation.answer_texts()["ambitions"] == ""
    assert db.session.scalar(db.select(db.func.count(Answer.id))) == 1


def test_autosave_of_one_field_leaves_the_others_alone(phase_url, htmx, conversation):
    """A page that shows an old value must not overwrite a newer save of it."""
    url = phase_url(conversation, "looking-back")
    htmx.post(url, data={"answer_obstacles": "Nieuw, net bewaard"})
    htmx.post(url, data={"answer_enjoyment": "Veel plezier"})
    assert conversation.answer_texts() == {"obstacles": "Nieuw, net bewaard",
                                           "enjoyment": "Veel plezier"}


def test_saved_answers_show_again_on_reload(phase_url, client, htmx, conversation):
    htmx.post(phase_url(conversation, "looking-back"),
              data={"answer_enjoyment": "Veel plezier in <b>klantcontact</b>"})
    page = client.get(phase_url(conversation, "looking-back")).get_data(as_text=True)
    assert "Veel plezier in &lt;b&gt;klantcontact&lt;/b&gt;" in page


def test_next_button_saves_and_moves_on_with_htmx(phase_url, htmx, conversation):
    response = htmx.post(phase_url(conversation, "looking-back"),
                         data={"answer_contribution": "Nieuwe werkinstructie", "go": "next"})
    assert response.headers["HX-Push-Url"] == phase_url(conversation, "looking-ahead")
    assert 'data-phase="looking-ahead"' in response.get_data(as_text=True)
    assert conversation.answer_texts()["contribution"] == "Nieuwe werkinstructie"


@pytest.mark.parametrize("go, expected", [("next", "agreements"),
                                          ("previous", "looking-back"),
                                          (None, "looking-ahead")])
def test_plain_post_without_javascript_saves_and_redirects(phase_url, client, conversation, go,
                                                            expected):
    data = {"answer_growth": "Meer projectleiding"}
    if go:
        data["go"] = go
    response = client.post(phase_url(conversation, "looking-ahead"), data=data)
    assert response.status_code == 303
    assert response.location.endswith(phase_url(conversation, expected))
    assert conversation.answer_texts()["growth"] == "Meer projectleiding"


def test_too_long_answer_is_refused_and_rest_kept(phase_url, client, htmx, conversation):
    url = phase_url(conversation, "looking-back")
    long_text = "x" * (ANSWER_MAX_LENGTH + 1)
    autosave = htmx.post(url, data={"answer_obstacles": long_text,
                                    "answer_enjoyment": "Prima"})
    assert autosave.status_code == 422
    assert "Niet bewaard" in autosave.get_data(as_text=True)
    plain = client.post(url, data={"answer_obstacles": long_text,
                                   "answer_enjoyment": "Prima", "go": "next"})
    page = plain.get_data(as_text=True)
    assert plain.status_code == 422
    assert "Houd het onder de 10000 tekens." in page
    assert "Prima" in page  # what else was typed is still on screen
    assert "obstacles" not in conversation.answer_texts()


def test_next_evaluation_date_saved_in_agreements_phase(phase_url, htmx, conversation):
    htmx.post(phase_url(conversation, "agreements"),
              data={"next_evaluation_on": "2027-05-20"})
    assert conversation.next_evaluation_on == date(2027, 5, 20)


def test_invalid_next_evaluation_date_explains(phase_url, htmx, conversation):
    response = htmx.post(phase_url(conversation, "agreements"),
                         data={"next_evaluation_on": "20-05-twintig"})
    assert response.status_code == 422
    assert "Vul een geldige datum in" in response.get_data(as_text=True)
    assert conversation.next_evaluation_on is None


def test_overview_shows_everything_and_completes(phase_url, client, htmx, conversation):
    htmx.post(phase_url(conversation, "looking-back"),
              data={"answer_obstacles": "Drukte in maart"})
    htmx.post(phase_url(conversation, "agreements"),
              data={"answer_check_ins": "Elke maand kort bijpraten",
                    "next_evaluation_on": "2027-05-20"})
    overview = client.get(phase_url(conversation, "overview")).get_data(as_text=True)
    assert "Drukte in maart" in overview and "Elke maand kort bijpraten" in overview
    assert "donderdag 20 mei 2027" in overview
    assert "Niet beantwoord" in overview  # unanswered questions are visible
    response = client.post(f"/conversations/{conversation.id}/complete")
    assert response.status_code == 303
    assert conversation.status is Status.COMPLETED
    assert "Dit gesprek is afgerond op" in client.get(response.location).get_data(
        as_text=True)


def test_conversation_screen_shows_no_other_employees(phase_url, client, conversation,
                                                      create_person, manager):
    create_person("Lotte Visser", manager=manager)
    for slug in PHASE_SLUGS:
        page = client.get(phase_url(conversation, slug)).get_data(as_text=True)
        assert "Lotte Visser" not in page


@pytest.mark.parametrize("url", ["/conversations/999/looking-back",
                                 "/conversations/1/nonsense",
                                 "/conversations/999"])
def test_unknown_conversation_or_phase_is_404(client, url):
    assert client.get(url).status_code == 404


def test_posting_to_unknown_phase_is_404(phase_url, client, conversation):
    assert client.post(phase_url(conversation, "overview")).status_code == 404
    assert client.post(phase_url(conversation, "nonsense")).status_code == 404
