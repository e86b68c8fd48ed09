"""Incident areas on screen (issue 16): the command center's map, on the wall too, outlines each open
incident's kelurahan (dashed while proposed, solid once active) with a key that lists them in words,
and a click opens the incident; the printable situation report holds its sections and drops the app's
chrome on paper (A4); the public incident page shows its area on a map."""

import re

import pytest
from playwright.sync_api import expect

from backend.incidents import actions, detection
from backend.security import Role

from ..factories import make_request, make_user, subscribe_devices
from ..incidents.helpers import make_incident
from .helpers import assert_accessible, log_in, screenshot
from .test_tap_targets import small_targets

GUNUNG_SAMARINDA = "64.71.03.1002"
PRAPATAN = "64.71.01.1001"


@pytest.fixture
def no_tiles(context):
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())


def area(page, incident_id: int):
    return page.locator(f'.cc-map path.cc-incident-area[data-incident="{incident_id}"]')


def test_the_wall_map_outlines_open_incidents_and_a_click_opens_one(page, app, no_tiles):
    for _ in range(5):
        make_request("jalan-berlubang", kelurahan=GUNUNG_SAMARINDA)
    [proposed] = detection.run()
    operator = make_user(role=Role.OPERATOR)
    active = make_incident(operator, "active", kelurahan=PRAPATAN)
    make_incident(operator, "resolved", kelurahan=PRAPATAN)  # closed: not on the map
    log_in(page, operator.email)
    page.goto("/command?refresh=2")

    expect(area(page, proposed.id)).to_have_count(1)
    expect(area(page, proposed.id)).to_have_class(re.compile(r"\bcc-incident-area-proposed\b"))
    assert area(page, proposed.id).get_attribute("stroke-dasharray") == "14 8"
    expect(area(page, active.id)).to_have_class(re.compile(r"\bcc-incident-area-active\b"))
    assert area(page, active.id).get_attribute("stroke-dasharray") is None
    expect(page.locator(".cc-map path.cc-incident-area")).to_have_count(2)

    legend = page.locator(".cc-incident-legend")
    expect(legend).to_contain_text("Wilayah insiden terbuka (2)")
    expect(legend).to_contain_text("Usulan (garis putus-putus)")
    expect(legend).to_contain_text("Aktif (garis penuh)")
    expect(
        legend.get_by_role("link", name="Usulan, menunggu keputusan: infrastruktur di Gunungsamarinda")
    ).to_be_visible()
    expect(legend.locator(f'a[data-incident="{active.id}"]')).to_have_attribute(
        "href", f"/command/insiden/{active.id}"
    )
    screenshot(page, "command-incident-areas")
    assert_accessible(page)
    assert small_targets(page) == []

    # The wall keeps the outlines and the key; its incidents panel names them in words.
    page.goto("/command?wall=1&refresh=2")
    expect(page.locator(".cc-map path.cc-incident-area")).to_have_count(2)
    expect(legend).to_contain_text("Wilayah insiden terbuka (2)")
    expect(page.locator(f'.cc-incident-item[data-incident="{proposed.id}"]')).to_be_visible()

    area(page, active.id).dispatch_event("click")
    expect(page).to_have_url(re.compile(rf"/command/insiden/{active.id}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aktif")


@pytest.fixture
def worked_incident(app, push_service):
    """An active flood incident in Gunung Samarinda: three linked reports (one resolved already),
    an area alert sent to one device and a public update."""
    operator = make_user(role=Role.OPERATOR)
    subscribe_devices([push_service.device()], kelurahan=GUNUNG_SAMARINDA)
    reports = [make_request("banjir-genangan", kelurahan=GUNUNG_SAMARINDA) for _ in range(2)]
    reports.append(make_request("banjir-genangan", kelurahan=GUNUNG_SAMARINDA, status="resolved"))
    incident = make_incident(operator, "active", requests=reports)
    actions.send_alert(incident.id, operator, {})
    actions.publish_update(
        incident.id,
        operator,
        {"title": "Pompa BPBD dikerahkan", "summary": "Air diperkirakan surut sore ini."},
    )
    return operator, incident, reports


def test_the_situation_report_has_its_sections_and_prints_on_a4_without_the_apps_chrome(
    page, worked_incident, no_tiles
):
    operator, incident, reports = worked_incident
    log_in(page, operator.email)
    page.goto(f"/command/insiden/{incident.id}")
    page.get_by_role("link", name="Cetak laporan situasi").click()
    expect(page).to_have_url(re.compile(rf"/command/insiden/{incident.id}/laporan$"))

    expect(page.get_by_role("heading", level=1)).to_contain_text("di Gunungsamarinda")
    expect(page.locator(".cc-report-facts")).to_contain_text("3")
    expect(page.locator('[data-section="situation-area"] .area-map-canvas')).to_have_attribute(
        "data-drawn", "1"
    )
    expect(page.locator('[data-section="situation-area"] .leaflet-overlay-pane path')).to_have_count(1)
    hourly = page.locator('[data-section="situation-hourly"]')
    expect(hourly.locator("svg rect")).not_to_have_count(0)
    expect(hourly).to_contain_text("3 laporan terkait dalam")
    alerts = page.locator('[data-section="situation-alerts"]')
    expect(alerts).to_contain_text("Penanganan infrastruktur di Gunung Samarinda")
    expect(alerts).to_contain_text("Pompa BPBD dikerahkan")
    timeline = page.locator('[data-section="situation-timeline"]')
    expect(timeline.locator('[data-event="alert"]')).to_have_count(1)
    expect(timeline.locator('[data-event="update"]')).to_have_count(1)
    open_requests = page.locator('[data-section="situation-open"]')
    expect(open_requests.get_by_role("heading")).to_contain_text("(2)")
    expect(open_requests.get_by_role("link", name=reports[0].code)).to_be_visible()
    expect(open_requests.get_by_role("link", name=reports[2].code)).to_have_count(0)
    assert_accessible(page)
    assert small_targets(page) == []

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Cetak / simpan PDF")).to_be_hidden()
    expect(page.locator(".cc-report")).to_be_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    # A4 is 595 x 842 points (the browser's default, US Letter, would be 612 x 792).
    assert re.search(rb"/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]", pdf), "not A4"
    screenshot(page, "command-situation-report-print")


def test_the_public_incident_page_shows_its_area_on_a_map(page, worked_incident, no_tiles):
    _, incident, _ = worked_incident
    page.goto(f"/insiden/{incident.id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("di Gunungsamarinda")
    canvas = page.locator(".area-map-canvas")
    expect(canvas).to_have_attribute("data-drawn", "1")
    expect(canvas).to_have_attribute("aria-label", "Peta wilayah insiden: Gunungsamarinda")
    expect(canvas.locator(".leaflet-overlay-pane path")).to_have_count(1)
    expect(page.get_by_text("3 warga melaporkan masalah ini")).to_be_visible()
    expect(page.get_by_text("Pompa BPBD dikerahkan")).to_be_visible()
    screenshot(page, "public-incident-map")
    assert_accessible(page)
