"""Screenshots of every screen, in Dutch and English, at three window sizes.

    .venv/bin/python docs/screens/take.py            # all screens into docs/screens/
    .venv/bin/python docs/screens/take.py step-back  # only screens whose name has this

Starts the app on a free port with a temporary SQLite database and the demo data
(`flask seed-demo`), logs in with the demo accounts through the login form, holds part
of a review (answers, an agreement, so the coach has something to say) and shoots
each screen with Debian's chromium. The PNGs are quantized with Pillow to keep the
folder small. docs/screenshot.png (the README's) is the looking-back step at 1280x800.
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import expect, sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PASSWORD = "demo-voortgang"
SIZES = {"laptop": (1280, 800), "display": (1920, 1080), "phone": (390, 844)}
LANGUAGES = ("nl", "en")
COLOURS = 24  # the most common ones of each screenshot, plus the app's own:
BRAND = ("0b4a82", "083a66", "e7f0f9", "1c6b35", "e6f4ea", "8a4b00", "fff3e0", "a3231b",
         "fdecea", "ffbf47", "ffe08a", "4b5563", "15191e", "d5dbe3", "f4f6f9", "7d8796")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(folder):
    """Migrate a fresh database, load the demo, serve it; return (process, base URL)."""
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{folder}/screens.sqlite3",
               SECRET_KEY="screenshots-only", FLASK_APP="voortgang")
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "voortgang"]
    for command in (["db", "upgrade"], ["seed-demo"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(flask + ["serve", "--port", str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/login", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the app did not start")


def log_in(browser, base, email):
    context = browser.new_context(base_url=base, locale="nl-NL",
                                  timezone_id="Europe/Amsterdam")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/login")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(base + "/")
    return page


def switch_language(page, lang):
    button = page.locator(f".language-switch button[value={lang}]")
    if button.get_attribute("aria-pressed") != "true":
        with page.expect_navigation():
            button.click()


def hold_part_of_a_review(page):
    """Sanne starts today's review with Fatima and says something in each step."""
    page.goto("/")
    page.get_by_role("link", name="Fatima El Amrani").first.click()
    page.locator("form[action$='/conversations'] button[type=submit]").click()
    page.wait_for_url("**/looking-back")
    review = page.url.rsplit("/", 1)[0]
    answers = {
        "answer_obstacles": "Het nieuwe ticketsysteem kostte tijd.",
        "answer_enjoyment": "Het is soms te druk, ik haal de pauzes niet.",
    }
    fill(page, answers)
    page.goto(review + "/looking-ahead")
    fill(page, {"answer_ambitions": "Ik wil doorgroeien naar teamcoach.",
                "answer_learning": "Een cursus over coachen."})
    page.goto(review + "/agreements")
    page.locator("#agreements .add-item textarea").fill(
        "Fatima probeert binnenkort beter te plannen")
    page.locator("#agreements .add-item button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    return review


def fill(page, answers):
    for name, text in answers.items():
        page.locator(f"[name={name}]").fill(text)
    page.wait_for_timeout(1200)  # autosave after 700 ms
    page.wait_for_load_state("networkidle")


def shoot(page, path, name, out, only, full_page=False):
    if only and not any(word in name for word in only):
        return
    if path is not None:
        page.goto(path)
    page.wait_for_load_state("networkidle")
    file = out / f"{name}.png"
    page.screenshot(path=str(file), full_page=full_page)
    small(file)
    print(file.relative_to(ROOT))


def small(file):
    """Few colours keep a PNG small; the app's own colours are always among them, so
    a green 'done' or a red 'overdue' stays what it is."""
    image = Image.open(file).convert("RGB")
    common = image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT).getpalette()[:COLOURS * 3]
    palette = common + [part for colour in BRAND for part in bytes.fromhex(colour)]
    holder = Image.new("P", (1, 1))
    holder.putpalette(palette + palette[:3] * (256 - len(palette) // 3))
    image.quantize(palette=holder, dither=Image.Dither.NONE).save(file, optimize=True)


def screens(page, role, review):
    """(name, path) of what a role sees; None: the page as it is."""
    if role == "manager":
        return [
            ("start", "/"),
            ("person", person_path(page, "Fatima El Amrani")),
            ("step-back", review + "/looking-back"),
            ("step-ahead", review + "/looking-ahead"),
            ("step-agreements", review + "/agreements"),
            ("overview", review + "/overview"),
            ("follow-up", "/follow-up"),
            ("summary", link_on_person_page(page, "Fatima El Amrani", ".summary-link")),
            ("timeline", person_path(page, "Fatima El Amrani") + "/timeline"),
            ("prepare", planned_review(page) + "/prepare"),
        ]
    if role == "employee":
        return [("start", "/"), ("step-back", review + "/looking-back"),
                ("overview", review + "/overview")]
    return [("start", "/"), ("person", person_path(page, "Fatima El Amrani")),
            ("history", link_on_person_page(page, "Fatima El Amrani", ".history-link")),
            ("new-person", "/people/new")]


def person_path(page, name):
    page.goto("/")
    href = page.get_by_role("link", name=name).first.get_attribute("href")
    return href


def link_on_person_page(page, name, selector):
    """Where a link of the person's earliest review goes (the demo's earlier one)."""
    page.goto(person_path(page, name))
    return page.locator(f".reviews li:last-child {selector}").get_attribute("href")


def planned_review(page):
    page.goto("/")
    return page.locator("a[href$='/prepare']").first.get_attribute("href").rsplit("/", 1)[0]


def main(only):
    out = HERE
    folder = tempfile.mkdtemp(prefix="voortgang-screens-")
    server, base = start_app(folder)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=["--no-sandbox", "--disable-gpu"])
            manager = log_in(browser, base, "sanne@voortgang.demo")
            review = hold_part_of_a_review(manager)
            employee = log_in(browser, base, "fatima@voortgang.demo")
            hr = log_in(browser, base, "eva@voortgang.demo")
            login = browser.new_context(base_url=base, locale="nl-NL").new_page()
            for lang in LANGUAGES:
                for size, (width, height) in SIZES.items():
                    login.set_viewport_size({"width": width, "height": height})
                    login.goto("/login")
                    switch_language(login, lang)
                    shoot(login, None, f"login-{lang}-{size}", out, only)
                for role, page in (("manager", manager), ("employee", employee), ("hr", hr)):
                    page.goto("/")
                    switch_language(page, lang)
                    for name, path in screens(page, role, review):
                        for size, (width, height) in SIZES.items():
                            page.set_viewport_size({"width": width, "height": height})
                            shoot(page, path, f"{role}-{name}-{lang}-{size}", out, only)
                    if role == "manager":
                        phone_full_page(page, review, lang, out, only)
                        presentation(page, review, lang, out, only)
            manager.set_viewport_size({"width": 1280, "height": 800})
            switch_language(manager, "nl")
            manager.goto(review + "/looking-back")
            manager.wait_for_load_state("networkidle")
            manager.screenshot(path=str(ROOT / "docs/screenshot.png"))
            small(ROOT / "docs/screenshot.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


def phone_full_page(page, review, lang, out, only):
    """A whole step on a phone. The window is made as tall as the page, so the coach's
    panel sits at its bottom, as it does at the end of scrolling."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(review + "/looking-back")
    page.wait_for_load_state("networkidle")
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": 390, "height": height})
    shoot(page, None, f"manager-step-back-{lang}-phone-full", out, only)


def presentation(page, review, lang, out, only):
    """The presentation text size, as a meeting-room display shows it."""
    toggle = page.locator("[data-display-toggle] button")
    if toggle.count() == 0:
        return
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(review + "/looking-back")
    toggle.click()
    expect(page.locator("html")).to_have_class("presentation")
    shoot(page, None, f"manager-step-back-presentation-{lang}-display", out, only)
    page.locator("[data-display-toggle] button").click()
    expect(page.locator("html")).not_to_have_class("presentation")


if __name__ == "__main__":
    main(sys.argv[1:])
