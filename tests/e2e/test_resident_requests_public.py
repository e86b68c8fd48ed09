"""The public requests in Chromium: the filtered list, and the map view with its points (tiles blocked)."""

import re

from playwright.sync_api import expect

from ..factories import make_request
from .helpers import assert_accessible, screenshot
from .test_resident_requests_steps import (
    advance_request,
    file_request_via_api,
    make_resident,
)

LEAFLET_LOADED = "performance.getEntriesByType('resource').some((entry) => /leaflet/.test(entry.name))"


def test_the_public_list_filters_and_its_map_shows_the_open_requests(page, context, app):
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    resident = make_resident()
    # Near the city centre, where the map opens, all in Balikpapan Tengah.
    sumber_rejo, karang_rejo = {"kelurahan": "64.71.04.1006"}, {"kelurahan": "64.71.04.1003"}
    pothole = file_request_via_api(page, resident, lat=-1.2500, long=116.8500, **sumber_rejo)
    rubbish = file_request_via_api(
        page, resident, "sampah-menumpuk", lat=-1.2466, long=116.8379, **karang_rejo
    )
    light = file_request_via_api(
        page, resident, "lampu-jalan-mati", lat=-1.2450, long=116.8450, **sumber_rejo
    )
    advance_request(light["code"], "resolved", opd_code="DISHUB")
    private = file_request_via_api(page, resident, public=False)

    page.goto("/laporan")
    cards = page.locator(".request-card")
    expect(cards).to_have_count(3)
    expect(page.get_by_text(private["code"])).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "resident-public-requests")

    page.get_by_label("Status").select_option(label="Selesai")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(light["code"])
    assert "status=resolved" in page.url
    page.get_by_label("Jenis laporan").select_option(label="Jalan Berlubang")
    expect(page.get_by_text("Tidak ada laporan yang cocok dengan filter ini.")).to_be_visible()
    page.get_by_label("Status").select_option(label="Semua status")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(pothole["code"])
    page.get_by_label("Jenis laporan").select_option(label="Semua jenis")
    page.get_by_label("Kecamatan").select_option(label="Balikpapan Utara")
    expect(page.get_by_text("Tidak ada laporan yang cocok dengan filter ini.")).to_be_visible()
    page.get_by_label("Kecamatan").select_option(label="Balikpapan Tengah")
    expect(cards).to_have_count(3)
    assert not page.evaluate(LEAFLET_LOADED)

    page.get_by_role("button", name="Peta").click()
    expect(page.get_by_role("button", name="Peta")).to_have_attribute("aria-pressed", "true")
    # Without a status filter the map shows the open requests only.
    markers = page.locator(".leaflet-marker-icon")
    expect(markers).to_have_count(2)
    expect(page.get_by_role("heading", name="Laporan di area peta: 2")).to_be_visible()
    assert page.evaluate(LEAFLET_LOADED)
    assert_accessible(page)
    screenshot(page, "resident-public-requests-map")

    # Each move of the map redraws its points: click once they have settled.
    page.wait_for_load_state("networkidle")
    page.locator(f".leaflet-marker-icon[title*='{rubbish['code']}']").click()
    expect(page).to_have_url(re.compile(f"/laporan/{rubbish['code']}$"))
    expect(page.get_by_role("heading", level=1, name="Sampah Menumpuk")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("button", name="Peta")).to_have_attribute("aria-pressed", "true")
    expect(markers).to_have_count(2)


def test_the_public_list_loads_more_on_request(page, app):
    codes = [make_request(description=f"Laporan {number}").code for number in range(21)]
    page.goto("/laporan")
    cards = page.locator(".request-card")
    expect(cards).to_have_count(20)
    expect(cards.first).to_contain_text(codes[-1])
    page.get_by_role("button", name="Muat lebih banyak").click()
    expect(cards).to_have_count(21)
    expect(cards.last).to_contain_text(codes[0])
    expect(page.get_by_role("button", name="Muat lebih banyak")).to_have_count(0)


def test_the_public_list_searches_by_code_or_street_and_keeps_the_words_in_the_address(page, app):
    mulawarman = make_request(address="Jl. Mulawarman No. 12")
    sudirman = make_request(address="Jl. Jend. Sudirman")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/laporan")
    cards = page.locator(".request-card")
    expect(cards).to_have_count(2)

    search = page.get_by_label("Cari kode laporan atau nama jalan")
    search.fill("sudirman")
    search.press("Enter")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(sudirman.code)
    assert "q=sudirman" in page.url
    page.reload()
    expect(page.get_by_label("Cari kode laporan atau nama jalan")).to_have_value("sudirman")
    expect(cards).to_have_count(1)

    search = page.get_by_label("Cari kode laporan atau nama jalan")
    search.fill(mulawarman.code.lower())
    page.get_by_role("button", name="Cari", exact=True).click()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(mulawarman.code)
    search.fill("jalan yang tidak ada")
    search.press("Enter")
    expect(page.get_by_text("Tidak ada laporan yang cocok dengan filter ini.")).to_be_visible()
