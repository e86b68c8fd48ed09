"""Official warnings on screen (issue 15): the command center draws a warning's polygons over the
map with a key and lists it with its delivery and the sources' health; the home banner shows a
warning in its kelurahan only; the report map outlines the kelurahan under the pin.

The warnings are synthetic (tests/factories.make_warning: polygons drawn inside two Balikpapan
kelurahan, BMKG's fields, a made-up identifier), stored directly as the ingest would store them."""

import json
import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from backend.database import utcnow
from backend.extensions import db
from backend.security import Role
from backend.warnings.models import OfficialWarning, WarningSource

from ..factories import (
    WARNED_KELURAHAN,
    add_warning_campaign,
    auth_headers,
    make_user,
    make_warning,
    set_fields,
)
from ..warnings.synthetic_warnings import take_in, weather_warning
from .helpers import assert_accessible, log_in, screenshot, use_my_location
from .test_report_pin_place import TELAGA_SARI, to_location_step
from .test_report_steps import open_report
from .test_resident_home_news_account import editor, publish  # noqa: F401 (editor is a fixture)
from .test_tap_targets import small_targets

PRAPATAN = ("64.71.06", "64.71.06.1001")  # the warned kecamatan, outside the warning
SUMBER_REJO = ("64.71.04", "64.71.04.1006")  # another kecamatan


def add_sources(now) -> None:
    db.session.add_all(
        [
            WarningSource(
                name="nowcast", url="https://www.bmkg.go.id/alerts/nowcast/id/rss.xml", last_success_at=now
            ),
            WarningSource(
                name="autogempa",
                url="https://data.bmkg.go.id/DataMKG/TEWS/autogempa.json",
                last_success_at=now - timedelta(days=1),
                last_error_at=now,
                last_error="HTTP 500 from the source",
                consecutive_failures=4,
            ),
        ]
    )
    db.session.commit()


@pytest.fixture
def warnings_on_screen(app):
    sent = make_warning()
    campaign = add_warning_campaign(sent, targeted=120, sent=80, failed=3, gone=2)
    draft = make_warning(kelurahan=(SUMBER_REJO[1],), status="draft", severity="Minor")
    add_sources(utcnow())
    return sent, campaign, draft


def test_the_command_center_draws_the_warning_and_lists_its_delivery_and_sources(
    page, context, warnings_on_screen
):
    sent, campaign, draft = warnings_on_screen
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    log_in(page, make_user(role=Role.OPERATOR).email)
    page.goto("/command?refresh=2")

    # The map: one path per warning in the warnings' pane, by severity, a draft too.
    shape = page.locator(f'.cc-map path.cc-warning[data-warning="{sent.identifier}"]')
    expect(shape).to_have_count(1)
    expect(shape).to_have_class(re.compile(r"\bcc-warning-severe\b"))
    assert shape.get_attribute("stroke-dasharray") == "10 6"
    drafted = page.locator(f'.cc-map path.cc-warning[data-warning="{draft.identifier}"]')
    expect(drafted).to_have_attribute("data-severity", "Minor")
    assert drafted.get_attribute("stroke-dasharray") == "2 6"
    legend = page.locator(".cc-warning-legend")
    expect(legend).to_contain_text("Peringatan resmi (2, garis tepi putus-putus)")
    expect(legend).to_contain_text("Parah")
    expect(legend).to_contain_text("Ringan")
    expect(legend).to_contain_text("Draf, menunggu dikirim")
    shape.hover(force=True)
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Hujan lebat di Balikpapan Kota")

    # The panel: headline, area, expiry, devices and delivery in words and as a bar.
    item = page.locator(f'.cc-warning-item[data-warning="{sent.identifier}"]')
    expect(item.get_by_role("heading")).to_have_text(
        "ParahPeringatan Dini Cuaca: Hujan lebat di Balikpapan Kota (uji)"
    )
    expect(item).to_contain_text("Terkirim · Wilayah: Telaga Sari, Klandasan Ulu · sampai ")
    expect(item).to_contain_text("120 perangkat dituju · Sedang dikirim")
    expect(item).to_contain_text("80 terkirim, 3 gagal, 2 tidak berlangganan lagi, dari 120 (71% selesai)")
    expect(item.locator("progress")).to_have_attribute("value", "85")
    expect(item.get_by_role("link", name="Baca artikel peringatan")).to_be_visible()

    # The sources: one answering, one down with its last error.
    expect(page.locator('.cc-sources tr[data-source="nowcast"]')).to_contain_text("Baik")
    down = page.locator('.cc-sources tr[data-source="autogempa"]')
    expect(down).to_contain_text("Tidak tersedia")
    expect(down).to_contain_text("HTTP 500 from the source")
    expect(page.get_by_text("1 sumber tidak tersedia")).to_be_visible()
    screenshot(page, "command-warnings")
    assert_accessible(page)
    assert small_targets(page) == []

    # Delivery moves on: the next refresh shows it.
    set_fields(campaign, sent=115, status="done")
    expect(item).to_contain_text("dari 120 (100% selesai)", timeout=10_000)
    expect(item).to_contain_text("Selesai")


