"""The command center (issue 7): the dashboard renders with the demo data and refreshes; the wall
layout and the phone layout; residents are kept out."""

import re
import threading
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from backend.catalog.services import seed_catalog
from backend.citypacks import load_pack
from backend.database import utcnow
from backend.demo_requests import seed_demo_requests
from backend.extensions import cache, db
from backend.jobs import periodic_names
from backend.operations.services import record_run
from backend.places.services import seed_places
from backend.push.models import Campaign
from backend.security import Role

from ..conftest import empty_database
from ..factories import auth_headers, make_request, make_user
from .conftest import DIST
from .helpers import assert_accessible, eventually, log_in, screenshot

WALL = {"viewport": {"width": 1920, "height": 1080}}
# Summary field: the tile's label, the digits shown and the unit after the number.
TILES = {
    "open": ("Laporan terbuka", 0, ""),
    "overdue": ("Melewati tenggat", 0, ""),
    "created_today": ("Masuk hari ini", 0, ""),
    "created_this_week": ("Masuk minggu ini", 0, ""),
    "resolved_this_week": ("Selesai minggu ini", 0, ""),
    "median_response": ("Median respons pertama (30 hari)", None, ""),
    "median_resolution": ("Median penyelesaian (30 hari)", None, ""),
    "average_rating": ("Rata-rata penilaian (30 hari)", 1, " / 5"),
}
UNITS = {"id": ("menit", "jam", "hari"), "en": ("minute", "hour", "day")}


@pytest.fixture(scope="module")
def demo(base_app):
    """Balikpapan with the demo month (about 1,500 requests), seeded once for the module: the
    per-test `app` fixture would empty the database after every test. Emptied at the end the same way."""
    with base_app.app_context():
        pack = load_pack("balikpapan")
        seed_places(pack)
        seed_catalog(pack)
        assert seed_demo_requests() > 1000
        db.session.add(
            Campaign(
                title="Waspada banjir rob",
                body="Air pasang tinggi malam ini.",
                target_kind="all",
                status="done",
                targeted=1200,
                sent=1150,
                failed=50,
                clicked=230,
            )
        )
        db.session.commit()
        yield {
            "operator": make_user(role=Role.OPERATOR, name="Rina Operator"),
            "resident": make_user(role=Role.RESIDENT, name="Siti Warga"),
        }
        base_app.extensions["jobs"].wait_idle()
        db.session.rollback()
        empty_database()
        cache.clear()
        db.session.remove()


@dataclass
class Server:
    url: str
    # The HTTP status of every /api/v1/dashboard/* answer, in order.
    dashboard_statuses: list[int] = field(default_factory=list)


@pytest.fixture(scope="module")
def server(make_app, demo):
    """The built PWA on a server of its own whose dashboard answers are cached for a second (the
    shared live server keeps them 20 s), so that a refresh can show a new request at once. Map
    tiles point back at it (they fail there), so that no third-party host is asked and the browser
    keeps its HTTP cache (Playwright's request routing would switch the cache off)."""
    app = make_app(PWA_DIST_DIR=str(DIST), CACHE_DEFAULT_TIMEOUT=1, MAP_TILE_URL="/no-tiles/{z}/{x}/{y}.png")
    http = make_server("127.0.0.1", 0, app, threaded=True)
    running = Server(f"http://127.0.0.1:{http.server_port}")
    inner = app.wsgi_app

    def recording(environ, start_response):
        def start(status, headers, exc_info=None):
            if environ["PATH_INFO"].startswith("/api/v1/dashboard/"):
                running.dashboard_statuses.append(int(status[:3]))
            return start_response(status, headers, exc_info)

        return inner(environ, start)

    app.wsgi_app = recording
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield running
    http.shutdown()


@pytest.fixture
def open_page(browser, playwright, server):
    """A page on that server, for a device or a viewport; afterwards, no request may have left it."""
    contexts = []
    elsewhere = []

    def opener(**device):
        options = (device or playwright.devices["Pixel 7"]) | {"locale": "id-ID"}
        context = browser.new_context(**options, base_url=server.url, bypass_csp=True)
        context.on(
            "request",
            lambda request: (
                None
                if request.url.startswith((server.url, "blob:", "data:"))
                else elsewhere.append(request.url)
            ),
        )
        contexts.append(context)
        return context.new_page()

    yield opener
    for context in contexts:
        context.close()
    assert elsewhere == []


