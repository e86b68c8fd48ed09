"""The resident's home, news, account and notification screens in Chromium: offline reading after
one visit, registering and logging in, the language switch, the warning banner, the install offer,
asking for push permission, and accessibility."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from backend.accounts.models import User
from backend.database import utcnow
from backend.extensions import db
from backend.news import services as news
from backend.security import Role

from ..factories import PASSWORD, auth_headers, jpeg, make_user, set_fields
from .conftest import wait_for_service_worker
from .helpers import assert_accessible, fill_sign_up, layout_shift, log_in, screenshot, watch_layout_shift


@pytest.fixture
def editor(app):
    return make_user(role=Role.OPD_STAFF, opd_code="DPU", name="Redaksi DPU")


def publish(editor, title: str, category: str = "berita", **fields) -> str:
    data = {"title": title, "summary": f"Ringkasan {title}.", "category": category, "body": ""} | fields
    if category == "peringatan":
        data.setdefault("expires_at", utcnow() + timedelta(days=1))
    if category == "agenda":
        data |= {"event_starts_at": utcnow() + timedelta(days=3), "event_place": "Balai Kota"}
    slug = news.create_article(editor, data).slug
    news.publish_article(slug, editor)
    return slug


def upload_cover(page, live_server, editor) -> int:
    answer = page.request.post(
        f"{live_server}/api/v1/news/images",
        headers=auth_headers(editor),
        multipart={"image": {"name": "sampul.jpg", "mimeType": "image/jpeg", "buffer": jpeg((320, 180))}},
    )
    assert answer.status == 201, answer.text()
    return answer.json()["id"]


def test_home_news_and_an_article_open_offline_after_one_visit(page, context, live_server, editor):
    cover = upload_cover(page, live_server, editor)
    slug = publish(
        editor,
        "Perbaikan Jalan Sudirman",
        "pengumuman",
        body="## Jadwal\n\nLajur kiri ditutup **Senin sampai Rabu**.",
        cover_id=cover,
        is_pinned=True,
    )
    publish(editor, "Festival Teluk Balikpapan", "agenda")
    publish(editor, "Posyandu Keliling Dimulai")
    page.goto("/")
    wait_for_service_worker(page)
    # Now that the worker controls the app, each screen's reads go through its cache.
    page.goto("/")
    expect(page.get_by_role("heading", name="Perbaikan Jalan Sudirman")).to_be_visible()
    page.goto("/berita")
    expect(page.get_by_role("heading", name="Posyandu Keliling Dimulai")).to_be_visible()
    image = page.locator("img.news-cover")
    assert image.get_attribute("loading") == "lazy"
    assert image.get_attribute("width") and image.get_attribute("height")
    page.goto(f"/berita/{slug}")
    expect(page.get_by_role("heading", name="Jadwal")).to_be_visible()
    page.wait_for_timeout(300)  # the worker stores what it fetched just after answering

    context.set_offline(True)
    response = page.reload()
    assert response.from_service_worker
    expect(page.get_by_role("heading", level=1)).to_have_text("Perbaikan Jalan Sudirman")
    expect(page.locator(".article-body strong")).to_have_text("Senin sampai Rabu")
    expect(page.locator(".banner-offline")).to_be_visible()
    page.get_by_role("link", name="Kembali ke daftar berita").first.click()
    expect(page.get_by_role("heading", name="Festival Teluk Balikpapan")).to_be_visible()
    page.goto("/")
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    expect(page.get_by_role("heading", name="Posyandu Keliling Dimulai")).to_be_visible()
    context.set_offline(False)


def test_the_news_list_filters_by_category_and_loads_more(page, editor):
    for number in range(11):
        publish(editor, f"Kabar Kota Nomor {number + 1}")
    publish(editor, "Lomba Perahu Naga", "agenda")
    page.goto("/berita")
    cards = page.locator(".news-list > li")
    expect(cards).to_have_count(10)
    page.get_by_role("button", name="Muat lebih banyak").click()
    expect(cards).to_have_count(12)
    expect(page.get_by_role("button", name="Muat lebih banyak")).to_have_count(0)
    page.get_by_role("link", name="Agenda", exact=True).click()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Lomba Perahu Naga")
    page.get_by_role("link", name="Peringatan", exact=True).click()
    expect(page.get_by_text("Belum ada berita dalam kategori ini.")).to_be_visible()


def test_the_news_list_searches_and_keeps_the_words_in_the_address(page, editor):
    publish(editor, "Banjir Rob di Klandasan", summary="Air pasang tinggi.")
    publish(editor, "Lomba Perahu Naga", "agenda")
    page.goto("/berita")
    cards = page.locator(".news-list > li")
    expect(cards).to_have_count(2)
    search = page.get_by_role("searchbox", name="Cari berita")
    search.fill("banjir")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/berita\?q=banjir$"))
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Banjir Rob di Klandasan")
    page.reload()
    expect(page.get_by_role("searchbox", name="Cari berita")).to_have_value("banjir")
    expect(cards).to_have_count(1)
    search = page.get_by_role("searchbox", name="Cari berita")
    search.fill("gempa")
    page.get_by_role("button", name="Cari", exact=True).click()
    expect(page.get_by_text("Tidak ada berita yang cocok dengan “gempa”.")).to_be_visible()


def test_a_resident_registers_logs_out_and_logs_in_again(page, live_server, app, live_mailbox):
    fill_sign_up(page)
    page.get_by_label("Saya telah membaca dan menyetujui Pemberitahuan Privasi").check()
    page.get_by_role("button", name="Daftar").click()
    page.get_by_label("Kode 6 angka").fill(live_mailbox.code_for("budi@contoh.id"))
    page.get_by_role("button", name="Verifikasi").click()
    expect(page.get_by_role("heading", name="Halo, Budi Warga")).to_be_visible()
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    expect(page.get_by_text("Tidak ada laporan Anda yang masih diproses.")).to_be_visible()
    assert db.session.scalar(select(User.name).where(User.email == "budi@contoh.id")) == "Budi Warga"

    page.get_by_role("link", name="Akun", exact=True).click()
    page.get_by_role("button", name="Keluar").click()
    expect(page.get_by_role("heading", name="Selamat datang di SatuPintu")).to_be_visible()
    assert page.evaluate("localStorage.getItem('satupintu.user')") is None

    page.goto("/masuk?next=/akun")
    page.get_by_label("Email atau nomor HP").fill("budi@contoh.id")
    page.get_by_label("Kata sandi").fill("salah-sandi-sekali")
    page.get_by_role("button", name="Masuk").click()
    expect(page.locator(".error-note")).to_be_visible()
    expect(page.get_by_label("Email atau nomor HP")).to_have_value("budi@contoh.id")
    page.get_by_label("Kata sandi").fill("teluk-balikpapan-2026")
    page.get_by_role("button", name="Masuk").click()
    expect(page).to_have_url(f"{live_server}/akun")
    expect(page.get_by_text("Anda masuk sebagai Budi Warga.")).to_be_visible()


def test_the_language_switch_changes_the_app_and_the_account_and_survives_a_reload(page, resident):
    page.goto("/akun")
    page.get_by_label("English").check()
    expect(page.get_by_role("heading", name="Account", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="News", exact=True)).to_be_visible()
    page.reload()
    expect(page.get_by_role("link", name="Log in", exact=True)).to_be_visible()
    page.get_by_label("Bahasa Indonesia").check()
    expect(page.get_by_role("heading", name="Akun", exact=True)).to_be_visible()

    log_in(page, resident.email)
    page.goto("/akun")
    with page.expect_response(lambda r: r.url.endswith("/api/v1/me") and r.request.method == "PATCH"):
        page.get_by_label("English").check()
    expect(page.get_by_text("You are logged in as Siti Warga.")).to_be_visible()
    db.session.expire_all()
    assert db.session.get(User, resident.id).locale == "en"


def test_an_active_warning_shows_on_the_home_screen_without_moving_the_report_button(page, editor):
    slug = publish(editor, "Waspada Banjir Rob", "peringatan", summary="Air pasang tinggi malam ini.")
    old = publish(editor, "Peringatan Lama", "peringatan")
    set_fields(news.get_article(old), expires_at=utcnow() - timedelta(hours=1))
    publish(editor, "Posyandu Keliling Dimulai")
    watch_layout_shift(page)
    page.goto("/")
    warnings = page.locator(".alert-peringatan")
    expect(warnings).to_have_count(1)
    expect(warnings).to_contain_text("Air pasang tinggi malam ini.")
    expect(page.get_by_role("heading", name="Posyandu Keliling Dimulai")).to_be_visible()
    # The answers came after the first paint; what was on the screen stayed where it was.
    button = page.get_by_role("link", name="Laporkan").bounding_box()
    assert warnings.bounding_box()["y"] > button["y"] + button["height"]
    assert layout_shift(page) < 0.01
    warnings.get_by_role("link", name="Waspada Banjir Rob").click()
    expect(page).to_have_url(re.compile(f"/berita/{slug}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Waspada Banjir Rob")


def test_the_home_shows_each_item_once_warnings_first_and_a_short_news_list(page, editor):
    warning = publish(editor, "Waspada Banjir Rob", "peringatan", is_pinned=True)
    publish(editor, "Perbaikan Jalan Sudirman", "pengumuman", is_pinned=True)
    for number in range(4):
        publish(editor, f"Kabar Kota Nomor {number + 1}")
    page.goto("/")
    expect(page.locator(".alert-peringatan")).to_have_count(1)
    expect(page.get_by_role("link", name="Waspada Banjir Rob")).to_have_count(1)
    news = page.locator("section[aria-labelledby=news-title] li")
    expect(news).to_have_count(3)
    expect(news.first).to_contain_text("Perbaikan Jalan Sudirman")  # pinned first
    expect(news.locator("img, .news-card-text > p:not(.news-meta):not(.news-date)")).to_have_count(0)
    expect(page.get_by_role("link", name="Lihat semua berita")).to_be_visible()
    warnings_top = page.locator(".warnings").bounding_box()["y"]
    assert warnings_top < page.locator("#news-title").bounding_box()["y"]
    assert warning


@pytest.mark.parametrize("warnings", [0, 1, 6])
def test_the_home_does_not_move_whatever_the_data(page, editor, warnings):
    long_title = "Peringatan Dini Cuaca Ekstrem dengan Hujan Lebat Disertai Petir dan Angin Kencang " * 2
    for number in range(warnings):
        publish(editor, f"{long_title} {number}", "peringatan", summary="Waspada banjir dan longsor. " * 12)
    for number in range(4):
        publish(editor, f"{long_title} berita {number}", summary="Ringkasan berita yang panjang. " * 10)
    watch_layout_shift(page)
    page.goto("/")
    expect(page.get_by_role("link", name="Lihat semua berita")).to_be_visible()
    page.wait_for_timeout(1_000)
    assert layout_shift(page) == 0


def test_warnings_that_answer_late_come_as_a_notice_that_moves_nothing(page, context, editor):
    publish(editor, "Waspada Banjir Rob", "peringatan")
    publish(editor, "Posyandu Keliling Dimulai")
    stalled = []
    context.route("**/api/v1/news/banner*", lambda route: stalled.append(route))
    watch_layout_shift(page)
    page.goto("/")
    expect(page.get_by_role("heading", name="Posyandu Keliling Dimulai")).to_be_visible(timeout=6_000)
    stalled[0].continue_()
    notice = page.locator(".late-warnings")
    expect(notice).to_contain_text("Waspada Banjir Rob")
    assert notice.evaluate("element => getComputedStyle(element).position") == "fixed"
    assert layout_shift(page) == 0


def test_a_stalled_read_holds_the_rest_of_the_home_screen_back_a_few_seconds_only(page, context, editor):
    publish(editor, "Posyandu Keliling Dimulai")
    stalled = []
    context.route("**/api/v1/news/banner*", lambda route: stalled.append(route))
    page.goto("/")
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    expect(page.get_by_role("heading", name="Posyandu Keliling Dimulai")).to_be_visible(timeout=6_000)
    assert len(stalled) == 1 and page.locator(".alert-peringatan").count() == 0
    stalled[0].abort()


INSTALL_OFFER = """() => {
    const event = new Event('beforeinstallprompt', {cancelable: true});
    event.prompt = () => { window.prompted = true; return Promise.resolve(); };
    event.userChoice = Promise.resolve({outcome: 'accepted'});
    window.dispatchEvent(event);
}"""


def test_an_install_offer_made_before_the_reads_answer_moves_nothing(page, editor):
    """Chromium offers the install as soon as the app is installable, before the home's reads
    answer on mobile data: the offer must not sit where the news then push it down (Lighthouse
    measured a CLS of 0.16 from that)."""
    for number in range(3):
        publish(editor, f"Kabar Kota Nomor {number + 1}")
    watch_layout_shift(page, latency_ms=800)
    page.goto("/")
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    page.evaluate(INSTALL_OFFER)
    expect(page.get_by_role("button", name="Pasang aplikasi")).to_be_visible()
    expect(page.get_by_role("heading", name="Kabar Kota Nomor 3")).to_be_visible()
    page.wait_for_timeout(500)
    assert layout_shift(page) == 0


def test_the_install_offer_prompts_and_stays_dismissed(page):
    offer = INSTALL_OFFER
    page.goto("/")
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    page.evaluate(offer)
    page.get_by_role("button", name="Pasang aplikasi").click()
    assert page.evaluate("window.prompted") is True
    expect(page.get_by_role("button", name="Pasang aplikasi")).to_have_count(0)
    page.evaluate(offer)
    page.get_by_role("button", name="Nanti saja").click()
    page.reload()
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    page.evaluate(offer)
    expect(page.get_by_role("button", name="Pasang aplikasi")).to_have_count(0)


def test_turning_on_notifications_shows_why_it_failed(page, context, live_server, app):
    context.grant_permissions(["notifications"], origin=live_server)
    page.goto("/notifikasi")
    expect(page.get_by_label("Peringatan darurat (selalu aktif)")).to_be_disabled()
    page.get_by_label("Kecamatan saya").select_option(label="Balikpapan Kota")
    expect(page.get_by_label("Kelurahan saya")).to_be_enabled()
    page.get_by_role("button", name="Aktifkan notifikasi").click()
    # Chromium here has no push service: subscribe() is refused, and the screen says so.
    expect(page.locator(".error-note")).to_contain_text("gagal mendaftarkan notifikasi", timeout=15_000)
    expect(page.get_by_text("Notifikasi belum aktif di perangkat ini.")).to_be_visible()
    expect(page.get_by_role("button", name="Aktifkan notifikasi")).to_be_enabled()


def test_a_refused_permission_explains_how_to_allow_it_again(page, app):
    page.goto("/notifikasi")
    page.get_by_role("button", name="Aktifkan notifikasi").click()
    expect(page.get_by_text("Notifikasi diblokir untuk situs ini.")).to_be_visible()
    expect(page.locator(".error-note")).to_contain_text("Izin notifikasi ditolak")


def test_the_reading_screens_are_accessible(page, editor):
    slug = publish(editor, "Jadwal Pengangkutan Sampah", body="Setiap **Selasa** dan **Jumat**.")
    publish(editor, "Waspada Angin Kencang", "peringatan")
    page.goto("/")
    expect(page.get_by_role("heading", name="Jadwal Pengangkutan Sampah")).to_be_visible()
    expect(page.locator(".alert-peringatan")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "resident-home")
    # Moving inside the app keeps axe loaded between the checks.
    page.get_by_role("link", name="Berita", exact=True).click()
    expect(page.get_by_role("heading", name="Berita", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Jadwal Pengangkutan Sampah")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "resident-news")
    page.get_by_role("link", name="Jadwal Pengangkutan Sampah").click()
    expect(page).to_have_url(re.compile(f"/berita/{slug}$"))
    expect(page.locator(".article-body")).to_contain_text("Selasa")
    assert_accessible(page)
    screenshot(page, "resident-article")


def test_the_account_screens_are_accessible(page, resident):
    page.goto("/masuk")
    expect(page.get_by_role("button", name="Masuk")).to_be_visible()
    assert_accessible(page)
    log_in(page, resident.email, PASSWORD)
    page.get_by_role("link", name="Akun", exact=True).click()
    expect(page.get_by_role("heading", name="Profil")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "resident-account")
    page.get_by_role("link", name="Atur notifikasi").click()
    expect(page.get_by_role("button", name="Aktifkan notifikasi")).to_be_enabled()
    assert_accessible(page)
    screenshot(page, "resident-notifications")


@pytest.mark.parametrize("language", ["id", "en"])
def test_every_bottom_bar_label_fits_on_one_line_at_360_px(page, language):
    page.set_viewport_size({"width": 360, "height": 740})
    page.add_init_script(f"localStorage.setItem('satupintu.language', '{language}')")
    page.goto("/")
    labels = page.locator(".tab-bar .tab > span:last-child")
    expect(labels).to_have_count(5)
    for label in labels.all():
        lines, overflows = label.evaluate(
            """span => {
                const box = span.getBoundingClientRect(), tab = span.parentElement.getBoundingClientRect();
                const line = parseFloat(getComputedStyle(span).lineHeight) || box.height;
                return [Math.round(box.height / line), box.left < tab.left || box.right > tab.right];
            }"""
        )
        assert (lines, overflows) == (1, False), label.inner_text()