def test_a_draft_is_sent_only_after_the_operator_confirms_and_a_refusal_is_shown(page, context, app):
    """Two drafts made by the alerting (a Minor warning waits for an operator by the city pack's
    policy): one is sent from the panel; the other was sent by another operator meanwhile, and the
    API's refusal is shown."""
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    mine = take_in(weather_warning(number=1, kelurahan=(SUMBER_REJO[1],), severity="Minor"))
    theirs = take_in(weather_warning(number=2, kelurahan=(PRAPATAN[1],), severity="Minor"))
    assert (mine.status, theirs.status) == ("draft", "draft")
    log_in(page, make_user(role=Role.ADMIN).email)
    page.goto("/command")
    item = page.locator(f'.cc-warning-item[data-warning="{mine.identifier}"]')
    expect(item).to_contain_text("Draf, menunggu operator · Wilayah: Sumber Rejo")
    expect(item).to_contain_text("Belum ada yang dikirim: peringatan ini menunggu operator.")

    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    item.get_by_role("button", name="Kirim sekarang").click()
    expect(item.get_by_role("button", name="Kirim sekarang")).to_be_enabled()
    assert asked and "ke perangkat di Sumber Rejo" in asked[0]
    assert db.session.get(OfficialWarning, mine.id).status == "draft"

    page.once("dialog", lambda dialog: dialog.accept())
    item.get_by_role("button", name="Kirim sekarang").click()
    expect(item).to_contain_text("Terkirim · Wilayah: Sumber Rejo", timeout=10_000)
    db.session.expire_all()
    assert db.session.get(OfficialWarning, mine.id).status == "sent"

    other = app.test_client()
    assert (
        other.post(
            f"/api/v1/warnings/{theirs.id}/send", headers=auth_headers(make_user(role=Role.OPERATOR))
        ).status_code
        == 200
    )
    refusal = other.post(
        f"/api/v1/warnings/{theirs.id}/send", headers=auth_headers(make_user(role=Role.OPERATOR))
    )
    late = page.locator(f'.cc-warning-item[data-warning="{theirs.identifier}"]')
    page.once("dialog", lambda dialog: dialog.accept())
    late.get_by_role("button", name="Kirim sekarang").click()
    expect(late.get_by_role("alert")).to_have_text(refusal.get_json()["message"])


def follow_area(context, kecamatan: str, kelurahan: str) -> None:
    """The area this device chose on /notifikasi, as the app keeps it once the server has it."""
    saved = {"news": True, "kecamatan": kecamatan, "kelurahan": kelurahan, "endpoint": "https://push.test/1"}
    context.add_init_script(f"localStorage.setItem('satupintu.push', {json.dumps(json.dumps(saved))})")


@pytest.mark.parametrize(
    ("area", "sees"),
    [
        (("64.71.06", WARNED_KELURAHAN[0]), True),
        (("64.71.06", WARNED_KELURAHAN[1]), True),
        (PRAPATAN, False),
        (SUMBER_REJO, False),
    ],
    ids=["telaga-sari", "klandasan-ulu", "same-kecamatan-outside", "other-kecamatan"],
)
def test_the_home_banner_shows_the_warning_in_its_kelurahan_only(page, context, editor, area, sees):  # noqa: F811
    make_warning()
    publish(editor, "Waspada Gelombang Tinggi", "peringatan")  # city-wide: every home shows it
    follow_area(context, *area)
    with page.expect_request(lambda r: "/api/v1/news/banner" in r.url) as banner:
        page.goto("/")
    assert banner.value.url.endswith(f"/api/v1/news/banner?kelurahan={area[1]}")
    warnings = page.locator(".alert-peringatan")
    expect(warnings.get_by_role("link", name="Waspada Gelombang Tinggi")).to_be_visible()
    local = warnings.get_by_role("link", name=re.compile("Hujan lebat di Balikpapan Kota"))
    expect(local).to_have_count(1 if sees else 0)
    if sees:
        assert_accessible(page)


def test_the_report_map_outlines_the_kelurahan_under_the_pin(page, browser, context, live_server, app):
    context.set_geolocation(TELAGA_SARI)
    open_report(page, browser, live_server, permissions=["geolocation"])
    to_location_step(page)

    use_my_location(page)

    expect(page.get_by_text("Titik berada di Kel. Telaga Sari, Kec. Balikpapan Kota.")).to_be_visible()
    outline = page.locator(".report-map path.report-kelurahan")
    expect(outline).to_have_count(1)
    expect(outline).to_have_attribute("data-kelurahan", "64.71.06.1002")
    assert_accessible(page)

    # Without a pin, no outline; placed again, it comes back.
    page.get_by_role("button", name="Hapus titik").click()
    expect(outline).to_have_count(0)
    page.get_by_role("button", name="Gunakan lokasi saya").click()
    expect(outline).to_have_attribute("data-kelurahan", "64.71.06.1002")