def summary(base_app, user) -> dict:
    """GET /api/v1/dashboard/summary now (the test app's own cache emptied first)."""
    cache.clear()
    response = base_app.test_client().get("/api/v1/dashboard/summary", headers=auth_headers(user))
    assert response.status_code == 200
    return response.get_json()


def id_number(value: float, digits: int = 0) -> str:
    """A number as formatNumber writes it in Bahasa Indonesia (halves away from zero): 1.234, 12,5."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{rounded:,}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return text.rstrip("0").rstrip(",") if digits else text


def duration(hours: float, language: str = "id") -> str:
    """Hours as i18n/duration.ts writes them: "45 menit", "5 jam", "1 hari 3 jam", "28 days"."""
    minute, hour, day = UNITS[language]

    def part(n: int, unit: str) -> str:
        plural = "" if n == 1 or language == "id" else "s"
        return f"{id_number(n) if language == 'id' else f'{n:,}'} {unit}{plural}"

    minutes = int(Decimal(str(abs(hours) * 60)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if minutes < 60:
        return part(minutes, minute)
    whole = int(Decimal(minutes / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if whole < 24:
        return part(whole, hour)
    days, rest = divmod(whole, 24)
    return part(days, day) + (f" {part(rest, hour)}" if rest else "")


def in_hours(text: str) -> int:
    """ "1 hari 3 jam" back to 27."""
    numbers = dict(
        zip(text.split()[1::2], (int(n.replace(".", "")) for n in text.split()[0::2]), strict=True)
    )
    return numbers.get("hari", 0) * 24 + numbers.get("jam", 0)


def tile(page, label: str):
    return page.locator(".cc-kpi").filter(has=page.get_by_text(label, exact=True)).locator("dd")


def tiles_show(page, answer: dict) -> bool:
    """Whether every tile shows the API's value, formatted as the page formats it."""
    return all(
        tile(page, label).inner_text()
        == (duration(answer[key]) if digits is None else id_number(answer[key], digits) + unit)
        for key, (label, digits, unit) in TILES.items()
    )


def league_column(page, index: int) -> list[str]:
    return page.locator(".cc-league tbody tr").evaluate_all(
        f"rows => rows.map(r => r.querySelectorAll('td')[{index}].textContent)"
    )


