"""The staff screens in Chromium: the OPD's inbox by deadline, working a request (accept, start,
resolve with a photo, so that its reporter sees it resolved), conflicts, and the news editor
(Markdown preview, publish, schedule in the city's time, the pin limit)."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from backend.database import utcnow
from backend.news.services import create_article, publish_article
from backend.security import Role

from ..factories import auth_headers, jpeg, make_request, make_user, set_fields
from .helpers import assert_accessible, log_in, screenshot

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def dpu_staff(app):
    # Potholes (jalan-berlubang) go to the public works agency, DPU.
    return make_user(role=Role.OPD_STAFF, opd_code="DPU", name="Andi Staf DPU")


def _status_note(page):
    return page.locator(".staff-status")


def test_staff_accepts_and_resolves_and_the_resident_sees_it_resolved(
    page, browser, browser_context_args, app, client, dpu_staff, tmp_path
):
    resident = make_user(name="Siti Warga", phone="081234567890")
    filed = make_request(reporter=resident, description="Lubang besar di depan sekolah.")
    code = filed.code
    page.set_viewport_size(DESKTOP)
    log_in(page, dpu_staff.email)

    page.goto("/staf")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=code))
    expect(row).to_contain_text("Jalan Berlubang")
    expect(row).to_contain_text("Masih dalam tenggat")

    row.get_by_role("link", name=code).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(code)
    expect(page.get_by_text("Lubang besar di depan sekolah.")).to_be_visible()
    expect(page.get_by_role("link", name="081234567890")).to_have_attribute("href", "tel:081234567890")
    # Only the moves the server allows for a new request.
    expect(page.get_by_role("button", name="Terima laporan")).to_be_visible()
    expect(page.get_by_role("button", name="Mulai kerjakan")).to_have_count(0)
    expect(page.get_by_role("button", name="Selesaikan…")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("button", name="Terima laporan").click()
    page.get_by_role("button", name="Kirim sekarang").click()  # no need to wait out the undo window
    expect(_status_note(page)).to_contain_text("Status laporan sekarang: Diterima petugas.")
    page.get_by_label("Tulis catatan").fill("Cek lokasi besok pagi.")
    page.get_by_role("button", name="Simpan catatan").click()
    expect(page.locator(".timeline")).to_contain_text("Cek lokasi besok pagi.")
    expect(page.locator(".timeline-internal")).to_contain_text("Cek lokasi besok pagi.")
    page.get_by_role("button", name="Mulai kerjakan").click()
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(_status_note(page)).to_contain_text("Sedang dikerjakan")

    page.get_by_role("button", name="Selesaikan…").click()
    page.get_by_role("button", name="Tandai selesai").click()
    expect(page.get_by_text("Wajib diisi.")).to_be_visible()
    page.get_by_label("Apa yang sudah dikerjakan?").fill("Lubang sudah ditambal dan dipadatkan.")
    after = tmp_path / "sesudah.jpg"
    after.write_bytes(jpeg())
    page.get_by_label("Foto sesudah (opsional)").set_input_files(str(after))
    page.get_by_role("button", name="Tandai selesai").click()
    expect(_status_note(page)).to_contain_text("Status laporan sekarang: Selesai.")
    expect(page.locator(".timeline")).to_contain_text("Lubang sudah ditambal dan dipadatkan.")
    expect(page.locator(".timeline img")).to_have_count(1)
    expect(page.get_by_role("button", name="Tutup laporan")).to_be_visible()
    screenshot(page, "staff-work-page")

    answer = client.get(f"/api/v1/requests/{code}", headers=auth_headers(resident)).get_json()
    assert answer["status"] == "resolved"
    assert answer["viewer"]["can_rate"] is True

    # The resident, in a browser of their own, sees the new status on the request page.
    resident_context = browser.new_context(**browser_context_args)
    try:
        resident_page = resident_context.new_page()
        log_in(resident_page, resident.email)
        resident_page.goto(f"/laporan/{code}")
        expect(resident_page.locator(".badge-resolved")).to_have_text("Selesai")
        expect(resident_page.locator(".timeline")).to_contain_text("Lubang sudah ditambal dan dipadatkan.")
        expect(resident_page.get_by_text("Cek lokasi besok pagi.")).to_have_count(0)
    finally:
        resident_context.close()


def test_the_inbox_puts_the_most_urgent_first_and_filters(page, app, dpu_staff):
    now = utcnow()
    relaxed = make_request(description="Masih lama")
    due = set_fields(make_request(description="Hampir jatuh tempo"), sla_due_at=now + timedelta(hours=5))
    late = set_fields(make_request(description="Terlambat"), sla_due_at=now - timedelta(hours=3))
    other_opd = make_request("sampah-menumpuk")
    page.set_viewport_size(DESKTOP)
    log_in(page, dpu_staff.email)

    page.goto("/staf")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text(late.code)
    expect(rows.nth(0)).to_contain_text("Lewat tenggat")
    expect(rows.nth(1)).to_contain_text(due.code)
    expect(rows.nth(1)).to_contain_text("Tenggat < 24 jam")
    expect(rows.nth(2)).to_contain_text(relaxed.code)
    expect(page.get_by_text(other_opd.code)).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "staff-inbox")

    page.get_by_label("Hanya yang lewat tenggat").check()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(late.code)
    assert "overdue=1" in page.url
    page.get_by_role("button", name="Hapus saringan").click()
    expect(rows).to_have_count(3)
    page.get_by_label("Status").select_option("resolved")
    expect(page.get_by_text("Tidak ada laporan yang cocok dengan saringan ini.")).to_be_visible()

    # A click anywhere on the row opens the work page.
    page.get_by_role("button", name="Hapus saringan").click()
    rows.filter(has_text=due.code).get_by_text("Jalan Berlubang").click()
    expect(page).to_have_url(re.compile(f"/staf/laporan/{due.code}$"))


def test_a_change_made_elsewhere_first_is_explained_and_the_page_reloads(page, app, client, dpu_staff):
    code = make_request().code
    log_in(page, dpu_staff.email)
    page.goto(f"/staf/laporan/{code}")
    expect(page.get_by_role("button", name="Terima laporan")).to_be_visible()
    colleague = make_user(role=Role.OPD_STAFF, opd_code="DPU")
    response = client.post(
        f"/api/v1/requests/{code}/transitions", json={"to": "accepted"}, headers=auth_headers(colleague)
    )
    assert response.status_code == 200

    page.get_by_role("button", name="Terima laporan").click()
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(page.locator(".staff-status .error-note")).to_contain_text("tidak dapat menjadi")
    expect(page.get_by_role("button", name="Mulai kerjakan")).to_be_visible()
    expect(page.get_by_role("button", name="Terima laporan")).to_have_count(0)
    assert_accessible(page)  # on a phone-sized screen this time


def test_an_admin_without_an_opd_chooses_one(page, app):
    admin = make_user(role=Role.ADMIN)
    pothole = make_request()
    rubbish = make_request("sampah-menumpuk")
    page.set_viewport_size(DESKTOP)  # the OPD column is a table's; a phone shows cards
    log_in(page, admin.email)
    page.goto("/staf")
    expect(page.get_by_text("Sebagai admin, Anda melihat laporan semua OPD")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(page.get_by_role("columnheader", name="OPD")).to_be_visible()
    page.get_by_label("OPD").select_option("DPU")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(pothole.code)
    expect(page.get_by_text(rubbish.code)).to_have_count(0)
    expect(page.get_by_role("columnheader", name="OPD")).to_have_count(0)


def test_staff_write_a_draft_see_the_preview_and_publish_it(page, app, client, dpu_staff):
    page.set_viewport_size(DESKTOP)
    log_in(page, dpu_staff.email)
    page.goto("/staf/berita")
    expect(page.get_by_text("Belum ada artikel.")).to_be_visible()
    page.get_by_role("link", name="Tulis artikel").click()

    page.get_by_label("Judul").fill("Perbaikan Jalan Sudirman")
    page.get_by_label("Ringkasan").fill("Lajur kiri ditutup tiga hari.")
    page.get_by_label("Isi artikel (Markdown)").fill(
        "## Jadwal\n\n**Senin** sampai Rabu.\n\n<script>alert(1)</script>"
    )
    preview = page.locator(".staff-preview-body")
    expect(preview.get_by_role("heading", name="Jadwal")).to_be_visible()
    expect(preview.locator("strong")).to_have_text("Senin")
    expect(preview.locator("script")).to_have_count(0)

    page.get_by_role("button", name="Simpan draf").click()
    expect(page).to_have_url(re.compile("/staf/berita/perbaikan-jalan-sudirman$"))
    expect(_status_note(page)).to_contain_text("Tersimpan.")
    expect(page.locator(".staff-publish")).to_contain_text("Draf")
    expect(page.get_by_label("Isi artikel (Markdown)")).to_have_value(re.compile(r"^## Jadwal\n"))
    assert client.get("/api/v1/news").get_json()["items"] == []
    assert_accessible(page)
    screenshot(page, "staff-news-editor")

    page.get_by_role("button", name="Terbitkan sekarang").click()
    expect(_status_note(page)).to_contain_text("Artikel sudah terbit.")
    feed = client.get("/api/v1/news").get_json()["items"]
    assert [item["slug"] for item in feed] == ["perbaikan-jalan-sudirman"]
    assert "<strong>Senin</strong>" in client.get(f"/api/v1/news/{feed[0]['slug']}").get_json()["body_html"]

    page.get_by_role("link", name="Kembali ke daftar berita").click()
    row = page.get_by_role("row").filter(has_text="Perbaikan Jalan Sudirman")
    expect(row).to_contain_text("Terbit")


def test_what_the_editor_typed_survives_a_reload(page, app, dpu_staff):
    log_in(page, dpu_staff.email)
    page.goto("/staf/berita/baru")
    page.get_by_label("Judul").fill("Jadwal posyandu")
    page.get_by_label("Isi artikel (Markdown)").fill("Setiap **Selasa**.")
    page.wait_for_timeout(500)  # the safety copy is written after a short pause in typing
    page.reload()
    expect(
        page.get_by_text("Perubahan yang belum tersimpan dari kunjungan sebelumnya telah dipulihkan.")
    ).to_be_visible()
    expect(page.get_by_label("Judul")).to_have_value("Jadwal posyandu")
    expect(page.get_by_label("Isi artikel (Markdown)")).to_have_value("Setiap **Selasa**.")
    page.get_by_role("button", name="Buang perubahan itu").click()
    expect(page.get_by_label("Judul")).to_have_value("")


def test_scheduling_uses_the_city_time_and_pins_stop_at_three(page, app, client, dpu_staff):
    for number in range(3):
        pinned = create_article(
            dpu_staff, {"title": f"Sematan {number}", "category": "pengumuman", "is_pinned": True}
        )
        publish_article(pinned.slug, dpu_staff)
    draft = create_article(dpu_staff, {"title": "Kerja bakti kelurahan", "category": "berita"})
    log_in(page, dpu_staff.email)

    page.goto(f"/staf/berita/{draft.slug}")
    page.get_by_role("button", name="Sematkan di atas").click()
    expect(_status_note(page)).to_contain_text("3")
    expect(page.get_by_role("button", name="Sematkan di atas")).to_be_visible()

    page.get_by_label("Atau jadwalkan terbit pada").fill("2030-01-15T08:30")
    page.get_by_role("button", name="Jadwalkan").click()
    expect(_status_note(page)).to_contain_text("Artikel dijadwalkan terbit.")
    expect(page.locator(".staff-publish")).to_contain_text("Terjadwal")
    stored = client.get(f"/api/v1/news/{draft.slug}", headers=auth_headers(dpu_staff)).get_json()
    # 08:30 WITA (UTC+8) is 00:30 UTC.
    assert stored["published_at"].startswith("2030-01-15T00:30:00")
    assert stored["status"] == "scheduled"
