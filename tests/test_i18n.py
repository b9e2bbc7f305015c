"""Interface language: Dutch by default, English on request, catalogs complete."""
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

CATALOGS = sorted(Path(__file__).parent.parent.glob("translations/*/LC_MESSAGES/*.po"))


def test_dutch_is_the_default(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="nl">' in page and "Wiens voortgangsgesprek is het?" in page


def test_accept_language_decides_without_a_choice(client):
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(
        as_text=True)
    assert '<html lang="en">' in page and "Whose progress review is it?" in page


def test_explicit_choice_beats_accept_language(client):
    client.post("/language", data={"lang": "nl", "next": "/"})
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="nl">' in page


def test_switch_returns_to_the_same_page_with_what_was_typed(client, htmx, conversation,
                                                             phase_url):
    url = phase_url(conversation, "looking-ahead")
    htmx.post(url, data={"answer_ambitions": "Teamcoach worden"})
    response = client.post("/language", data={"lang": "en", "next": url})
    assert response.status_code == 303 and response.location.endswith(url)
    page = client.get(url).get_data(as_text=True)
    assert "Looking ahead" in page and "Teamcoach worden" in page


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/",
                                    "javascript:alert(1)", "", "/\\evil.example"])
def test_switch_never_redirects_off_site(client, target):
    response = client.post("/language", data={"lang": "en", "next": target})
    assert response.status_code == 303
    assert response.location in ("/", "http://localhost/")


def test_unknown_language_is_ignored(client):
    client.post("/language", data={"lang": "xx", "next": "/"})
    assert '<html lang="nl">' in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: p.parts[-3])
def test_every_message_is_translated(catalog):
    with catalog.open("rb") as handle:
        messages = [m for m in read_po(handle) if m.id]
    assert len(messages) > 100
    untranslated = [m.id for m in messages if not m.string]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_both_languages_have_catalogs():
    assert {p.parts[-3] for p in CATALOGS} == {"nl", "en"}


def test_catalogs_cover_every_text_in_the_code(tmp_path):
    """A text added to a template or module but not extracted fails here."""
    from babel.messages.extract import extract_from_dir
    root = Path(__file__).parent.parent
    with (root / "translations" / "nl" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        known = {m.id for m in read_po(f) if m.id}
    method_map = [("voortgang/**.py", "python"), ("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"trimmed": "true",
                                     "extensions": "jinja2.ext.do"}}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            root, method_map, options, keywords={"_": None, "_l": None, "gettext": None,
                                                 "lazy_gettext": None}):
        found.add(message if isinstance(message, str) else message[0])
    assert sorted(found - known) == []


def test_switch_after_a_failed_form_post_returns_to_the_form_page(client, employee):
    client.post(f"/people/{employee.id}/conversations", data={"held_on": "nonsense"})
    response = client.post("/language", data={
        "lang": "en", "next": f"/people/{employee.id}/conversations"},
        headers={"Referer": f"http://localhost/people/{employee.id}"})
    assert response.status_code == 303
    assert response.location.endswith(f"/people/{employee.id}")
