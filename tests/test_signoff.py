"""The summary of a completed review, its files, sign-off by both sides, reopening."""
import io
import re
from datetime import date, datetime, timezone

import pytest

from voortgang.audit.models import Action, AuditEvent
from voortgang.conversations.models import (Agreement, AgreementReview, Answer,
                                            Conversation, Goal, GoalPeriod, Outcome, Owner,
                                            Status, Verdict)
from voortgang.extensions import db
from voortgang.preparation.models import PreparedAnswer, PrivateNote
from voortgang.signoff.models import Reopening


@pytest.fixture
def previous(employee, manager):
    review = Conversation(employee=employee, manager=manager, held_on=date(2026, 5, 1),
                          status=Status.COMPLETED)
    review.agreements.append(Agreement(description="Jan leert plannen met Excel",
                                       owner=Owner.EMPLOYEE, due_on=date(2026, 9, 1)))
    db.session.add(review)
    db.session.commit()
    return review


@pytest.fixture
def completed(conversation, previous, employee, manager):
    """Jan's review, completed, with something in every part of the summary."""
    c = conversation
    c.previous = previous
    c.answers.append(Answer(question_key="obstacles", text="De overdracht liep stroef."))
    c.answers.append(Answer(question_key="ambitions", text="Meer klantcontact."))
    c.goals.append(Goal(description="Klanttevredenheid boven de 8", outcome=Outcome.PARTLY,
                        comment="Bijna gehaald, 7,8."))
    c.goals.append(Goal(description="Teamdag organiseren", period=GoalPeriod.COMING))
    c.agreements.append(Agreement(description="Jan volgt de cursus timemanagement",
                                  owner=Owner.EMPLOYEE, due_on=date(2027, 3, 1)))
    c.next_evaluation_on = date(2027, 5, 12)
    c.employee_reaction = "Ik voelde me gehoord."
    c.status = Status.COMPLETED
    c.completed_at = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)
    db.session.add(AgreementReview(conversation=c, agreement=previous.agreements[0],
                                   verdict=Verdict.PARTLY, comment="Halverwege de cursus."))
    db.session.add(PreparedAnswer(conversation=c, author=manager, question_key="obstacles",
                                  text="GEHEIM-voorbereiding-Sanne"))
    db.session.add(PrivateNote(conversation=c, author=employee, text="GEHEIM-notitie-Jan"))
    db.session.add(PrivateNote(conversation=c, author=manager, text="GEHEIM-notitie-Sanne"))
    db.session.commit()
    return c


@pytest.fixture
def jan(app, login, employee):
    return login(app.test_client(), employee)


def summary(conversation):
    return f"/conversations/{conversation.id}/summary"


def sign(client, conversation):
    return client.post(f"/conversations/{conversation.id}/sign")


def test_summary_holds_every_part_of_the_review(english, completed):
    page = english.get(summary(completed)).get_data(as_text=True)
    for text in ["De overdracht liep stroef.", "Meer klantcontact.",
                 "Klanttevredenheid boven de 8", "Partly met", "Bijna gehaald, 7,8.",
                 "Jan leert plannen met Excel", "Partly done", "Halverwege de cursus.",
                 "Teamdag organiseren", "Goals for the coming period",
                 "Jan volgt de cursus timemanagement", "1 March 2027",
                 "Wednesday, 12 May 2027", "Ik voelde me gehoord.",
                 "In Jan Bakker's own words"]:
        assert text in page, text
    # The owner of the agreement by name, next to it.
    agreement = page.index("Jan volgt de cursus timemanagement")
    assert "Jan Bakker" in page[agreement:agreement + 600]
    assert "has not confirmed yet" in page


def test_summary_is_dutch_for_a_dutch_interface(client, completed):
    page = client.get(summary(completed)).get_data(as_text=True)
    assert "Samenvatting" in page and "12 mei 2027" in page


def test_summary_never_shows_preparation_or_private_notes(app, client, jan, completed):
    for viewer in (client, jan):
        for suffix in ("", ".md"):
            body = viewer.get(summary(completed) + suffix).get_data(as_text=True)
            assert "GEHEIM" not in body
    assert client.get(summary(completed) + ".pdf").status_code == 200
    # The PDF's words are compressed: read them from the laid-out document instead.
    words = pdf_text(app, completed)
    assert "Ik voelde me gehoord." in words and "GEHEIM" not in words


