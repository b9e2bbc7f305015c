"""Every route, as every role, with input nobody should send.

The routes come from `app.url_map`, so a route added later is fuzzed without anyone
remembering to. Each example sends one request: random, oversized, malformed,
wrongly typed or wrongly encoded fields, to a URL of a page the role saw, or with
another team's ids or ids that cannot exist, with or without htmx. Whatever comes
back:
- never a server error;
- a refusal (4xx) says why on the page, and for htmx in a fragment;
- a refusal changes nothing in the database.

Field names, values and URLs come from the app's own pages (tests/fuzzing.py crawls
them as each role), so the views are reached with what they know as well as with
what they do not.

30 examples per route keep the file under a minute; for a longer hunt:
FUZZ_EXAMPLES=1000 .venv/bin/python -m pytest tests/test_fuzz.py
"""
import io
import os
import re
from datetime import date
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from fuzzing import Alerts, Crawl, Database
from test_access import ROLES, world  # noqa: F401  (world is a fixture)
from voortgang import create_app
from voortgang.conversations.models import (Agreement, Answer, Conversation, Goal,
                                            Owner)
from voortgang.extensions import db
from voortgang.people.models import Person


def _routes():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "routes"})
    return sorted((rule.rule, method, rule.endpoint) for rule in app.url_map.iter_rules()
                  for method in rule.methods - {"HEAD", "OPTIONS"}
                  if rule.endpoint != "static")


ROUTES = _routes()
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 30))


# --- the world: two teams, a review in each, every role logged in --------------------

@pytest.fixture
def teams(world):
    """test_access's world, with a review in the other team too (its ids are the
    'foreign' ones), a short answer (so a follow-up question shows to be dismissed),
    a newcomer without an account, and its pristine rows to compare with and return
    to."""
    clients, ids = world
    db.session.add(Person(name="Piet Jansen", manager_id=ids["manager"]))
    jans = db.session.get(Conversation, ids["conversation_id"])
    jans.answers.append(Answer(question_key="obstacles", text="Druk."))
    noor = db.session.scalar(db.select(Person).where(Person.name == "Noor Hendriks"))
    review = Conversation(employee=noor, manager=noor.manager, held_on=date(2026, 10, 1))
    review.goals.append(Goal(description="Het nieuwe rooster invoeren"))
    review.agreements.append(Agreement(description="Noor plant het overleg",
                                       owner=Owner.EMPLOYEE))
    db.session.add(review)
    db.session.commit()
    cookies = {role: clients[role].get_cookie("session") for role in ROLES
               if role != "anonymous"}
    db.session.close()
    return cookies, Database(db)


@pytest.fixture(scope="session")
def _vocabulary_cache():
    return {}


@pytest.fixture
def vocabulary(_vocabulary_cache, teams, app):
    """What the pages offer each role; crawled once per run (every world has the
    same shape). Crawling opens pages that leave a trace (an export is recorded), so
    the rows are put back after it: each test starts from the pristine world."""
    cookies, database = teams
    if not _vocabulary_cache:
        _vocabulary_cache.update(Crawl(app, cookies, database.id_pools()).vocabulary())
        if database.changed():
            database.restore()
    return _vocabulary_cache


# --- what to send --------------------------------------------------------------------

ODD_IDS = ["0", "-1", "2147483647", "2147483648", "9223372036854775808", "1" * 30,
           "1.5", "0x10", " 1", "１"]
URLS = ["http://[", "//evil.example/", "/\\evil.example", "https://evil.example/",
        "javascript:alert(1)", "/", "/login?next=//evil.example", "%2F%2Fevil.example",
        "http://localhost/conversations/1/looking-back", "\x00/", ""]
WHO = ["Jan", "Sanne", "Ik", "We", "I", "Someone", "HR"]
WHEN = ["binnen", "over", "voor", "vóór", "uiterlijk", "within", "in", "by", "before",
        "week", "Q"]
UNIT = ["dagen", "weken", "maanden", "jaar", "januari", "days", "weeks", "months",
        "years", "December", "-12-2027", "/02/2027", ""]

