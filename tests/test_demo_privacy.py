"""The demo organisation, as its people would try it: Sanne (a manager) clicks
everywhere and crafts URLs, and nothing of Bram's team ever reaches her screen; Jan
(an employee) cannot open Fatima's review."""
import re
from collections import deque

import pytest
from flask import url_for

from voortgang.conversations.models import Conversation
from voortgang.demo import DEMO_PASSWORD, load_demo
from voortgang.extensions import db
from voortgang.people.models import Person

OTHER_TEAM = ("Bram Peters", "Noor Hendriks", "Daan Smit", "slaap slecht", "late dienst")
LINK = re.compile(r'(?:href|hx-get)="(/[^"#]*)"')


@pytest.fixture
def demo(app):
    load_demo()
    return {p.name: p for p in db.session.scalars(db.select(Person))}


def _logged_in(app, email):
    client = app.test_client()
    response = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 303
    return client


def _crawl(client, start="/"):
    """Every page reachable by following links and htmx GETs from the start page."""
    seen, pages, queue = set(), {}, deque([start])
    while queue:
        url = queue.popleft()
        if url in seen or url.startswith("/static/"):
            continue
        seen.add(url)
        response = client.get(url)
        # A PDF is bytes (its words compressed); the Markdown and pages are text.
        body = "" if response.mimetype == "application/pdf" \
            else response.get_data(as_text=True)
        pages[url] = (response.status_code, body)
        queue.extend(u.replace("&amp;", "&") for u in LINK.findall(body))
    return pages


def test_a_manager_never_sees_another_team_by_clicking(app, demo):
    pages = _crawl(_logged_in(app, "sanne@voortgang.demo"))
    assert len(pages) > 10  # the crawl reached the team, the reviews and their phases
    assert any("/conversations/" in url for url in pages)
    for url, (status, body) in pages.items():
        assert status < 500, url
        for word in OTHER_TEAM:
            assert word not in body, f"{word!r} on {url}"


def _other_team_urls(app, demo):
    noor = demo["Noor Hendriks"]
    review = db.session.scalar(db.select(Conversation).filter_by(employee_id=noor.id))
    values = {"person_id": noor.id, "conversation_id": review.id,
              "item_id": review.agreements[0].id, "phase_slug": "overview",
              "collection": "agreements"}
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.arguments and rule.arguments <= values.keys():
                for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                    urls.append((method, url_for(rule.endpoint, **{
                        k: values[k] for k in rule.arguments})))
    return urls


def test_a_manager_cannot_reach_another_team_by_url_or_crafted_request(app, demo):
    sanne = _logged_in(app, "sanne@voortgang.demo")
    before = db.session.scalar(db.select(Conversation).filter_by(
        employee_id=demo["Noor Hendriks"].id)).agreements[0].description
    urls = _other_team_urls(app, demo)
    assert len(urls) >= 15
    for method, url in urls:
        response = sanne.open(url, method=method, data={
            "answer_enjoyment": "overschreven", "reaction": "overschreven",
            "new-agreement-description": "overschreven", "name": "overschreven"},
            headers={"HX-Request": "true"} if "items" in url else {})
        assert response.status_code == 404, f"{method} {url}: {response.status_code}"
        assert not any(w in response.get_data(as_text=True) for w in OTHER_TEAM)
    review = db.session.scalar(db.select(Conversation).filter_by(
        employee_id=demo["Noor Hendriks"].id))
    assert review.agreements[0].description == before
    assert "overschreven" not in str(review.answer_texts())


def test_an_employee_cannot_read_a_colleagues_review(app, demo):
    fatima_review = db.session.scalar(db.select(Conversation).filter_by(
        employee_id=demo["Fatima El Amrani"].id))
    jan = _logged_in(app, "jan@voortgang.demo")
    for slug in ("looking-back", "agreements", "overview"):
        response = jan.get(f"/conversations/{fatima_review.id}/{slug}")
        assert response.status_code == 404
        assert "ticketsysteem" not in response.get_data(as_text=True)
    assert jan.get(f"/people/{demo['Fatima El Amrani'].id}").status_code == 404
    pages = _crawl(jan)
    assert all("Fatima" not in body for _, body in pages.values())
    fatima = _logged_in(app, "fatima@voortgang.demo")
    assert "ticketsysteem" in fatima.get(
        f"/conversations/{fatima_review.id}/looking-back").get_data(as_text=True)
