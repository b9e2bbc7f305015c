"""A form's CSRF token lives in the session: it works as long as the login does
(a review can take hours), and it ends with it (logging out, or eight hours)."""
import re
import time

import pytest
from itsdangerous.timed import TimestampSigner

from tests.conftest import PASSWORD

pytestmark = pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])


def _token(client, url):
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _log_in(client):
    response = client.post("/login", data={"email": "sanne@example.org",
                                           "password": PASSWORD,
                                           "csrf_token": _token(client, "/login")})
    assert response.status_code == 303


def _save(client, url, text, token):
    return client.post(url, data={"answer_obstacles": text},
                       headers={"HX-Request": "true", "X-CSRFToken": token})


def _later(monkeypatch, hours):
    """Move the clock that signs and checks both the session and its tokens."""
    now = time.time()
    monkeypatch.setattr(TimestampSigner, "get_timestamp",
                        lambda self: int(now + hours * 3600))


def test_a_token_from_before_logging_out_is_refused_after_logging_in_again(
        anonymous, sanne_account, conversation, phase_url):
    url = phase_url(conversation, "looking-back")
    _log_in(anonymous)
    old = _token(anonymous, url)
    anonymous.post("/logout", data={"csrf_token": old})
    _log_in(anonymous)
    refused = _save(anonymous, url, "met het oude formulier", old)
    assert refused.status_code == 400
    assert "Je sessie is verlopen" in refused.get_data(as_text=True)
    assert "obstacles" not in conversation.answer_texts()
    saved = _save(anonymous, url, "na opnieuw laden", _token(anonymous, url))
    assert saved.status_code == 200
    assert conversation.answer_texts()["obstacles"] == "na opnieuw laden"


def test_a_page_open_all_day_still_saves_until_the_session_ends(
        anonymous, sanne_account, conversation, phase_url, monkeypatch):
    url = phase_url(conversation, "looking-back")
    _log_in(anonymous)
    token = _token(anonymous, url)
    _later(monkeypatch, hours=7.9)
    assert _save(anonymous, url, "na een lange dag", token).status_code == 200
    assert conversation.answer_texts()["obstacles"] == "na een lange dag"
    _later(monkeypatch, hours=8.1)
    ended = _save(anonymous, url, "te laat", token)
    assert ended.status_code == 401 and ended.headers["HX-Redirect"].startswith("/login")
    assert conversation.answer_texts()["obstacles"] == "na een lange dag"