texts = st.text(st.characters(codec="utf-8"), max_size=60)
# What a header can carry: bytes read as Latin-1, any but the line breaks.
header_texts = st.text(st.characters(max_codepoint=0xFF, exclude_characters="\r\n"),
                       max_size=60)
controls = st.text(st.characters(max_codepoint=0x1F) | st.sampled_from("\x7f\u2028\u202e"),
                   min_size=1, max_size=12)
long_texts = st.builds(lambda char, n: char * n, st.sampled_from(["x", "é", "😀", "a "]),
                       st.sampled_from([121, 255, 501, 1001, 2001, 10_001, 100_001]))
dates = st.dates().map(date.isoformat) | st.sampled_from(
    ["0000-00-00", "2027-02-30", "99999-01-01", "-0001-01-01", "15-01-2027", "1e9"])
phrases = st.builds(lambda *words: " ".join(map(str, words)), st.sampled_from(WHO),
                    st.sampled_from(WHEN), st.integers(0, 40) | st.integers(-10**12, 10**12),
                    st.sampled_from(UNIT))


def values(vocab, ids):
    return st.one_of(st.sampled_from(vocab["values"]), st.sampled_from(ids + ODD_IDS),
                     dates, texts, controls, long_texts, phrases, st.sampled_from(URLS))


def fields(vocab, endpoint, ids):
    """(name, value) pairs, mostly with the names of the endpoint's own form; a name
    may come twice (a list); '{id}' in a name becomes one of the ids."""
    own = vocab["names_by_endpoint"].get(endpoint) or vocab["names"]
    template = st.sampled_from(own) | st.sampled_from(own) | st.sampled_from(vocab["names"])
    name = st.builds(lambda template, id_: template.replace("{id}", id_), template,
                     st.sampled_from(ids + ODD_IDS[:3]))
    return st.lists(st.tuples(name | texts, values(vocab, ids)), max_size=8)


def _json(pairs):
    anything = st.recursive(st.none() | st.booleans() | st.integers() | texts,
                            lambda inner: st.lists(inner, max_size=3)
                            | st.dictionaries(texts, inner, max_size=3), max_leaves=6)
    return st.one_of(
        st.just(dict(pairs)),
        st.builds(lambda value: {name: value for name, _ in pairs}, anything),
        st.sampled_from([[1], 5, "text", None, [["a", "b"]]]))