def test_the_dashboard_renders_with_the_demo_data_and_refreshes(open_page, demo, base_app, server):
    operator = demo["operator"]
    page = open_page()
    log_in(page, operator.email)
    # ?refresh=2: every 2 s instead of 30, so the refresh is seen without waiting.
    page.goto("/command?refresh=2")
    expect(page.get_by_role("heading", name="Pusat komando", level=1)).to_be_visible()
    expect(tile(page, "Laporan terbuka")).to_be_visible()

    assert eventually(lambda: tiles_show(page, summary(base_app, operator)), page=page)
    assert summary(base_app, operator)["open"] > 100

    # The map: clustered open requests (no tiles), overdue ones counted in the text alternative.
    expect(page.locator(".cc-map .leaflet-marker-icon").first).to_be_visible()
    assert page.locator(".cc-map .cc-cluster").count() > 0
    expect(page.locator(".cc-map-summary")).to_contain_text("laporan terbuka di area peta")

    # The charts: uPlot's canvas, and the kecamatan bars as a table.
    expect(page.locator(".cc-chart canvas").first).to_be_attached()
    assert page.get_by_role("table", name="Jumlah laporan per kecamatan").locator("tbody tr").count() == 6

    # The league sorts by a clicked header, and says so with aria-sort.
    open_header = page.locator(".cc-league th").filter(
        has=page.get_by_role("button", name="Terbuka", exact=True)
    )
    open_header.get_by_role("button").click()
    expect(open_header).to_have_attribute("aria-sort", "descending")
    counts = [int(text.replace(".", "")) for text in league_column(page, 0)]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    open_header.get_by_role("button").click()
    expect(open_header).to_have_attribute("aria-sort", "ascending")
    counts = [int(text.replace(".", "")) for text in league_column(page, 0)]
    assert counts == sorted(counts)

    # The overdue list: the longest overdue first, ten rows until more are asked for.
    overdue_rows = page.locator(".cc-overdue tbody tr")
    expect(overdue_rows).to_have_count(10)
    hours = [in_hours(text) for text in overdue_rows.locator("td.cc-num").all_inner_texts()]
    assert hours == sorted(hours, reverse=True)
    page.get_by_role("button", name=re.compile(r"^Tampilkan \d+ laporan terlama")).click()
    expect(overdue_rows).to_have_count(50)  # the API's cap; the note says how many there are
    expect(page.get_by_text(re.compile(r"^Menampilkan 50 dari [\d.]+ laporan"))).to_be_visible()

    # A new request: the next refresh shows it, and the time of the update moves on.
    updated = page.locator(".cc-updated time")
    before_time = updated.get_attribute("datetime")
    before_open = summary(base_app, operator)["open"]
    assert eventually(lambda: tile(page, "Laporan terbuka").inner_text() == id_number(before_open), page=page)
    make_request("sampah-menumpuk", description="Sampah baru di depan pasar")
    expect(tile(page, "Laporan terbuka")).to_have_text(id_number(before_open + 1), timeout=10_000)
    assert updated.get_attribute("datetime") != before_time
    expect(page.get_by_role("status").filter(has_text="Terakhir diperbarui")).to_have_attribute(
        "aria-live", "polite"
    )
    # Unchanged panels are revalidated with their ETag, not downloaded again.
    assert 304 in server.dashboard_statuses

    # The campaign panel: delivery and click-through (230 of 1,150 sent).
    campaign = page.get_by_role("row").filter(has_text="Waspada banjir rob")
    expect(campaign.get_by_role("cell")).to_have_text(["1.200", "1.150", "50", "230", "20%"])

    # The periodic jobs: none has run in this test, so each is late; one runs, and shows as running.
    jobs = page.get_by_role("table", name="Tugas berkala: kapan terakhir berhasil dan galat terakhirnya")
    expect(jobs.get_by_role("row").filter(has_text="Berita terjadwal")).to_contain_text("Terlambat")
    with base_app.app_context():
        record_run("start_due_campaigns", utcnow(), None)
    expect(jobs.get_by_role("row").filter(has_text="Kampanye terjadwal")).to_contain_text(
        "Berjalan", timeout=10_000
    )
    late = len(periodic_names()) - 1
    expect(page.get_by_text(re.compile(rf"^{late} tugas tidak berhasil berjalan"))).to_be_visible()

    # The CSV export of the same filters, fetched with the token and saved from a Blob.
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh CSV").click()
    assert download.value.suggested_filename.startswith("laporan-")
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Kode laporan,Kode layanan,Layanan,Kode status,Status,Kode OPD,OPD,")
    assert len(lines) > 1000

    screenshot(page, "command-phone")
    assert_accessible(page)

    # A row opens its request.
    link = page.locator(".cc-overdue tbody a").first
    code = link.inner_text()
    link.click()
    expect(page).to_have_url(re.compile(f"/laporan/{code}$"))


def test_the_wall_layout_fills_a_1920_screen_without_the_app_navigation(open_page, demo):
    page = open_page(**WALL)
    log_in(page, demo["operator"].email)
    page.goto("/command?kecamatan=64.71.05")
    expect(page.get_by_label("Kecamatan", exact=True)).to_have_value("64.71.05")
    page.get_by_role("button", name="Mode layar dinding").click()
    expect(page).to_have_url(re.compile(r"/command\?kecamatan=64\.71\.05&wall=1$"))
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".tab-bar")).to_be_hidden()
    expect(page.locator(".cc-scope")).to_have_text("30 hari terakhir · Balikpapan Selatan · Semua OPD")
    expect(tile(page, "Laporan terbuka")).to_be_visible()
    expect(page.locator(".cc-map .leaflet-marker-icon").first).to_be_visible()
    expect(page.locator(".cc-chart canvas").first).to_be_attached()
    # Moving the map asks for the points of the new area (once its first fit has settled: a click
    # during that animation is lost on a loaded machine).
    expect(page.locator(".cc-map .leaflet-zoom-anim")).to_have_count(0)
    with page.expect_response(lambda r: "/dashboard/map?" in r.url) as moved:
        page.get_by_role("button", name="Zoom in").click()
    assert "kecamatan=64.71.05" in moved.value.url and moved.value.ok
    expect(page.locator(".cc-map-summary")).to_contain_text("laporan terbuka di area peta")
    # The numbers are big, and everything fits the screen without scrolling.
    assert page.locator(".cc-kpi dd").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 48
    screenshot(page, "command-wall")
    width, height = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert width <= 1920 and height <= 1080, (width, height)
    assert_accessible(page)


