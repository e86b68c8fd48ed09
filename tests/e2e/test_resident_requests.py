"""The resident's request screens in Chromium: my requests, the request page and its actions
(comment, support, rate, reopen), the anonymous tracking link, and reading offline."""

import re
from datetime import timedelta

from playwright.sync_api import expect

from backend.database import utcnow
from backend.extensions import db
from backend.service_requests.models import ServiceRequest

from ..factories import jpeg, set_fields
from .conftest import wait_for_service_worker
from .helpers import assert_accessible, log_in, screenshot
from .test_resident_requests_steps import (
    advance_request,
    file_request_via_api,
    make_resident,
)


def _stored(code: str) -> ServiceRequest:
    db.session.expire_all()
    return db.session.query(ServiceRequest).filter_by(code=code).one()


def test_resident_sees_their_request_comments_on_it_and_supports_another(page, app):
    resident = make_resident(name="Siti Warga")
    neighbour = make_resident()
    mine = file_request_via_api(page, resident, photo=jpeg((640, 480)))
    theirs = file_request_via_api(
        page, neighbour, "sampah-menumpuk", attributes={"jenis_sampah": ["plastik"]}
    )

    set_fields(_stored(mine["code"]), sla_due_at=utcnow() - timedelta(hours=1))

    log_in(page, resident.email)
    page.goto("/laporan-saya")
    card = page.get_by_role("link", name=re.compile("Jalan Berlubang"))
    expect(card).to_contain_text(mine["code"])
    expect(card).to_contain_text("Diterima sistem")
    expect(card).to_contain_text("Terlambat")
    expect(page.get_by_text(theirs["code"])).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "resident-my-requests")

    card.click()
    expect(page.get_by_role("heading", level=1, name="Jalan Berlubang")).to_be_visible()
    expect(page.get_by_text("Kecil (kurang dari 30 cm)")).to_be_visible()
    expect(page.get_by_text("Kel. Manggar")).to_be_visible()
    expect(page.get_by_text("Ini laporan Anda")).to_be_visible()
    thumbnail = page.get_by_role("img", name="Foto 1 dari 1")
    expect(thumbnail).to_have_attribute("src", mine["photos"][0]["thumb_url"])
    expect(page.get_by_role("link", name="Foto 1 dari 1")).to_have_attribute("href", mine["photos"][0]["url"])
    page.wait_for_function("document.querySelector('.photo-list img').naturalWidth > 0")
    page.get_by_label("Komentar", exact=True).fill("Mohon segera ditangani, sudah ada yang jatuh.")
    page.get_by_role("button", name="Kirim komentar").click()
    expect(page.locator(".timeline")).to_contain_text("Mohon segera ditangani, sudah ada yang jatuh.")
    expect(page.locator(".timeline")).to_contain_text("Komentar dari Warga")
    expect(page.get_by_label("Komentar", exact=True)).to_have_value("")
    expect(page.get_by_text("Komentar terkirim.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "resident-request-page")

    page.goto(f"/laporan/{theirs['code']}")
    expect(page.get_by_text("Pendukung: 0")).to_be_visible()
    page.get_by_role("button", name="Dukung laporan ini").click()
    expect(page.get_by_text("Pendukung: 1")).to_be_visible()
    expect(page.get_by_text("Anda mendukung laporan ini")).to_be_focused()
    expect(page.get_by_role("button", name="Dukung laporan ini")).to_have_count(0)
    page.reload()
    expect(page.get_by_text("Anda mendukung laporan ini")).to_be_visible()
    assert _stored(theirs["code"]).supporter_count == 1


def test_reporter_rates_one_resolved_request_and_reopens_another(page, app):
    resident = make_resident()
    rated = file_request_via_api(page, resident)
    reopened = file_request_via_api(page, resident, description="Lubang kedua di tikungan.")
    advance_request(rated["code"], "resolved")
    advance_request(reopened["code"], "resolved")
    log_in(page, resident.email)

    page.goto(f"/laporan/{rated['code']}")
    expect(page.locator(".timeline")).to_contain_text("Sudah ditambal dan dipadatkan.")
    page.get_by_label("4 bintang").check()
    page.get_by_label("Saran atau masukan").fill("Cepat ditangani, terima kasih.")
    page.get_by_role("button", name="Kirim penilaian").click()
    expect(page.get_by_text("Terima kasih atas penilaian Anda.")).to_be_focused()
    expect(page.get_by_role("button", name="Kirim penilaian")).to_have_count(0)
    expect(page.locator(".timeline")).to_contain_text("Cepat ditangani, terima kasih.")
    expect(page.locator(".request-facts").first).to_contain_text("4 dari 5 bintang")
    assert _stored(rated["code"]).rating == 4

    page.goto(f"/laporan/{reopened['code']}")
    page.get_by_role("button", name="Buka kembali laporan").click()
    expect(page.get_by_text("Tulis alasannya, minimal 3 huruf.")).to_be_visible()
    page.get_by_label("Alasan membuka kembali").fill("Lubangnya muncul lagi setelah hujan.")
    page.get_by_role("button", name="Buka kembali laporan").click()
    expect(page.get_by_text("Laporan dibuka kembali dan dikembalikan ke petugas.")).to_be_visible()
    expect(page.locator("header .badge")).to_have_text("Sedang dikerjakan")
    expect(page.locator(".timeline")).to_contain_text("Laporan dibuka kembali oleh pelapor")
    expect(page.locator(".timeline")).to_contain_text("Lubangnya muncul lagi setelah hujan.")
    assert _stored(reopened["code"]).status == "in_progress"


def test_a_refused_rating_keeps_the_feedback_and_shows_the_server_message(page, app):
    resident = make_resident()
    filed = file_request_via_api(page, resident)
    advance_request(filed["code"], "resolved")
    log_in(page, resident.email)
    page.goto(f"/laporan/{filed['code']}")
    page.get_by_label("5 bintang").check()
    page.get_by_label("Saran atau masukan").fill("Bagus sekali.")
    # Rated meanwhile from another device: the server refuses the second rating.
    _stored(filed["code"]).rating = 3
    db.session.commit()
    page.get_by_role("button", name="Kirim penilaian").click()
    expect(page.locator(".error-note")).to_be_visible()
    expect(page.locator(".error-note")).not_to_be_empty()
    expect(page.get_by_label("Saran atau masukan")).to_have_value("Bagus sekali.")
    expect(page.get_by_label("5 bintang")).to_be_checked()


def test_my_requests_and_the_request_page_open_offline_after_one_visit(page, context, app):
    resident = make_resident()
    filed = file_request_via_api(page, resident)
    log_in(page, resident.email)
    wait_for_service_worker(page)
    page.goto("/laporan-saya")
    expect(page.get_by_text(filed["code"])).to_be_visible()
    page.goto(f"/laporan/{filed['code']}")
    expect(page.locator(".timeline")).to_contain_text("Laporan dikirim")

    context.set_offline(True)
    try:
        assert page.reload().from_service_worker
        expect(page.get_by_role("heading", level=1, name="Jalan Berlubang")).to_be_visible()
        expect(page.locator(".timeline")).to_contain_text("Laporan dikirim")
        expect(page.get_by_text("Anda sedang offline")).to_be_visible()
        # A comment typed offline is kept, with the reason it was not sent, even across a reload.
        page.get_by_label("Komentar", exact=True).fill("Masih berlubang.")
        page.get_by_role("button", name="Kirim komentar").click()
        expect(page.get_by_text("Tidak ada koneksi internet")).to_be_visible()
        expect(page.get_by_label("Komentar", exact=True)).to_have_value("Masih berlubang.")
        page.reload()
        expect(page.get_by_label("Komentar", exact=True)).to_have_value("Masih berlubang.")

        page.goto("/laporan-saya")
        expect(page.get_by_role("link", name=re.compile("Jalan Berlubang"))).to_contain_text(filed["code"])
    finally:
        context.set_offline(False)


def test_the_anonymous_tracking_link_opens_a_private_request(page, app):
    filed = file_request_via_api(page, None, public=False)
    page.goto(f"/laporan/{filed['code']}")
    expect(page.get_by_role("heading", level=1, name="Laporan tidak dapat dibuka")).to_be_visible()

    page.goto(f"/laporan/{filed['code']}?token={filed['tracking_token']}")
    expect(page.get_by_role("heading", level=1, name="Jalan Berlubang")).to_be_visible()
    expect(page.get_by_text("Simpan tautan halaman ini")).to_be_visible()
    expect(page.get_by_text("Laporan ini tidak ditampilkan untuk umum.")).to_be_visible()
    expect(page.locator(".timeline")).to_contain_text("Laporan dikirim")
    expect(page.get_by_role("button", name="Dukung laporan ini")).to_have_count(0)


def test_my_requests_asks_a_visitor_to_log_in_or_register(page, app):
    page.goto("/laporan-saya")
    expect(page.get_by_role("heading", name="Masuk untuk melihat laporan Anda")).to_be_visible()
    expect(page.get_by_role("link", name="Masuk", exact=True)).to_have_attribute(
        "href", "/masuk?next=%2Flaporan-saya"
    )
    expect(page.get_by_role("link", name="Daftar akun baru")).to_have_attribute("href", "/daftar")
    assert_accessible(page)
