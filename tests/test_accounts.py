"""Logging in and out, passwords from one-time links, roles, and slowing down guessing."""
import re
from datetime import timedelta

import pytest

from voortgang.accounts.models import Account
from voortgang.extensions import db

from tests.conftest import PASSWORD


def _log_in(client, email, password, next_url=None):
    url = "/login" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"email": email, "password": password})


def test_a_visitor_is_sent_to_the_login_page_and_back(anonymous, sanne_account,
                                                      employee):
    response = anonymous.get(f"/people/{employee.id}")
    assert response.status_code == 302 and "/login?next=/people/" in response.location
    response = _log_in(anonymous, " Sanne@Example.org ", PASSWORD,
                       next_url=f"/people/{employee.id}")
    assert response.status_code == 303 and response.location.endswith(f"/people/{employee.id}")
    page = anonymous.get(response.location).get_data(as_text=True)
    assert "Jan Bakker" in page and "Uitloggen" in page and "Sanne de Vries" in page


@pytest.mark.parametrize("email,password", [("sanne@example.org", "fout"),
                                            ("niemand@example.org", PASSWORD)])
def test_a_failed_login_never_says_whether_the_account_exists(anonymous, sanne_account,
                                                              email, password):
    response = _log_in(anonymous, email, password)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Het e-mailadres of het wachtwoord klopt niet." in page
    assert anonymous.get("/").status_code == 302  # still not logged in


def test_the_login_never_redirects_off_site(anonymous, sanne_account):
    response = _log_in(anonymous, "sanne@example.org", PASSWORD,
                       next_url="https://evil.example/")
    assert response.status_code == 303 and response.location == "/"


def test_repeated_failures_are_slowed_down_per_account(anonymous, sanne_account):
    statuses = [_log_in(anonymous, "sanne@example.org", f"fout {n}").status_code
                for n in range(6)]
    assert statuses == [422] * 5 + [429]
    page = _log_in(anonymous, "sanne@example.org", PASSWORD).get_data(as_text=True)
    assert "Te veel pogingen" in page  # even the right password waits
    # Another account from the same address is not blocked by it.
    assert _log_in(anonymous, "ander@example.org", "fout").status_code == 422


def test_logging_out_ends_the_session(anonymous, sanne_account):
    _log_in(anonymous, "sanne@example.org", PASSWORD)
    assert anonymous.get("/").status_code == 200
    response = anonymous.post("/logout")
    assert response.status_code == 303 and response.location.endswith("/login")
    assert anonymous.get("/").status_code == 302


def test_a_session_expires(app, anonymous, sanne_account):
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=-1)
    _log_in(anonymous, "sanne@example.org", PASSWORD)
    assert anonymous.get("/").status_code == 302


def test_an_old_cookie_stops_working_after_a_new_password(app, anonymous, sanne_account):
    _log_in(anonymous, "sanne@example.org", PASSWORD)
    sanne_account.set_password("nog een ander wachtwoord")
    db.session.commit()
    assert anonymous.get("/").status_code == 302


def test_passwords_are_stored_as_a_slow_hash(sanne_account):
    assert sanne_account.password_hash.startswith("scrypt:")
    assert PASSWORD not in sanne_account.password_hash


