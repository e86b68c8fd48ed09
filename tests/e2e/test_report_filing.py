"""Filing a report as a resident on a 360x740 phone (issue 14): a map whose tiles cannot load says
so and the kelurahan and address carry the report; the place is shown in words, never as
coordinates; the photo's own GPS position becomes the location only on request; sent and unsent
reports stand apart; one comment message at a time; a privacy notice linked from sign-up."""

import re
from io import BytesIO

from PIL import ExifTags, Image
from playwright.sync_api import expect

from backend.extensions import db

from ..factories import jpeg, make_user
from .helpers import assert_accessible, log_in, screenshot
from .test_report_steps import (
    add_photo,
    choose_place,
    choose_service,
    heading,
    log_in_here,
    next_step,
    open_report,
    stored_requests,
)
from .test_resident_requests_steps import file_request_via_api, make_resident

PHONE = {"width": 360, "height": 740}
# A coordinate in Balikpapan as the app would print it (-1.23790, 116.85290, ...).
COORDINATE = re.compile(r"-1\.\d{3,}|116\.\d{3,}")
# choose_place's kelurahan, that of the map's first pin (the city centre).
PLACE = "Jl. Mulawarman depan SD 012, Kel. Gunungsamarinda, Kec. Balikpapan Utara"


def on_phone(page) -> None:
    page.set_viewport_size(PHONE)


def section(page, kind: str, title: str):
    """The innermost part of this kind (a CSS class) headed `title`."""
    return page.locator(f"section.{kind}", has=heading(page, title))


def gps_jpeg(lat: tuple[float, float, float], long: tuple[float, float, float], south: bool = True) -> bytes:
    """A camera-like JPEG whose EXIF carries a GPS position (degrees, minutes, seconds)."""
    exif = Image.Exif()
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S" if south else "N",
        ExifTags.GPS.GPSLatitude: lat,
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: long,
    }
    return jpeg((900, 600), "teal", exif=exif)


def to_location_step(page) -> None:
    choose_service(page, "lubang", "Jalan Berlubang")
    page.get_by_label("Kecil (kurang dari 30 cm)").check()
    next_step(page, "Foto")
    next_step(page, "Lokasi")


def test_a_map_without_tiles_says_so_and_the_kelurahan_and_address_carry_the_report(
    page, browser, live_server, app
):
    on_phone(page)
    open_report(page, browser, live_server)  # the tile host is routed to fail
    to_location_step(page)
    map_area = page.locator(".report-map.leaflet-container")
    expect(map_area).to_contain_text("Gambar peta tidak bisa dimuat")
    expect(map_area).to_contain_text("Lanjutkan dengan memilih kelurahan dan menulis alamatnya")
    assert_accessible(page)
    screenshot(page, "report-map-without-tiles")

    choose_place(page)
    next_step(page, "Periksa dan kirim")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [stored] = stored_requests()
    assert (stored["lat"], stored["kelurahan"], stored["address"]) == (
        None,
        "64.71.03.1002",
        "Jl. Mulawarman depan SD 012",
    )


def test_a_request_map_without_tiles_says_so_in_english(page, context, app):
    filed = file_request_via_api(page)
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    page.add_init_script("localStorage.setItem('satupintu.language', 'en')")
    on_phone(page)
    page.goto(f"/laporan/{filed['code']}")
    page.get_by_role("button", name="Show the location on a map").click()
    expect(page.locator(".request-map.leaflet-container")).to_contain_text("The map images could not load")


def test_the_place_reads_as_words_in_the_review_my_requests_and_the_request_page(
    page, browser, live_server, app
):
    resident = make_user(name="Siti Warga")
    db.session.commit()
    on_phone(page)
    open_report(page, browser, live_server)
    log_in_here(page, resident)
    to_location_step(page)
    # Leaflet marks the box as its map once it has loaded; a click before that sets no pin.
    page.locator(".report-map.leaflet-container").click()
    expect(page.get_by_text("Titik sudah ditandai di peta.")).to_be_visible()
    choose_place(page)
    next_step(page, "Periksa dan kirim")
    review = section(page, "review-part", "Lokasi")
    expect(review).to_contain_text(PLACE)
    expect(review).to_contain_text("Titik ditandai di peta")
    assert not COORDINATE.search(page.locator("main").inner_text())
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [stored] = stored_requests()
    assert stored["lat"] is not None

    page.goto("/laporan-saya")
    card = page.get_by_role("link", name=re.compile("Jalan Berlubang"))
    expect(card).to_contain_text(PLACE)
    assert not COORDINATE.search(page.locator("main").inner_text())
    card.click()
    expect(page.locator(".request-facts").first).to_contain_text(PLACE)
    assert not COORDINATE.search(page.locator("main").inner_text())

    # Only a point on the map: the kelurahan it lies in names the place, still without its numbers.
    pinned = file_request_via_api(page, resident, address=None, kelurahan=None)
    page.goto(f"/laporan/{pinned['code']}")
    expect(page.locator(".request-facts").first).to_contain_text("Kel. Manggar, Kec. Balikpapan Timur")
    assert not COORDINATE.search(page.locator("main").inner_text())


