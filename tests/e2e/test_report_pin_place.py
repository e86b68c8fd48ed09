"""A pin decides its kelurahan: "Gunakan lokasi saya" on /lapor sets the kecamatan/kelurahan picker
and says where the point is, a point at sea is refused before sending, an offline pick that the
server refuses comes back with its message at the kelurahan field, and /notifikasi chooses the
area the same way."""

from playwright.sync_api import expect

from .helpers import assert_accessible, use_my_location
from .test_report_steps import (
    add_photo,
    choose_place,
    choose_service,
    heading,
    next_step,
    open_report,
    stored_requests,
)

TELAGA_SARI = {"latitude": -1.2650, "longitude": 116.8310}
BALIKPAPAN_BAY = {"latitude": -1.30, "longitude": 117.00}


def to_location_step(page) -> None:
    choose_service(page, "lubang", "Jalan Berlubang")
    page.get_by_label("Besar (lebih dari 100 cm)").check()
    next_step(page, "Foto")
    add_photo(page)
    next_step(page, "Lokasi")


def test_my_location_sets_the_picker_and_files_with_that_kelurahan(page, browser, context, live_server, app):
    context.set_geolocation(TELAGA_SARI)
    open_report(page, browser, live_server, permissions=["geolocation"])
    to_location_step(page)

    use_my_location(page)

    expect(page.get_by_text("Titik berada di Kel. Telaga Sari, Kec. Balikpapan Kota.")).to_be_visible()
    expect(page.get_by_label("Kecamatan", exact=True)).to_have_value("64.71.06")
    expect(page.get_by_label("Kelurahan", exact=True)).to_have_value("64.71.06.1002")
    assert_accessible(page)
    next_step(page, "Periksa dan kirim")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [stored] = stored_requests()
    assert (stored["lat"], stored["long"], stored["kelurahan"]) == (-1.265, 116.831, "64.71.06.1002")


def test_a_point_at_sea_is_refused_and_cannot_be_sent(page, browser, context, live_server, app):
    context.set_geolocation(BALIKPAPAN_BAY)
    open_report(page, browser, live_server, permissions=["geolocation"])
    to_location_step(page)

    use_my_location(page)

    expect(page.get_by_role("alert")).to_have_text(
        "Titik berada di luar wilayah kelurahan kota; geser titik ke daratan."
    )
    expect(page.get_by_text("Belum ada titik. Ketuk peta untuk menandai lokasi.")).to_be_visible()
    page.get_by_role("button", name="Lanjut", exact=True).click()
    expect(heading(page, "Lokasi")).to_be_visible()
    expect(page.get_by_text("Langkah 4 dari 5")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("geser titik ke daratan")
    assert stored_requests() == []


def test_an_offline_pick_the_server_refuses_comes_back_at_the_kelurahan_field(
    page, browser, context, live_server, app
):
    context.set_geolocation(TELAGA_SARI)
    open_report(page, browser, live_server, permissions=["geolocation"])
    page.goto("/lapor")  # the worker now keeps the kecamatan and kelurahan lists for offline use
    to_location_step(page)
    context.set_offline(True)
    use_my_location(page)
    expect(page.get_by_text("Titik sudah ditandai di peta.")).to_be_visible()
    choose_place(page)  # offline the pin cannot be placed: the picker stays the person's choice
    context.set_offline(False)
    next_step(page, "Periksa dan kirim")  # nothing similar nearby: that hint passes by itself

    page.get_by_role("button", name="Kirim laporan").click()

    expect(heading(page, "Lokasi")).to_be_visible()
    expect(page.locator("#kelurahan-error")).to_contain_text("Telaga Sari")
    assert stored_requests() == []


def test_notifications_choose_the_area_by_location(page, context, live_server, app):
    context.grant_permissions(["geolocation"], origin=live_server)
    context.set_geolocation(TELAGA_SARI)
    page.goto("/notifikasi")

    page.get_by_role("button", name="Gunakan lokasi saya").click()

    expect(page.get_by_text("Area diatur ke Kel. Telaga Sari, Kec. Balikpapan Kota.")).to_be_visible()
    expect(page.get_by_label("Kecamatan saya")).to_have_value("64.71.06")
    expect(page.get_by_label("Kelurahan saya")).to_have_value("64.71.06.1002")
    assert_accessible(page)