def bodies(data, pairs, limit):
    """The request body: a form, or anything else a client could send instead."""
    kind = data.draw(st.sampled_from(["form", "form", "form", "multipart", "json", "text",
                                      "bytes", "percent", "many", "over", "under",
                                      "under3"]))
    names = [name for name, _ in pairs] or ["name"]
    if kind == "form":
        return {"data": MultiDict(pairs)}
    if kind == "multipart":
        files = {name: (io.BytesIO(data.draw(st.binary(max_size=200))),
                        data.draw(texts | st.just("cv.pdf"))) for name in names[:2]}
        return {"data": {**dict(pairs), **files}, "content_type": "multipart/form-data"}
    if kind == "json":
        return {"json": data.draw(_json(pairs))}
    if kind == "text":
        return {"data": data.draw(texts), "content_type": "text/plain"}
    if kind == "bytes":
        return {"data": data.draw(st.binary(max_size=300)),
                "content_type": "application/x-www-form-urlencoded"}
    if kind == "percent":  # percent-encoded bytes that are not UTF-8
        raw = data.draw(st.binary(min_size=1, max_size=40))
        body = "&".join(f"{quote(name)}={quote(raw)}" for name in names)
        return {"data": body, "content_type": "application/x-www-form-urlencoded"}
    if kind == "many":  # more parts than a form may have, as a form or multipart
        many = MultiDict((names[n % len(names)], "x") for n in range(1200))
        return {"data": many, "content_type": data.draw(st.sampled_from(
            ["application/x-www-form-urlencoded", "multipart/form-data"]))}
    if kind == "over":
        return {"data": {names[0]: "x" * (limit + 1)}}
    if kind == "under":  # just under the request limit, in one field
        return {"data": {names[0]: "x" * (limit - len(quote(names[0])) - 1)}}
    # just under the request limit, spread over three fields
    return {"data": MultiDict((name, "é" * (limit // 20)) for name in (names * 3)[:3])}


def aimed_url(data, app, method, endpoint, pools, vocab):
    """A URL some role's page links to or posts to, with the role that saw it."""
    targets = vocab["targets"].get((method, endpoint))
    if not targets:
        return None, None
    role, placed = data.draw(st.sampled_from(targets))
    args = {arg: pools.get(arg, pools["*"])[value] if kind == "id" else value
            for arg, kind, value in placed}
    return role, app.url_map.bind("localhost").build(endpoint, args, method=method)


def wild_url(data, rule, pools, vocab):
    """The rule's URL with every part drawn: anyone's ids, odd ones, any text."""
    def part(match):
        converter, name = match.groups()
        if converter in ("id", "int"):
            value = data.draw(st.sampled_from(pools.get(name, pools["*"]))
                              | st.sampled_from(ODD_IDS))
        else:
            value = data.draw(st.sampled_from(vocab["parts"].get(name, ["x"])) | texts)
        return quote(value, safe="")
    return re.sub(r"<(?:([^:<>]+):)?([^<>]+)>", part, rule)


def headers(data, htmx):
    sent = {"Accept-Language": data.draw(st.sampled_from(["nl", "en", "de", "*", ""])
                                         | header_texts)}
    if htmx:
        sent["HX-Request"] = "true"
        sent["HX-Current-URL"] = data.draw(st.sampled_from(URLS) | header_texts)
    if data.draw(st.booleans()):
        sent["Referer"] = data.draw(st.sampled_from(URLS) | header_texts)
    return sent


# --- the property --------------------------------------------------------------------

@pytest.mark.parametrize("route", ROUTES, ids=[f"{m} {e}" for _, m, e in ROUTES])
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_no_input_gives_a_server_error_and_a_refusal_says_why_and_changes_nothing(
        app, teams, vocabulary, route, data):
    cookies, database = teams
    rule, method, endpoint = route
    pools = database.id_pools()
    # Three in four examples aim at what a page offers; the rest go anywhere.
    role, url = None, None
    if data.draw(st.sampled_from([True, True, True, False])):
        role, url = aimed_url(data, app, method, endpoint, pools, vocabulary)
    if url is None:
        url = wild_url(data, rule, pools, vocabulary)
    # Mostly as the role that saw the page; now and then as anyone else.
    role = data.draw(st.sampled_from([role] * 5 + list(ROLES) if role else ROLES))
    client = app.test_client()
    if role != "anonymous":
        client.set_cookie("session", cookies[role].value)
    htmx = data.draw(st.booleans())
    ids_in_url = re.findall(r"/(\d+)(?=/|$)", url) or pools["*"]
    pairs = data.draw(fields(vocabulary, endpoint, ids_in_url + pools["*"]))
    query = MultiDict(data.draw(st.just([]) | fields(vocabulary, endpoint, pools["*"])))
    body = bodies(data, pairs, app.config["MAX_CONTENT_LENGTH"]) if method != "GET" else {}

    with client.open(url, method=method, headers=headers(data, htmx), query_string=query,
                     **body) as response:
        # A PDF (the summary) is bytes; everything else the app sends is text.
        status, page = response.status_code, "" if response.mimetype == "application/pdf" \
            else response.get_data(as_text=True)
        redirect_to = response.headers.get("HX-Redirect", "")
    what = f"{method} {url} as {role}{' (htmx)' if htmx else ''}: {status}"
    assert status < 500, what
    changed = database.changed()
    if 400 <= status < 500:
        if status == 401 and htmx:  # htmx goes to the login page itself
            assert redirect_to.startswith("/login"), what
        else:
            assert Alerts.text_of(page), f"{what} says nothing"
            if htmx:
                assert "<html" not in page, f"{what} is a whole page, not a fragment"
        assert not changed, f"{what}, yet {changed} changed"
    if changed:
        database.restore()
