"""The admin screens in a real browser: roles, agencies, the catalogue editor and moderation."""

import re

import pytest
from playwright.sync_api import expect

from backend.accounts.models import User
from backend.extensions import db
from backend.security import Role

from ..factories import add_comment, make_request, make_user
from .conftest import wait_for_service_worker
from .helpers import assert_accessible, log_in, screenshot

NARROW = {"width": 360, "height": 740}


@pytest.fixture
def admin_page(page, context, app):
    """The browser, logged in as a fresh admin; map tiles are never fetched."""
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    with app.app_context():
        email = make_user(role=Role.ADMIN, name="Admin Kominfo").email
    log_in(page, email)
    return page


def test_admin_makes_a_resident_staff_of_an_opd_and_cannot_change_themself(admin_page, app):
    page = admin_page
    with app.app_context():
        resident_id = make_user(name="Budi Santoso").id
    page.goto("/admin/pengguna")
    page.get_by_label("Cari pengguna").fill("Budi")
    page.get_by_role("button", name="Cari", exact=True).click()
    page.get_by_role("button", name="Ubah Budi Santoso").click()
    page.get_by_label("Peran", exact=True).select_option("opd_staff")
    page.get_by_label("OPD").select_option("DPU")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_have_text("Perubahan untuk Budi Santoso tersimpan.")

    page.reload()
    row = page.get_by_role("row").filter(has_text="Budi Santoso")
    expect(row).to_contain_text("Staf OPD · DPU")
    with app.app_context():
        changed = db.session.get(User, resident_id)
        assert (changed.role, changed.opd.code) == (Role.OPD_STAFF, "DPU")

    page.get_by_role("button", name="Ubah Admin Kominfo").click()
    page.get_by_label("Peran", exact=True).select_option("resident")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator(".admin-inline-form .error-note")).to_contain_text(
        "Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri."
    )
    assert_accessible(page)
    screenshot(page, "admin-users")
    page.set_viewport_size(NARROW)
    screenshot(page, "admin-users-360")


def test_admin_adds_an_opd_after_fixing_what_the_server_refused(admin_page):
    page = admin_page
    page.goto("/admin/opd")
    page.get_by_role("button", name="Tambah OPD").click()
    page.get_by_label("Kode OPD").fill("bapenda")
    page.get_by_label("Nama OPD").fill("Badan Pendapatan Daerah")
    page.get_by_label("Nama singkat").fill("Bapenda")
    page.get_by_label("Email").fill("bukan-email")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#opd-new-email-error")).to_be_visible()
    expect(page.get_by_label("Nama OPD")).to_have_value("Badan Pendapatan Daerah")

    page.get_by_label("Email").fill("bapenda@balikpapan.go.id")
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_have_text("Bapenda ditambahkan.")
    expect(page.get_by_role("row").filter(has_text="BAPENDA")).to_contain_text("bapenda@balikpapan.go.id")
    listed = page.request.get("/api/v1/opds").json()
    assert "BAPENDA" in {opd["code"] for opd in listed}
    screenshot(page, "admin-opds")


def test_admin_edits_a_services_sla_and_adds_a_list_attribute(admin_page):
    page = admin_page
    page.goto("/admin/layanan")
    # With the worker in charge the catalogue is cached, as on an admin's own machine.
    wait_for_service_worker(page)
    page.reload()
    expect(page.get_by_role("status")).to_contain_text("Menampilkan 26 dari 26 layanan.")
    screenshot(page, "admin-catalogue")
    page.get_by_label("Cari layanan").fill("parkir")
    page.get_by_role("link", name="Parkir Liar").click()
    page.get_by_label("SLA tanggapan pertama (jam)").fill("12")
    page.get_by_label("SLA penyelesaian (jam)").fill("6")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.locator("#service-sla-resolution-error")).to_have_text(
        "Tidak boleh lebih singkat dari waktu tanggapan."
    )
    page.get_by_label("SLA penyelesaian (jam)").fill("48")
    page.get_by_role("button", name="Simpan", exact=True).click()
    expect(page.get_by_role("status")).to_have_text("Rincian layanan tersimpan.")
    page.get_by_role("link", name="Kembali ke katalog").click()
    page.get_by_label("Cari layanan").fill("parkir")
    expect(page.get_by_role("row").filter(has_text="Parkir Liar")).to_contain_text(
        "Tanggapan 12 · selesai 48"
    )
    page.get_by_role("link", name="Parkir Liar").click()

    page.get_by_role("button", name="Tambah isian").click()
    page.get_by_label("Kode isian").fill("arah_jalan")
    page.get_by_label("Jenis isian").select_option("singlevaluelist")
    page.get_by_label("Label (Bahasa Indonesia)").fill("Arah jalan")
    page.get_by_label("Label (English)").fill("Direction")
    page.get_by_label("Kunci pilihan 1").fill("utara")
    page.get_by_label("Nama pilihan 1 (Bahasa Indonesia)").fill("Ke utara")
    page.get_by_label("Kunci pilihan 2").fill("selatan")
    page.get_by_label("Nama pilihan 2 (Bahasa Indonesia)").fill("Ke selatan")
    assert_accessible(page)
    screenshot(page, "admin-service-editor")
    page.get_by_role("button", name="Simpan isian").click()
    expect(page.get_by_role("status")).to_have_text("Isian arah_jalan ditambahkan.")
    expect(page.get_by_role("row").filter(has_text="arah_jalan")).to_contain_text("Ke utara, Ke selatan")

    service = page.request.get("/api/v1/services/parkir-liar").json()
    assert (service["sla_response_hours"], service["sla_resolution_hours"]) == (12, 48)
    added = next(attribute for attribute in service["attributes"] if attribute["code"] == "arah_jalan")
    assert added["datatype"] == "singlevaluelist"
    assert added["label"] == {"id": "Arah jalan", "en": "Direction"}
    assert added["values"] == [
        {"key": "utara", "name": {"id": "Ke utara"}},
        {"key": "selatan", "name": {"id": "Ke selatan"}},
    ]
    page.set_viewport_size(NARROW)
    screenshot(page, "admin-service-editor-360")