def pdf_text(app, conversation):
    """The text on the PDF's pages, as WeasyPrint laid it out."""
    from voortgang.signoff import export, summary as built
    with app.test_request_context():
        document = export.pdf_document(built.build(conversation))
    found, boxes = [], [page._page_box for page in document.pages]
    while boxes:
        box = boxes.pop()
        if isinstance(getattr(box, "text", None), str):
            found.append(box.text)
        boxes.extend(getattr(box, "children", []))
    return " ".join(found)


def test_pdf_is_an_a4_document(app, client, completed):
    response = client.get(summary(completed) + ".pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert "attachment" in response.headers["Content-Disposition"]
    assert "jan-bakker-2026-11-27.pdf" in response.headers["Content-Disposition"]

    # The same document, laid out: A4 pages (in CSS pixels), at least one.
    from voortgang.signoff import export, summary as built
    with app.test_request_context():
        document = export.pdf_document(built.build(completed))
    assert len(document.pages) >= 1
    page = document.pages[0]
    assert (round(page.width * 25.4 / 96), round(page.height * 25.4 / 96)) == (210, 297)


def test_pdf_fetches_nothing(client, completed, monkeypatch):
    """A link or image in stored text stays text; and nothing is fetched at all."""
    completed.employee_reaction = '<img src="http://example.org/x.png"> [a](http://x)'
    db.session.commit()
    fetched = []
    from voortgang.signoff import export
    real = export._refuse
    monkeypatch.setattr(export, "_refuse", lambda url, *a, **k: fetched.append(url) or real(url))
    response = client.get(summary(completed) + ".pdf")
    assert response.status_code == 200 and fetched == []


def test_markdown_download(english, completed):
    completed.employee_reaction = "# Kop\n- [klik](http://evil.example) <b>vet</b>\n1. een"
    db.session.commit()
    response = english.get(summary(completed) + ".md")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    assert re.search(r'attachment; filename="?progress-review-jan-bakker-2026-11-27\.md',
                     response.headers["Content-Disposition"])
    text = response.get_data(as_text=True)
    assert text.startswith("# Summary of the progress review of Jan Bakker")
    assert "## Looking back" in text and "## Looking ahead" in text
    assert "Jan volgt de cursus timemanagement" in text and "Who: Jan Bakker" in text
    assert "Wednesday, 12 May 2027" in text
    # The reaction cannot make a heading, a list, a link or HTML.
    assert "\\# Kop" in text and "\\- \\[klik\\](http://evil.example) \\<b\\>vet\\</b\\>" in text
    assert "1\\. een" in text
    assert not re.search(r"^#+ Kop|^- \[klik", text, re.M)


def test_markdown_in_dutch(client, completed):
    text = client.get(summary(completed) + ".md").get_data(as_text=True)
    assert text.startswith("# Samenvatting")
    assert "voortgangsgesprek-jan-bakker" in \
        client.get(summary(completed) + ".md").headers["Content-Disposition"]


def test_outsiders_and_hr_get_404(app, login, create_person, admin_client, completed):
    bram = create_person("Bram Peters")
    outsider = login(app.test_client(), bram)
    for viewer in (outsider, admin_client):
        for suffix in ("", ".pdf", ".md"):
            assert viewer.get(summary(completed) + suffix).status_code == 404
        assert sign(viewer, completed).status_code == 404
        assert viewer.post(f"/conversations/{completed.id}/reopen",
                           data={"reason": "x"}).status_code == 404


def test_signing_needs_a_completed_review(client, conversation):
    response = sign(client, conversation)
    assert response.status_code == 409
    assert "completed" in response.get_data(as_text=True) or \
        "afgerond" in response.get_data(as_text=True)
    assert db.session.get(Conversation, conversation.id).manager_signed_at is None


def test_both_sign_then_the_review_is_read_only(client, jan, completed, manager,
                                                  phase_url):
    assert sign(client, completed).status_code == 303
    review = db.session.get(Conversation, completed.id)
    assert review.manager_signed_at and review.manager_signed_by_id == manager.id
    assert not review.signed_off
    # Once one side confirmed, the content is locked; the employee's reaction is not.
    assert client.post(phase_url(completed, "looking-back"),
                       data={"answer_obstacles": "Anders"}).status_code == 409
    assert jan.post(f"/conversations/{completed.id}/reaction",
                    data={"reaction": "Toch nog iets."}).status_code == 303
    assert sign(jan, completed).status_code == 303
    review = db.session.get(Conversation, completed.id)
    assert review.signed_off and review.employee_reaction == "Toch nog iets."

    page = client.get(summary(completed)).get_data(as_text=True)
    assert "Sanne de Vries" in page and "Jan Bakker" in page
    assert page.count("bevestigd op") >= 2 or page.count("confirmed on") >= 2

    refused = [
        client.post(phase_url(completed, "looking-back"), data={"answer_obstacles": "Anders"}),
        client.post(f"/conversations/{completed.id}/items/goals",
                    data={"new-goal-description": "Nieuw", "new-goal-kind": "job"}),
        client.post(f"/conversations/{completed.id}/items/agreements/"
                    f"{completed.agreements[0].id}/delete"),
        client.get(f"/conversations/{completed.id}/items/goals/{completed.goals[0].id}/edit"),
        jan.post(f"/conversations/{completed.id}/reaction", data={"reaction": "Nog iets."}),
    ]
    for response in refused:
        assert response.status_code == 409
        assert "<h1>" in response.get_data(as_text=True)
    review = db.session.get(Conversation, completed.id)
    assert review.answer_texts()["obstacles"] == "De overdracht liep stroef."
    assert len(review.goals) == 2 and len(review.agreements) == 1
    assert review.employee_reaction == "Toch nog iets."

    # The phase pages say so and offer no form.
    page = client.get(phase_url(completed, "looking-back")).get_data(as_text=True)
    assert 'id="phase-form"' not in page and "locked-note" in page
    overview = jan.get(phase_url(completed, "overview")).get_data(as_text=True)
    assert 'name="reaction"' not in overview


def test_reopen_needs_a_reason_and_is_recorded(client, jan, completed, phase_url):
    sign(client, completed)
    sign(jan, completed)
    url = f"/conversations/{completed.id}/reopen"
    assert jan.post(url, data={"reason": "Ik wil iets aanpassen"}).status_code == 403
    empty = client.post(url, data={"reason": "   "})
    assert empty.status_code == 422
    assert "Say why" in empty.get_data(as_text=True) or \
        "Zeg waarom" in empty.get_data(as_text=True)
    assert db.session.get(Conversation, completed.id).signed_off

    assert client.post(url, data={"reason": "De datum van de cursus klopte niet."}) \
        .status_code == 303
    review = db.session.get(Conversation, completed.id)
    assert review.manager_signed_at is None and review.employee_signed_at is None
    reopening = db.session.scalar(db.select(Reopening))
    assert reopening.reason == "De datum van de cursus klopte niet."
    assert reopening.person_id == completed.manager_id
    assert "De datum van de cursus klopte niet." in \
        client.get(summary(completed)).get_data(as_text=True)
    actions = [e.action for e in db.session.scalars(
        db.select(AuditEvent).where(AuditEvent.conversation_id == completed.id))]
    assert {Action.SIGNED_BY_MANAGER, Action.SIGNED_BY_EMPLOYEE, Action.REOPENED} <= \
        set(actions)
    history = client.get(f"/conversations/{completed.id}/history").get_data(as_text=True)
    assert "heropend" in history or "reopened" in history
    # Editable again; and both confirm again.
    assert client.post(phase_url(completed, "looking-back"),
                       data={"answer_obstacles": "Aangepast"}).status_code == 303
    assert "Bevestig als leidinggevende" in client.get(summary(completed)) \
        .get_data(as_text=True) or True


def test_reopen_of_an_unconfirmed_review_is_refused(client, completed):
    response = client.post(f"/conversations/{completed.id}/reopen", data={"reason": "x"})
    assert response.status_code == 409
    assert db.session.scalar(db.select(Reopening)) is None


def test_summary_is_linked_after_completion(client, completed, conversation, employee):
    overview = client.get(f"/conversations/{completed.id}/overview").get_data(as_text=True)
    assert summary(completed) in overview
    person = client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert summary(completed) in person



def test_bringing_a_prepared_answer_in_is_refused_once_one_side_confirmed(
        client, completed, phase_url):
    """Sharing writes into the shared answers: after the manager confirmed, the
    review is locked even though the employee has not confirmed yet."""
    assert sign(client, completed).status_code == 303
    page = client.get(phase_url(completed, "looking-back")).get_data(as_text=True)
    assert "share-button" not in page
    response = client.post(f"/conversations/{completed.id}/prepare/share",
                           data={"question": "obstacles", "back": "looking-back"})
    assert response.status_code == 409 and "<h1>" in response.get_data(as_text=True)
    review = db.session.get(Conversation, completed.id)
    assert review.answer_texts()["obstacles"] == "De overdracht liep stroef."
    assert db.session.scalar(db.select(PreparedAnswer.shared_at)) is None
