"""The report flow at /lapor: a form made from the service's attributes, a draft that survives a
reload and a trip to the login screen, a map pin without tiles, "use my location", the nearby
duplicate hint with "support this report", and accessible screens."""

import re

from playwright.sync_api import expect

from backend.extensions import db

from ..factories import make_request, make_user
from .helpers import assert_accessible, layout_shift, screenshot, use_my_location, watch_layout_shift
from .test_report_steps import (
    add_photo,
    choose_place,
    choose_service,
    heading,
    log_in_here,
    next_step,
    open_report,
    stored_requests,
    supports_of,
)

CITY_CENTRE = (-1.2379, 116.8529)


def test_a_half_filled_report_survives_a_reload_until_started_over(page, browser, live_server, app):
    open_report(page, browser, live_server)
    choose_service(page, "banjir", "Banjir dan Genangan")
    page.get_by_label("Ketinggian air (cm)").fill("40")
    page.get_by_label("Keterangan akses").fill("Motor tidak bisa lewat")
    page.get_by_label("Keterangan", exact=True).fill("Air setinggi lutut sejak subuh")
    next_step(page, "Foto")
    add_photo(page)
    page.wait_for_timeout(700)

    page.reload()
    expect(heading(page, "Foto")).to_be_visible()
    expect(page.get_by_role("img", name="Foto 1")).to_be_visible()
    page.get_by_role("button", name="Kembali").click()
    expect(page.get_by_label("Ketinggian air (cm)")).to_have_value("40")
    expect(page.get_by_label("Keterangan akses")).to_have_value("Motor tidak bisa lewat")
    expect(page.get_by_label("Keterangan", exact=True)).to_have_value("Air setinggi lutut sejak subuh")

    page.get_by_role("button", name="Mulai ulang").click()
    page.get_by_role("button", name="Ya, mulai ulang").click()
    expect(heading(page, "Pilih layanan")).to_be_visible()
    page.wait_for_timeout(300)
    page.reload()
    expect(heading(page, "Pilih layanan")).to_be_visible()
    expect(page.get_by_label("Ketinggian air (cm)")).to_have_count(0)


def test_the_service_list_arrives_without_moving_the_screen(page, app):
    watch_layout_shift(page)
    page.goto("/lapor")
    expect(page.get_by_role("button", name=re.compile("Banjir dan Genangan"))).to_be_visible()
    expect(page.get_by_text("Isian Anda tersimpan otomatis")).to_be_visible()
    assert layout_shift(page) < 0.01


def test_an_application_form_checks_its_attributes_and_keeps_the_draft_across_a_login(
    page, browser, live_server, app
):
    resident = make_user(name="Siti Warga")
    db.session.commit()
    open_report(page, browser, live_server)
    choose_service(page, "kartu kuning", "Kartu Kuning (AK/1)")
    page.get_by_role("button", name="Lanjut", exact=True).click()
    expect(page.get_by_text("Bagian ini wajib diisi.")).to_have_count(3)
    page.get_by_label("NIK").fill("12345")
    page.get_by_role("button", name="Lanjut", exact=True).click()
    expect(page.get_by_text("Formatnya belum sesuai. Periksa lagi isiannya.")).to_be_visible()

    page.get_by_label("NIK").fill("6471012345678901")
    page.get_by_label("Tanggal lahir").fill("1998-04-12T00:00")
    page.get_by_label("Pendidikan terakhir").select_option(label="SMA/SMK/sederajat")
    page.get_by_label("Mengemudi").check()
    page.get_by_label("Kelistrikan").check()
    page.get_by_label("Pengalaman kerja").fill("Dua tahun di bengkel")
    next_step(page, "Foto")
    next_step(page, "Lokasi")
    # An application needs no point: no map, only the optional kelurahan and address.
    expect(page.locator(".report-map")).to_have_count(0)
    next_step(page, "Periksa dan kirim")
    expect(page.get_by_text("Layanan ini perlu masuk akun")).to_be_visible()
    expect(page.get_by_role("button", name="Kirim laporan")).to_be_disabled()
    page.get_by_role("link", name="masuk dulu").first.click()
    expect(page).to_have_url(re.compile(r"/masuk\?next=/lapor$"))

    page.goto("/lapor")
    log_in_here(page, resident)
    expect(heading(page, "Periksa dan kirim")).to_be_visible()
    expect(page.get_by_text("Mengemudi, Kelistrikan")).to_be_visible()
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [stored] = stored_requests()
    assert stored["reporter_id"] == resident.id
    assert stored["attributes"] == {
        "nik": "6471012345678901",
        "tanggal_lahir": "1998-04-12T00:00:00+08:00",
        "pendidikan_terakhir": "sma_smk",
        "keahlian": ["mengemudi", "listrik"],
        "pengalaman_kerja": "Dua tahun di bengkel",
    }


