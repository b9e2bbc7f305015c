"""The database on a bad day: many screens saving at once, a writer that holds the
lock a long time, connections the server dropped. No save may fail for it."""
import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from http.client import HTTPConnection
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool
from werkzeug.serving import make_server

from voortgang.conversations.models import Answer, Conversation
from voortgang.extensions import db

CLIENTS = 50           # screens saving at once, each on its own connection
SAVES_PER_CLIENT = 10  # pauses in typing each, one after the other
QUESTIONS = ("obstacles", "contribution", "enjoyment", "feedback_to_employee",
             "feedback_to_manager")


@pytest.fixture
def server(app):
    """The app on a free local port, many threads at a time; yields (host, port)."""
    db.session.commit()  # no open transaction of the test's may hold up the server
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True,
                              kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield "127.0.0.1", httpd.server_port
    finally:
        httpd.shutdown()
        thread.join(timeout=5)


@pytest.fixture
def session_cookie(app, manager):
    """Sanne's login, as the Cookie header her browser would send."""
    from tests.conftest import account_for
    token = account_for(manager).session_token
    signed = app.session_interface.get_signing_serializer(app).dumps({"_user_id": token})
    db.session.commit()
    return f"{app.config['SESSION_COOKIE_NAME']}={signed}"


@pytest.fixture
def reviews(employee, manager):
    """One review per screen, so every save is a write of its own."""
    made = [Conversation(employee=employee, manager=manager, held_on=date(2026, 11, 27))
            for _ in range(CLIENTS // len(QUESTIONS))]
    db.session.add_all(made)
    db.session.commit()
    ids = [review.id for review in made]
    db.session.commit()
    return ids


def _autosave(address, review_id, question, text, cookie):
    connection = HTTPConnection(*address, timeout=60)
    try:
        connection.request(
            "POST", f"/conversations/{review_id}/looking-back",
            body=urlencode({f"answer_{question}": text}),
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "HX-Request": "true", "Cookie": cookie})
        return connection.getresponse().status
    finally:
        connection.close()


def test_many_screens_autosaving_at_once_are_all_saved(server, reviews, session_cookie):
    def screen(number):
        review_id = reviews[number % len(reviews)]
        question = QUESTIONS[number // len(reviews) % len(QUESTIONS)]
        return [_autosave(server, review_id, question, f"scherm {number}, versie {n}",
                          session_cookie)
                for n in range(SAVES_PER_CLIENT)]

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = [s for saves in pool.map(screen, range(CLIENTS)) for s in saves]

    assert statuses == [200] * CLIENTS * SAVES_PER_CLIENT
    saved = db.session.execute(db.select(Answer.conversation_id, Answer.question_key,
                                         Answer.text)).all()
    assert len(saved) == CLIENTS
    assert all(text.endswith(f"versie {SAVES_PER_CLIENT - 1}") for *_, text in saved)


def _backend(database_url):
    return make_url(database_url).get_backend_name()


def test_a_save_waits_for_a_long_write_instead_of_failing(database_url, htmx,
                                                          conversation, phase_url):
    """SQLite lets one writer at a time; the others used to give up after 5 s."""
    if _backend(database_url) != "sqlite":
        pytest.skip("SQLite's write lock")
    holder = sqlite3.connect(make_url(database_url).database, isolation_level=None,
                             check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # e.g. a migration, or a backup being taken
    release = threading.Timer(6.5, holder.commit)  # well past the old 5 s
    release.start()
    try:
        response = htmx.post(phase_url(conversation, "looking-back"),
                             data={"answer_obstacles": "Bewaard na het wachten."})
    finally:
        release.join()
        holder.close()
    assert response.status_code == 200
    assert conversation.answer_texts()["obstacles"] == "Bewaard na het wachten."


def test_a_request_after_the_database_dropped_its_connections_works(database_url,
                                                                     client, htmx,
                                                                     conversation,
                                                                     phase_url):
    """PostgreSQL restarted, or a proxy closed idle connections: the pool notices."""
    if _backend(database_url) != "postgresql":
        pytest.skip("runs when TEST_DATABASE_URL is PostgreSQL")
    url = phase_url(conversation, "looking-back")
    db.session.commit()  # the test's own connection goes back to the pool as well
    assert client.get(url).status_code == 200
    outside = create_engine(database_url, poolclass=NullPool)
    with outside.connect() as connection:
        dropped = connection.execute(text(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity "
            "where datname = current_database() and pid <> pg_backend_pid()")).scalar()
    outside.dispose()
    assert dropped >= 1

    response = htmx.post(url, data={"answer_obstacles": "Na de herstart."})
    assert response.status_code == 200
    assert conversation.answer_texts()["obstacles"] == "Na de herstart."