def test_the_photo_position_becomes_the_location_only_when_asked(page, browser, live_server, app):
    on_phone(page)
    open_report(page, browser, live_server)
    choose_service(page, "lubang", "Jalan Berlubang")
    page.get_by_label("Kecil (kurang dari 30 cm)").check()
    next_step(page, "Foto")
    add_photo(page)  # no GPS in it: nothing to offer
    next_step(page, "Lokasi")
    use_photo = page.get_by_role("button", name="Gunakan lokasi dari foto")
    expect(page.locator(".report-map.leaflet-container")).to_be_visible()
    expect(use_photo).to_have_count(0)

    page.get_by_role("button", name="Kembali").click()
    camera = gps_jpeg((1.0, 15.0, 0.0), (116.0, 50.0, 24.0))  # -1.25, 116.84
    page.get_by_label("Pilih dari galeri").set_input_files(
        {"name": "kamera.jpg", "mimeType": "image/jpeg", "buffer": camera}
    )
    expect(page.get_by_role("img", name="Foto 2")).to_be_visible()
    next_step(page, "Lokasi")
    # Offered, not taken: without the tap the report has no point.
    expect(use_photo).to_be_visible()
    expect(page.get_by_text("Belum ada titik.")).to_be_visible()
    use_photo.click()
    page.get_by_role("button", name="Izinkan").click()
    expect(page.get_by_text("Titik sudah ditandai di peta.")).to_be_visible()
    next_step(page, "Periksa dan kirim")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [stored] = stored_requests()
    assert (stored["lat"], stored["long"], stored["photos"]) == (-1.25, 116.84, 2)

    # The uploaded photos carry no position of their own.
    token = page.get_by_label("Tautan pelacakan Anda").input_value().split("?token=")[1]
    answer = page.request.get(f"/api/v1/requests/{stored['code']}?token={token}").json()
    for photo in answer["photos"]:
        body = page.request.get(photo["url"]).body()
        assert Image.open(BytesIO(body)).getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}


def test_my_requests_keeps_unsent_and_sent_reports_apart(page, browser, context, live_server, app):
    on_phone(page)
    open_report(page, browser, live_server)
    to_location_step(page)
    choose_place(page)
    next_step(page, "Periksa dan kirim")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [sent] = stored_requests()

    # The next one cannot get through: it waits on the phone.
    context.route(
        "**/api/v1/requests",
        lambda route: route.abort() if route.request.method == "POST" else route.fallback(),
    )
    page.goto("/lapor")
    to_location_step(page)
    choose_place(page, "Jl. Soekarno-Hatta km 5")
    next_step(page, "Periksa dan kirim")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(page.get_by_text("Menunggu koneksi")).to_be_visible()

    page.goto("/laporan-saya")
    unsent = section(page, "outbox", "Belum terkirim dari perangkat ini")
    delivered = section(page, "outbox", "Terkirim dari perangkat ini")
    expect(unsent).to_contain_text("Menunggu koneksi")
    expect(unsent).not_to_contain_text(sent["code"])
    expect(delivered.get_by_role("link", name=sent["code"])).to_be_visible()
    expect(delivered).not_to_contain_text("Menunggu koneksi")
    assert_accessible(page)
    screenshot(page, "my-requests-unsent-and-sent")

    unsent.get_by_role("button", name="Hapus").click()
    unsent.get_by_role("button", name="Ya, hapus laporan ini").click()
    expect(heading(page, "Belum terkirim dari perangkat ini")).to_have_count(0)
    expect(heading(page, "Terkirim dari perangkat ini")).to_be_visible()


def test_an_empty_comment_after_a_sent_one_shows_only_the_new_error(page, app):
    resident = make_resident()
    filed = file_request_via_api(page, resident)
    on_phone(page)
    log_in(page, resident.email)
    page.goto(f"/laporan/{filed['code']}")
    page.get_by_label("Komentar", exact=True).fill("Sudah dua minggu belum diperbaiki.")
    page.get_by_role("button", name="Kirim komentar").click()
    expect(page.get_by_text("Komentar terkirim.")).to_be_visible()

    page.get_by_role("button", name="Kirim komentar").click()
    expect(page.get_by_text("Tulis komentar terlebih dahulu.")).to_be_visible()
    expect(page.get_by_text("Komentar terkirim.")).to_have_count(0)


def test_the_privacy_notice_is_linked_from_sign_up_and_the_account_page_in_both_languages(page, app):
    on_phone(page)
    page.goto("/daftar")
    page.get_by_text("Baca Pemberitahuan Privasi").click()
    page.locator(".notice-inline").get_by_role("link", name="Pemberitahuan privasi").click()
    expect(page).to_have_url(re.compile(r"/privasi$"))
    expect(page.get_by_role("heading", level=1, name="Pemberitahuan privasi")).to_be_visible()
    for title in (
        "Data apa yang kami simpan",
        "Untuk apa, dan dasar hukumnya",
        "Berapa lama disimpan",
        "Siapa yang melihat",
        "Hak Anda",
    ):
        expect(heading(page, title)).to_be_visible()
    expect(page.get_by_text("Akun disimpan sampai Anda menghapusnya")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "privacy-notice")

    page.goto("/akun")
    page.locator(".account-section").get_by_role("link", name="Pemberitahuan privasi").click()
    expect(page.get_by_role("heading", level=1, name="Pemberitahuan privasi")).to_be_visible()
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Privasi").click()
    expect(page.get_by_role("heading", level=1, name="Pemberitahuan privasi")).to_be_visible()

    page.evaluate("localStorage.setItem('satupintu.language', 'en')")
    page.reload()
    expect(page.get_by_role("heading", level=1, name="Privacy notice")).to_be_visible()
    for title in (
        "What we keep",
        "Why, and on what lawful basis",
        "How long we keep it",
        "Who sees it",
        "Your rights",
    ):
        expect(heading(page, title)).to_be_visible()
