"""Autosave as the user sees it: the indicator, a lost connection, an expired session,
and a reload straight after typing."""
import re

from playwright.sync_api import expect

from voortgang.conversations.models import Answer
from voortgang.extensions import db

SAVED_NL = re.compile(r"^Bewaard om \d{2}:\d{2}:\d{2}\.$")


def test_indicator_says_saving_then_saved(page, seeded):
    held = []  # autosaves kept waiting, so "saving" can be seen

    def hold_posts(route):
        if route.request.method == "POST":
            held.append(route)
        else:
            route.continue_()
    page.route(re.compile(r"/looking-back$"), hold_posts)
    page.goto(seeded.phase("looking-back"))
    status = page.locator("#save-status")

    page.locator("#answer_obstacles").fill("Even geduld met bewaren.")
    expect(status).to_have_text("Bezig met bewaren…", use_inner_text=True)
    assert len(held) == 1, "the autosave was not sent"
    held[0].continue_()
    expect(status).to_have_text(SAVED_NL, use_inner_text=True)


def test_lost_connection_is_announced_and_typing_is_kept(page, context, seeded):
    page.goto(seeded.phase("looking-back"))
    problem = page.get_by_role("alert")
    expect(problem).to_be_hidden()

    context.set_offline(True)
    page.locator("#answer_obstacles").fill("Getypt zonder verbinding.")
    expect(problem).to_be_visible()
    expect(problem).to_have_text("Bewaren is niet gelukt. Controleer de verbinding; "
                                 "wat je typte staat nog op het scherm.")
    expect(page.locator("#answer_obstacles")).to_have_value("Getypt zonder verbinding.")

    context.set_offline(False)
    page.locator("#answer_obstacles").press_sequentially(" Weer online.")
    expect(problem).to_be_hidden()
    expect(page.locator("#save-status")).to_have_text(SAVED_NL, use_inner_text=True)
    page.reload()
    expect(page.locator("#answer_obstacles")).to_have_value(
        "Getypt zonder verbinding. Weer online.")


def test_typing_after_the_session_ended_survives_logging_in_again(page, context, seeded,
                                                                   manager):
    from werkzeug.security import generate_password_hash

    from voortgang.extensions import db
    # (set_password would also end the session the browser was given)
    manager.account.password_hash = generate_password_hash("een goed wachtwoord")
    db.session.commit()
    page.goto(seeded.phase("looking-back"))
    context.clear_cookies()  # the session has ended
    page.locator("#answer_obstacles").fill("Getypt na het verlopen van de sessie.")

    # The autosave is refused and the page goes to the login form, then back.
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen bij Voortgang")
    page.get_by_label("E-mailadres").fill(manager.account.email)
    page.get_by_label("Wachtwoord").fill("een goed wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(seeded.phase("looking-back"))
    expect(page.locator("#answer_obstacles")).to_have_value(
        "Getypt na het verlopen van de sessie.")
    expect(page.locator("#save-status")).to_have_text(SAVED_NL, use_inner_text=True)
    page.reload()
    expect(page.locator("#answer_obstacles")).to_have_value(
        "Getypt na het verlopen van de sessie.")


def test_reload_straight_after_typing_loses_nothing(page, seeded):
    """Reload (F5) within the autosave delay: app.js sends the typing as a beacon."""
    typed = "Vlak voor het herladen getypt."
    page.goto(seeded.phase("looking-back"))
    obstacles = page.locator("#answer_obstacles")
    obstacles.press_sequentially(typed)
    page.reload()
    expect(page.get_by_role("heading", level=2)).to_have_text("Terugblik")
    expect.soft(obstacles, "the reloaded page does not show what was typed just before") \
        .to_have_value(typed, timeout=1000)

    # Going on with another question must not wipe the first answer.
    page.locator("#answer_enjoyment").fill("Daarna een andere vraag.")
    expect(page.locator("#save-status")).to_have_text(SAVED_NL, use_inner_text=True)
    page.reload()
    expect(page.locator("#answer_enjoyment")).to_have_value("Daarna een andere vraag.")
    expect(obstacles, "the answer typed before the reload was overwritten by the next "
                      "autosave").to_have_value(typed, timeout=1000)


def test_typing_during_a_network_failure_is_kept_and_saved_later(page, seeded, console):
    """A failed save (status 0: no answer at all) must not drop the draft."""
    typed = "Getypt terwijl het netwerk haperde."
    saves = re.compile(r"/looking-back$")
    page.goto(seeded.phase("looking-back"))
    page.route(saves, lambda route: route.abort() if route.request.method == "POST"
               else route.continue_())
    page.locator("#answer_obstacles").fill(typed)
    expect(page.get_by_role("alert")).to_contain_text("Bewaren is niet gelukt")
    assert _saved_obstacles(seeded) is None

    page.unroute(saves)  # the network is back
    page.reload()
    expect(page.locator("#answer_obstacles")).to_have_value(typed)
    expect(page.locator("#save-status")).to_have_text(SAVED_NL, use_inner_text=True)
    assert _saved_obstacles(seeded) == typed
    page.reload()
    expect(page.locator("#answer_obstacles")).to_have_value(typed)
    # htmx logs the failed save as a console error; nothing may break or fail on the server.
    assert console.page_errors == [] and console.server_errors == []


def _saved_obstacles(seed):
    text = db.session.scalar(db.select(Answer.text).filter_by(
        conversation_id=seed.conversation_id, question_key="obstacles"))
    db.session.commit()  # end the read transaction, so the next look sees new saves
    return text
