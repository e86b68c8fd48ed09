"""The audit trail in a real browser: an admin's change and a staff member's work show on
/admin/audit, the filters narrow them, and the CSV download holds them (and is itself recorded)."""

import re
from pathlib import Path

from playwright.sync_api import expect

from backend.security import Role
from backend.service_requests.workflow import change_status

from ..factories import make_request, make_user
from .helpers import assert_accessible, screenshot
from .test_admin import NARROW, admin_page  # noqa: F401 (the fixture)


def test_admin_sees_who_did_what_filters_it_and_downloads_it(admin_page, app):  # noqa: F811
    page = admin_page
    with app.app_context():
        staff = make_user(role=Role.OPD_STAFF, opd_code="DPU", name="Sari Petugas")
        code = make_request(reporter=make_user()).code
        change_status(code, staff, "accepted", None)
        make_user(name="Budi Santoso")

    # An action of the admin's own, in the browser.
    page.goto("/admin/pengguna")
    page.get_by_label("Cari pengguna").fill("Budi")
    page.get_by_role("button", name="Cari", exact=True).click()
    page.get_by_role("button", name="Ubah Budi Santoso").click()
    page.get_by_label("Akun aktif (boleh masuk)").uncheck()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_role("status")).to_have_text("Perubahan untuk Budi Santoso tersimpan.")

    page.goto("/admin")
    page.get_by_role("link", name="Jejak audit").click()
    expect(page).to_have_url(re.compile("/admin/audit$"))
    table = page.get_by_role("table", name="Jejak audit")
    newest = table.get_by_role("row").nth(1)
    expect(newest).to_contain_text("Akun dinonaktifkan")
    expect(newest).to_contain_text("Admin Kominfo")
    expect(table.get_by_role("row").filter(has_text="Status laporan diubah")).to_contain_text("Sari Petugas")

    page.get_by_label("Tindakan").select_option("request")
    page.get_by_role("button", name="Terapkan").click()
    expect(table.get_by_role("row")).to_have_count(2)  # the header and the staff's change
    expect(table.get_by_role("row").nth(1)).to_contain_text(code)
    assert_accessible(page)
    screenshot(page, "admin-audit")

    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh CSV").click()
    assert download.value.suggested_filename.startswith("jejak-audit-")
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("No.,Waktu,ID pelaku,Nama pelaku,Peran,Tindakan")
    assert len(lines) == 2 and "request.status_changed" in lines[1] and "Sari Petugas" in lines[1]

    page.get_by_label("Tindakan").select_option("audit")
    page.get_by_role("button", name="Terapkan").click()
    expect(table.get_by_role("row").nth(1)).to_contain_text("Jejak audit diunduh (CSV)")
    page.set_viewport_size(NARROW)
    screenshot(page, "admin-audit-360")
