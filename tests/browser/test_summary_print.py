"""The summary in a real browser: on screen, and as the printer sees it (A4, no
buttons or navigation)."""
from datetime import date, datetime, timezone
from pathlib import Path

from playwright.sync_api import expect

from voortgang.conversations.models import Conversation, Status
from voortgang.extensions import db

SHOTS = Path(__file__).resolve().parent.parent.parent / "instance" / "screenshots"


def _complete(seed):
    review = db.session.get(Conversation, seed.conversation_id)
    review.status = Status.COMPLETED
    review.completed_at = datetime.now(timezone.utc)
    review.next_evaluation_on = date(2027, 5, 12)
    review.employee_reaction = "Ik voelde me gehoord en weet wat ik ga doen."
    db.session.commit()


def test_summary_on_screen_and_in_print(page, seeded, console):
    _complete(seeded)
    page.goto(f"/conversations/{seeded.conversation_id}/summary")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Samenvatting")
    print_button = page.get_by_role("button", name="Afdrukken")
    expect(print_button).to_be_visible()  # shown once the script runs
    expect(page.get_by_role("link", name="Downloaden als pdf")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "signoff-summary-screen.png"), full_page=True)

    page.emulate_media(media="print")
    for hidden in (".site-header", ".summary-actions", ".signoff-panel", ".print-hint"):
        expect(page.locator(hidden)).to_be_hidden()
    expect(page.locator(".summary-document")).to_be_visible()
    expect(page.locator(".summary-signatures")).to_be_visible()
    page.screenshot(path=str(SHOTS / "signoff-summary-print.png"), full_page=True)
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")

    # Confirming from the browser: the summary then says who did.
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Bevestig als leidinggevende").click()
    expect(page.locator(".flash")).to_contain_text("bevestiging is opgeslagen")
    expect(page.locator(".signatures")).to_contain_text("heeft bevestigd op")
    assert console.problems() == []


def test_a_confirmed_review_reads_as_locked(page, seeded, console):
    _complete(seeded)
    review = db.session.get(Conversation, seeded.conversation_id)
    review.manager_signed_at = review.employee_signed_at = datetime.now(timezone.utc)
    db.session.commit()
    page.goto(f"/conversations/{seeded.conversation_id}/looking-back")
    expect(page.locator(".locked-note")).to_contain_text("allebei bevestigd")
    expect(page.locator("#phase-form")).to_have_count(0)
    page.screenshot(path=str(SHOTS / "signoff-locked-phase.png"), full_page=False)
    page.get_by_role("link", name="Open de samenvatting").click()
    expect(page.get_by_role("heading", name="Het gesprek heropenen")).to_be_visible()
    page.get_by_role("button", name="Heropenen voor wijzigingen").click()
    expect(page.locator(".field.has-error")).to_contain_text("Zeg waarom")
    page.get_by_label("Reden om te heropenen").fill("De cursusdatum is verschoven.")
    page.get_by_role("button", name="Heropenen voor wijzigingen").click()
    expect(page.locator(".flash")).to_contain_text("weer open")
    expect(page.locator(".reopenings")).to_contain_text("De cursusdatum is verschoven.")
    # The refused reopening (no reason) is a 422: the browser logs it, nothing else.
    assert [p for p in console.problems() if "status of 422" not in p] == []