def test_hr_gives_an_account_and_the_link_sets_a_password(admin_client, anonymous,
                                                           employee):
    page = admin_client.get(f"/people/{employee.id}").get_data(as_text=True)
    assert "Jan Bakker kan nog niet inloggen." in page
    response = admin_client.post(f"/people/{employee.id}/account",
                                 data={"email": "Jan@Example.org"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "jan@example.org" in page
    link = re.search(r"http://localhost(/password/[\w-]+)", page).group(1)
    assert employee.account.reset_token_hash not in page  # only a digest is stored
    form = anonymous.get(link).get_data(as_text=True)
    assert "Kies een wachtwoord" in form
    short = anonymous.post(link, data={"password": "kort", "repeat": "kort"})
    assert short.status_code == 422 and "minstens 10 tekens" in short.get_data(as_text=True)
    done = anonymous.post(link, data={"password": PASSWORD, "repeat": PASSWORD})
    assert done.status_code == 303
    assert anonymous.get(link).status_code == 404  # a link works once
    assert _log_in(anonymous, "jan@example.org", PASSWORD).status_code == 303
    assert "Je eigen gesprekken" in anonymous.get("/").get_data(as_text=True)


def test_a_reset_link_ends_the_old_password_and_sessions(admin_client, anonymous,
                                                         sanne_account, manager):
    _log_in(anonymous, "sanne@example.org", PASSWORD)
    response = admin_client.post(f"/people/{manager.id}/account/link")
    assert "Het oude wachtwoord werkt niet meer" in response.get_data(as_text=True)
    assert anonymous.get("/").status_code == 302
    assert _log_in(anonymous, "sanne@example.org", PASSWORD).status_code == 422


def test_a_switched_off_account_cannot_log_in(admin_client, anonymous, sanne_account,
                                              manager):
    _log_in(anonymous, "sanne@example.org", PASSWORD)
    admin_client.post(f"/people/{manager.id}/account/active", data={"active": "no"})
    assert anonymous.get("/").status_code == 302
    assert _log_in(anonymous, "sanne@example.org", PASSWORD).status_code == 422
    page = admin_client.get(f"/people/{manager.id}").get_data(as_text=True)
    assert "Uitgezet" in page


def test_hr_cannot_switch_off_its_own_account(admin_client, hr):
    admin_client.post(f"/people/{hr.id}/account/active", data={"active": "no"})
    assert hr.account.active and admin_client.get("/").status_code == 200


def test_the_same_address_cannot_have_two_accounts(admin_client, sanne_account, employee):
    response = admin_client.post(f"/people/{employee.id}/account",
                                 data={"email": "SANNE@example.org"})
    assert response.status_code == 422
    assert "Een ander account gebruikt dit adres al." in response.get_data(as_text=True)


def test_create_user_command_makes_the_first_admin(app, anonymous):
    result = app.test_cli_runner().invoke(args=[
        "create-user", "--email", "hr@example.org", "--name", "Eva Mulder",
        "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "hr@example.org (admin)" in result.output
    _log_in(anonymous, "hr@example.org", PASSWORD)
    assert "Persoon toevoegen" in anonymous.get("/").get_data(as_text=True)
    again = app.test_cli_runner().invoke(args=[
        "create-user", "--email", "hr@example.org", "--name", "X", "--password", PASSWORD])
    assert again.exit_code != 0 and "already exists" in again.output


def test_an_htmx_save_after_the_session_ended_asks_to_log_in(anonymous, conversation):
    response = anonymous.post(f"/conversations/{conversation.id}/looking-back",
                              data={"answer_obstacles": "tekst"},
                              headers={"HX-Request": "true", "HX-Current-URL":
                                       f"http://localhost/conversations/{conversation.id}/looking-back"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/login?next=/conversations/")
    assert "obstacles" not in conversation.answer_texts()


def test_the_employee_reads_the_review_and_writes_only_their_reaction(
        app, login, employee, conversation, phase_url):
    jan = login(app.test_client(), employee)
    page = jan.get(phase_url(conversation, "looking-back")).get_data(as_text=True)
    # No field of the shared answers; only their own private notes (preparation).
    assert "Je leest hier mee" in page and 'name="answer_' not in page
    assert page.count("<textarea") == 1 and 'name="note"' in page
    assert "Doel toevoegen" not in page
    refused = jan.post(phase_url(conversation, "looking-back"),
                       data={"answer_obstacles": "door Jan"})
    assert refused.status_code == 403
    assert "Je mag dit gesprek lezen, maar niet wijzigen." in refused.get_data(as_text=True)
    saved = jan.post(f"/conversations/{conversation.id}/reaction",
                     data={"reaction": "Fijn gesprek, de planning blijft een punt."},
                     headers={"HX-Request": "true"})
    assert saved.status_code == 200 and "Je reactie is bewaard." in saved.get_data(as_text=True)
    assert conversation.employee_reaction == "Fijn gesprek, de planning blijft een punt."
    assert "obstacles" not in conversation.answer_texts()


def test_the_manager_sees_the_reaction_but_cannot_change_it(client, conversation,
                                                            phase_url):
    conversation.employee_reaction = "Mijn eigen woorden"
    db.session.commit()
    page = client.get(phase_url(conversation, "overview")).get_data(as_text=True)
    assert "Mijn eigen woorden" in page and 'name="reaction"' not in page
    response = client.post(f"/conversations/{conversation.id}/reaction",
                           data={"reaction": "overschreven"})
    assert response.status_code == 403 and conversation.employee_reaction == \
        "Mijn eigen woorden"


def test_control_characters_do_not_open_a_new_count_of_failures(anonymous, sanne_account):
    statuses = [_log_in(anonymous, "sanne@example.org" + "\x01" * n, "fout").status_code
                for n in range(6)]
    assert statuses[-1] == 429


def test_an_account_without_a_password_takes_as_long_to_refuse(anonymous, employee):
    import time
    db.session.add(Account(person=employee, email="jan@example.org"))
    db.session.commit()
    started = time.perf_counter()
    assert _log_in(anonymous, "jan@example.org", "wat dan ook").status_code == 422
    assert time.perf_counter() - started > 0.02  # a password hash was checked


def test_logging_out_ends_every_copy_of_the_session(app, anonymous, sanne_account):
    _log_in(anonymous, "sanne@example.org", PASSWORD)
    copy = app.test_client()
    cookie = anonymous.get_cookie(app.config["SESSION_COOKIE_NAME"])
    copy.set_cookie(cookie.key, cookie.value)
    assert copy.get("/").status_code == 200
    anonymous.post("/logout")
    assert copy.get("/").status_code == 302


def test_switching_an_account_off_ends_its_one_time_link(admin_client, anonymous,
                                                        employee):
    page = admin_client.post(f"/people/{employee.id}/account",
                             data={"email": "jan@example.org"}).get_data(as_text=True)
    link = re.search(r"http://localhost(/password/[\w-]+)", page).group(1)
    admin_client.post(f"/people/{employee.id}/account/active", data={"active": "no"})
    admin_client.post(f"/people/{employee.id}/account/active", data={"active": "yes"})
    assert anonymous.get(link).status_code == 404


def test_hr_cannot_make_itself_someones_manager(admin_client, hr, employee):
    response = admin_client.post(f"/people/{employee.id}/edit", data={
        "name": "Jan Bakker", "manager": hr.id})
    assert response.status_code == 422
    assert employee.manager_id != hr.id
    assert f'value="{hr.id}"' not in admin_client.get("/people/new").get_data(as_text=True)


def test_hrs_account_work_leaves_a_trace_on_the_persons_page(admin_client, anonymous,
                                                             employee):
    page = admin_client.post(f"/people/{employee.id}/account",
                             data={"email": "jan@example.org"}).get_data(as_text=True)
    link = re.search(r"http://localhost(/password/[\w-]+)", page).group(1)
    anonymous.post(link, data={"password": PASSWORD, "repeat": PASSWORD})
    admin_client.post(f"/people/{employee.id}/account/link")
    page = admin_client.get(f"/people/{employee.id}").get_data(as_text=True)
    for line in ("Account aangemaakt, met een eenmalige link",
                 "Wachtwoord gekozen met een eenmalige link",
                 "Nieuwe eenmalige link uitgegeven; het oude wachtwoord werkt niet meer"):
        assert line in page
    assert "Eva Mulder" in page  # who did it
