"""Staff on a 360x740 phone: the inbox as cards (status, deadline and received date on screen),
searching by text and by tracking code (which opens the request), a status change with a message
for the resident that reaches the public timeline, and undoing a change before it is sent."""

import re

import pytest
from playwright.sync_api import expect

from backend.security import Role

from ..factories import make_request, make_user
from .helpers import assert_accessible, log_in, screenshot

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def dpu_staff(app):
    return make_user(role=Role.OPD_STAFF, opd_code="DPU")


def _within_screen(locator, width: int = PHONE["width"]) -> None:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box


def test_on_a_phone_the_inbox_is_cards_with_status_deadline_and_received_date(page, app, dpu_staff):
    code = make_request(description="Lubang di Jl. Sudirman").code
    page.set_viewport_size(PHONE)
    log_in(page, dpu_staff.email)

    page.goto("/staf")
    card = page.locator("tbody tr").filter(has_text=code)
    _within_screen(card)
    _within_screen(card.locator(".badge-submitted"))  # the status
    _within_screen(card.get_by_text("Masih dalam tenggat"))  # the deadline
    _within_screen(card.locator("td").last.locator("time"))  # the received date
    # Each value says what it is: the column's name shown before it.
    label = card.locator("td").last.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Masuk"'
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)
    screenshot(page, "staff-inbox-phone")

    page.set_viewport_size(DESKTOP)  # a PC keeps the table
    expect(page.get_by_role("columnheader", name="Tenggat")).to_be_visible()


def test_staff_search_by_text_and_a_typed_code_opens_the_request(page, app, dpu_staff):
    school = make_request(description="Lubang besar di depan SEKOLAH", address="Jl. Sudirman 5").code
    market = make_request(description="Jalan ambles", address="Pasar Klandasan").code
    page.set_viewport_size(PHONE)
    log_in(page, dpu_staff.email)
    page.goto("/staf")
    cards = page.locator("tbody tr")
    expect(cards).to_have_count(2)

    search = page.get_by_label("Cari kode, alamat atau uraian")
    search.fill("sekolah")
    search.press("Enter")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(school)
    assert "q=sekolah" in page.url
    page.reload()  # the search is kept in the address
    expect(cards).to_have_count(1)
    expect(search).to_have_value("sekolah")

    search.fill(f" {market.lower()} ")
    search.press("Enter")
    expect(page).to_have_url(re.compile(f"/staf/laporan/{market}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(market)
    page.go_back()  # back to the search before, not to the code that opened the request
    expect(page).to_have_url(re.compile(r"/staf\?q=sekolah$"))
    expect(cards).to_have_count(1)


def test_a_message_with_a_status_change_shows_in_the_public_timeline(
    page, browser, browser_context_args, app, client, dpu_staff
):
    code = make_request().code
    page.set_viewport_size(PHONE)
    log_in(page, dpu_staff.email)
    page.goto(f"/staf/laporan/{code}")

    page.get_by_label("Pesan untuk pelapor (opsional)").fill("Tim kami survei lokasi hari Senin.")
    page.get_by_role("button", name="Terima laporan").click()
    expect(page.locator(".staff-undo")).to_contain_text("dalam 5 detik")
    # Nothing is sent while the change can still be undone; then it is sent by itself.
    assert client.get(f"/api/v1/requests/{code}").get_json()["status"] == "submitted"
    expect(page.locator(".staff-status")).to_contain_text(
        "Status laporan sekarang: Diterima petugas.", timeout=10_000
    )
    expect(page.get_by_label("Pesan untuk pelapor (opsional)")).to_have_value("")

    visitor = browser.new_context(**browser_context_args)
    try:
        public = visitor.new_page()
        public.goto(f"/laporan/{code}")
        expect(public.locator(".timeline")).to_contain_text("Tim kami survei lokasi hari Senin.")
    finally:
        visitor.close()


def test_a_status_change_can_be_undone_before_it_is_sent(page, app, client, dpu_staff):
    code = make_request().code
    page.set_viewport_size(PHONE)
    log_in(page, dpu_staff.email)
    page.goto(f"/staf/laporan/{code}")

    page.get_by_role("button", name="Terima laporan").click()
    expect(page.get_by_role("button", name="Terima laporan")).to_be_disabled()
    page.get_by_role("button", name="Batalkan", exact=True).click()
    expect(page.locator(".staff-undo")).to_have_text("Dibatalkan. Status tidak diubah.")
    expect(page.get_by_role("button", name="Terima laporan")).to_be_enabled()
    page.wait_for_timeout(6_000)  # past the undo window: still nothing was sent

    answer = client.get(f"/api/v1/requests/{code}/events").get_json()
    assert [event["kind"] for event in answer] == ["created"]
    assert client.get(f"/api/v1/requests/{code}").get_json()["status"] == "submitted"
    expect(page.locator(".badge-submitted")).to_be_visible()
