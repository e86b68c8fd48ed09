"""Akun → Unduh data saya in Chromium: progress while the ZIP is made, then a link with its expiry
that downloads the person's own data."""

import json
import re
import zipfile

from playwright.sync_api import expect

from ..factories import make_request
from .helpers import assert_accessible, log_in, screenshot


def test_a_resident_downloads_a_zip_of_their_data_from_akun(page, resident):
    report = make_request(reporter=resident, description="Got mampet di depan rumah")
    log_in(page, resident.email)
    page.goto("/akun")
    # Starting answers "pending"; the screen looks again two seconds later.
    page.get_by_role("button", name="Unduh data saya").click()
    expect(page.get_by_role("status").filter(has_text="Menyiapkan berkas")).to_be_visible()

    download_button = page.get_by_role("button", name=re.compile(r"^Unduh ZIP \(\d+ KB\)$"))
    expect(download_button).to_be_visible(timeout=30_000)
    expect(page.get_by_text(re.compile(r"^Tautan berlaku sampai .+\. Hanya Anda"))).to_be_visible()
    screenshot(page, "account-data-download")
    assert_accessible(page)
    with page.expect_download() as download:
        download_button.click()
    assert re.fullmatch(r"satupintu-data-saya-\d{4}-\d{2}-\d{2}\.zip", download.value.suggested_filename)
    archive = zipfile.ZipFile(download.value.path())
    assert json.loads(archive.read("profile.json"))["email"] == resident.email
    [filed] = json.loads(archive.read("requests.json"))
    assert (filed["code"], filed["description"]) == (report.code, "Got mampet di depan rumah")