def test_a_resident_is_told_the_command_center_is_not_for_them(open_page, demo):
    page = open_page()
    log_in(page, demo["resident"].email)
    page.goto("/command")
    expect(page.get_by_role("heading", name="Akses ditolak")).to_be_visible()
    expect(page.locator(".cc-kpi")).to_have_count(0)


def dashboard(base_app, user, path: str):
    cache.clear()
    response = base_app.test_client().get(f"/api/v1/dashboard/{path}", headers=auth_headers(user))
    assert response.status_code == 200
    return response.get_json()


def test_lateness_reads_in_days_and_hours_and_each_opd_has_one_name(open_page, demo, base_app):
    operator = demo["operator"]
    page = open_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    log_in(page, operator.email)
    page.goto("/command")
    rows = page.locator(".cc-overdue tbody tr")
    expect(rows.first).to_be_visible()
    late = rows.locator("td.cc-num").all_inner_texts()
    assert all(re.fullmatch(r"[\d.]+ (hari( \d+ jam)?|jam|menit)", text) for text in late), late
    assert all(in_hours(text) < 24 or "hari" in text for text in late)  # never "672 jam"
    first = dashboard(base_app, operator, "sla")["overdue"][0]
    assert first["hours_overdue"] >= 24 and late[0] == duration(first["hours_overdue"])

    # The overdue list and the league name an OPD the same way (its short name; the code is the tooltip).
    league = set(page.locator(".cc-league tbody th").all_inner_texts())
    agencies = set(rows.locator("td:nth-child(3)").all_inner_texts())
    short_names = {row["opd"]: row["name"] for row in dashboard(base_app, operator, "opds")}
    assert agencies and agencies <= league and agencies <= set(short_names.values())
    assert not agencies & set(short_names) - set(short_names.values())  # no bare codes like "DAMKAR"

    page.evaluate("localStorage.setItem('satupintu.language', 'en')")
    page.reload()
    expect(rows.first).to_be_visible()
    assert rows.locator("td.cc-num").first.inner_text() == duration(first["hours_overdue"], "en")
    assert "days" in rows.locator("td.cc-num").first.inner_text()


def test_the_trend_marks_today_as_not_complete(open_page, demo):
    page = open_page(**WALL)
    log_in(page, demo["operator"].email)
    page.goto("/command")
    expect(page.locator(".cc-legend-partial")).to_have_text("hari ini, belum lengkap")
    expect(page.locator(".cc-figure figcaption")).to_contain_text(
        "Hari terakhir adalah hari ini dan belum lengkap"
    )
    last_day = page.locator(".cc-figure table tbody tr").last.locator("th")
    expect(last_day).to_contain_text("(hari ini, belum lengkap)")
    expect(page.locator(".cc-figure table tbody tr").first.locator("th")).not_to_contain_text("belum lengkap")


def map_count(page) -> int:
    summary = page.locator(".cc-map-summary")
    expect(summary).to_contain_text("laporan terbuka di area peta")
    return int(summary.inner_text().split()[0].replace(".", ""))


def test_the_phone_map_shows_the_whole_city_and_refits_when_resized(open_page, demo, base_app):
    operator = demo["operator"]
    everywhere = len(dashboard(base_app, operator, "map?bbox=-3,115,1,119")["points"])
    assert everywhere > 100
    page = open_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    log_in(page, operator.email)
    page.goto("/command")
    assert eventually(lambda: map_count(page) == everywhere, page=page), map_count(page)
    for width, height in ((1920, 1080), (360, 740)):  # the wall, then the phone again
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(500)
        assert eventually(lambda: map_count(page) == everywhere, page=page), (width, map_count(page))