def test_a_map_pin_without_tiles_finds_a_similar_report_to_support(page, browser, live_server, app):
    resident = make_user(name="Siti Warga")
    existing = make_request("lampu-jalan-mati", lat=CITY_CENTRE[0], long=CITY_CENTRE[1])
    db.session.commit()
    open_report(page, browser, live_server)
    log_in_here(page, resident)
    choose_service(page, "lampu jalan", "Lampu Jalan Mati")
    page.get_by_label("Jumlah lampu mati").fill("2")
    next_step(page, "Foto")
    next_step(page, "Lokasi")
    # Leaflet marks the box as its map once it has loaded; a click before that sets no pin.
    page.locator(".report-map.leaflet-container").click()
    expect(page.get_by_text("Titik sudah ditandai di peta.")).to_be_visible()
    next_step(page, "Laporan serupa di sekitar")
    expect(page.get_by_role("link", name=re.compile(existing.code))).to_be_visible()

    page.get_by_role("button", name="Dukung laporan ini").click()
    expect(page).to_have_url(re.compile(f"/laporan/{existing.code}$"))
    assert supports_of(existing.code) == [resident.id]
    assert len(stored_requests()) == 1
    page.goto("/lapor")
    expect(heading(page, "Pilih layanan")).to_be_visible()


def test_use_my_location_files_an_anonymous_report_with_its_point(page, browser, context, live_server, app):
    context.set_geolocation({"latitude": -1.2650, "longitude": 116.8310})
    open_report(page, browser, live_server, permissions=["geolocation"])
    choose_service(page, "lubang", "Jalan Berlubang")
    page.get_by_label("Besar (lebih dari 100 cm)").check()
    next_step(page, "Foto")
    add_photo(page)
    next_step(page, "Lokasi")
    use_my_location(page)
    expect(page.get_by_text("Titik sudah ditandai di peta.")).to_be_visible()
    # Nothing similar nearby: the hint passes by itself.
    next_step(page, "Periksa dan kirim")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [stored] = stored_requests()
    assert (stored["lat"], stored["long"], stored["photos"]) == (-1.265, 116.831, 1)
    assert stored["attributes"] == {"ukuran_lubang": "besar"}
    link = page.get_by_label("Tautan pelacakan Anda").input_value()
    token = link.split("?token=")[1]
    answer = page.request.get(f"/api/v1/requests/{stored['code']}?token={token}")
    assert answer.status == 200 and answer.json()["code"] == stored["code"]


def test_the_report_steps_are_accessible(page, browser, live_server, app):
    open_report(page, browser, live_server)
    assert_accessible(page)
    screenshot(page, "report-1-service")
    choose_service(page, "lubang", "Jalan Berlubang")
    page.get_by_role("button", name="Lanjut", exact=True).click()
    expect(page.get_by_text("Bagian ini wajib diisi.")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "report-2-details")
    page.get_by_label("Besar (lebih dari 100 cm)").check()
    next_step(page, "Foto")
    add_photo(page)
    assert_accessible(page)
    screenshot(page, "report-3-photos")
    next_step(page, "Lokasi")
    # Leaflet marks the box as its map once it has loaded; a click before that sets no pin.
    page.locator(".report-map.leaflet-container").click()
    choose_place(page)
    assert_accessible(page)
    screenshot(page, "report-4-location")
    next_step(page, "Periksa dan kirim")
    assert_accessible(page)
    screenshot(page, "report-5-review")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "report-6-sent")