def test_admin_hides_a_public_request_from_the_moderation_screen(admin_page, app):
    page = admin_page
    with app.app_context():
        request = make_request(reporter=make_user(), description="Iklan pinjaman online, hubungi 0812")
        code = request.code
        add_comment(request, make_user())
    page.goto("/admin/moderasi")
    card = page.get_by_role("listitem").filter(has_text=code)
    card.get_by_role("button", name=f"Sembunyikan laporan {code}").click()
    page.get_by_label("Alasan").fill("Spam iklan")
    page.get_by_role("button", name="Ya, sembunyikan").click()
    expect(page.get_by_role("status")).to_have_text(f"{code} disembunyikan.")
    expect(card).to_contain_text(re.compile("Disembunyikan.*Alasan: Spam iklan"))
    expect(card.get_by_role("button", name=f"Tampilkan lagi laporan {code}")).to_be_focused()

    public = page.request.get("/api/v1/requests").json()["items"]
    assert code not in {item["code"] for item in public}
    assert_accessible(page)
    screenshot(page, "admin-moderation")

    page.get_by_role("button", name="Komentar").click()
    page.get_by_role("button", name=f"Sembunyikan komentar pada {code}").click()
    expect(page.get_by_role("status")).to_have_text("Komentar disembunyikan.")
    page.set_viewport_size(NARROW)
    screenshot(page, "admin-moderation-360")


def test_admin_adds_a_service_and_lands_in_its_editor(admin_page):
    page = admin_page
    page.goto("/admin/layanan")
    page.get_by_role("link", name="Layanan baru").click()
    page.get_by_label("Kode layanan").fill("sumur-bor")
    page.get_by_label("Nama layanan (Bahasa Indonesia)").fill("Sumur bor rusak")
    page.get_by_label("Deskripsi (Bahasa Indonesia)").fill("Sumur bor umum tidak berfungsi.")
    page.get_by_label("Kelompok layanan").select_option("air-utilitas")
    page.get_by_label("OPD penanggung jawab").select_option("PTM")
    page.get_by_label("SLA tanggapan pertama (jam)").fill("24")
    page.get_by_label("SLA penyelesaian (jam)").fill("72")
    page.get_by_role("button", name="Buat layanan").click()

    expect(page).to_have_url(re.compile("/admin/layanan/sumur-bor"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sumur bor rusak")
    expect(page.get_by_role("status")).to_contain_text("Layanan dibuat.")
    service = page.request.get("/api/v1/services/sumur-bor").json()
    assert (service["opd"]["code"], service["group"]["code"], service["sla_resolution_hours"]) == (
        "PTM",
        "air-utilitas",
        72,
    )


def test_the_admin_home_links_every_admin_screen(admin_page):
    page = admin_page
    page.goto("/admin")
    links = {
        "Pengguna dan peran": "/admin/pengguna",
        "OPD": "/admin/opd",
        "Katalog layanan": "/admin/layanan",
        "Kampanye notifikasi": "/admin/kampanye",
        "Moderasi": "/admin/moderasi",
        "Jejak audit": "/admin/audit",
        "Pusat komando": "/command",
    }
    main = page.get_by_role("main")
    for name, href in links.items():
        expect(main.get_by_role("link", name=re.compile(f"^{name}"))).to_have_attribute("href", href)
    assert_accessible(page)
    screenshot(page, "admin-home")
    main.get_by_role("link", name=re.compile("^Katalog layanan")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Katalog layanan")
