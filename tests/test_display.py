"""Large text for a meeting-room display: one post turns it on for every page after it."""
import pytest


def is_large(response):
    return '<html lang="nl" class="presentation">' in response.get_data(as_text=True)


def test_large_text_is_kept_for_the_pages_that_follow(client, conversation, phase_url):
    page = phase_url(conversation, "looking-ahead")
    assert not is_large(client.get(page))
    response = client.post("/display", data={"presentation": "on", "next": page})
    assert response.status_code == 303
    assert response.headers["Location"] == page
    assert is_large(client.get(page))
    assert is_large(client.get("/follow-up"))
    # The switch says what it does next, in the interface language.
    body = client.get("/").get_data(as_text=True)
    assert 'name="presentation" value="off"' in body and 'aria-pressed="true"' in body

    client.post("/display", data={"presentation": "off", "next": page})
    assert not is_large(client.get(page))


def test_in_the_background_the_switch_answers_without_a_page(client):
    response = client.post("/display", data={"presentation": "on"},
                           headers={"X-Background": "display"})
    assert response.status_code == 204
    assert is_large(client.get("/"))


@pytest.mark.parametrize("target", ["https://example.org/", "//example.org", "/nowhere"])
def test_the_switch_only_returns_to_a_page_of_this_site(client, target):
    response = client.post("/display", data={"presentation": "on", "next": target})
    assert response.status_code == 303
    assert response.headers["Location"] in ("/", "http://localhost/")


def test_the_login_page_can_be_made_large_too(anonymous):
    anonymous.post("/display", data={"presentation": "on", "next": "/login"})
    assert is_large(anonymous.get("/login"))
