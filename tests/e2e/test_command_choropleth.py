"""The command center's kelurahan choropleth (issue 15): the map's layer toggle, 34 polygons
coloured by open requests with a key, and the table that says the same in words, refreshed with
the rest of the dashboard."""

import re

from playwright.sync_api import expect

from ..factories import make_request
from . import test_command_center as command
from .helpers import assert_accessible, log_in, screenshot

# The demo month and its server, seeded once for this module as for the command center's own.
demo = command.demo
server = command.server
open_page = command.open_page


def row_cells(page, code: str) -> list[str]:
    return page.locator(f'.cc-kelurahan tr[data-code="{code}"] td').all_inner_texts()


def test_the_map_switches_to_the_kelurahan_choropleth_with_its_table(open_page, demo, base_app):
    operator = demo["operator"]
    rows = command.dashboard(base_app, operator, "kelurahan")
    assert len(rows) == 34
    busiest = max(rows, key=lambda row: (row["open"], row["overdue"]))
    assert busiest["open"] > 0
    page = open_page(**command.WALL)
    log_in(page, operator.email)
    page.goto("/command?refresh=2")
    expect(page.locator(".cc-map .leaflet-marker-icon").first).to_be_visible()
    assert page.locator(".cc-map .leaflet-overlay-pane path").count() == 0

    with page.expect_response(lambda r: r.url.endswith("/api/v1/kelurahan.geojson")):
        page.get_by_role("button", name="Per kelurahan").click()
    expect(page).to_have_url(re.compile(r"/command\?layer=kelurahan&refresh=2$"))
    expect(page.get_by_role("button", name="Per kelurahan")).to_have_attribute("aria-pressed", "true")
    expect(page.locator(".cc-map .leaflet-overlay-pane path")).to_have_count(34)
    expect(page.locator(".cc-map .leaflet-marker-icon")).to_have_count(0)
    expect(page.locator(".cc-choropleth-legend")).to_contain_text("Laporan terbuka per kelurahan")
    expect(page.locator(".cc-choropleth-legend")).to_contain_text("Melewati tenggat (tebal garis tepi)")
    # Grey for a kelurahan without open requests, a colour by class for the others; a thin grey
    # outline without overdue requests, a darker and wider one with them.
    paths = page.locator(".cc-map .leaflet-overlay-pane path")
    fills = paths.evaluate_all("paths => paths.map(p => p.getAttribute('fill'))")
    assert fills.count("#f0f0f0") == sum(1 for row in rows if row["open"] == 0)
    assert len(set(fills)) >= 3
    widths = paths.evaluate_all("paths => paths.map(p => p.getAttribute('stroke-width'))")
    assert widths.count("1") == sum(1 for row in rows if row["overdue"] == 0)
    assert widths.count("5") >= 1

    # Hovering a kelurahan names it with its counts.
    page.locator(".cc-map .leaflet-overlay-pane path").first.hover(force=True)
    expect(page.locator(".leaflet-tooltip")).to_contain_text("laporan terbuka")

    # The table: every kelurahan, the busiest first, with the API's counts.
    table = page.get_by_role("table", name=re.compile("per kelurahan, terbanyak dahulu"))
    expect(table.locator("tbody tr")).to_have_count(34)
    expect(table.locator("tbody tr").first.locator("th")).to_have_text(busiest["name"])
    assert row_cells(page, busiest["code"]) == [str(busiest["open"]), str(busiest["overdue"])]
    opens = [int(text.replace(".", "")) for text in table.locator("tbody td:nth-child(2)").all_inner_texts()]
    assert opens == sorted(opens, reverse=True)

    # A new request in that kelurahan shows at the next refresh.
    make_request("sampah-menumpuk", kelurahan=busiest["code"])
    expect(page.locator(f'.cc-kelurahan tr[data-code="{busiest["code"]}"] td').first).to_have_text(
        str(busiest["open"] + 1), timeout=10_000
    )
    screenshot(page, "command-choropleth")
    assert_accessible(page)

    # Back to the clusters.
    page.get_by_role("button", name="Titik laporan").click()
    expect(page.locator(".cc-map .leaflet-marker-icon").first).to_be_visible()
    expect(page.locator(".cc-map .leaflet-overlay-pane path")).to_have_count(0)


def test_a_kecamatan_filter_fades_the_other_kelurahan_on_a_phone(open_page, demo, base_app):
    operator = demo["operator"]
    page = open_page()
    log_in(page, operator.email)
    page.goto("/command?kecamatan=64.71.01&layer=kelurahan")
    expect(page.locator(".cc-map .leaflet-overlay-pane path")).to_have_count(34)
    expected = command.dashboard(base_app, operator, "kelurahan?kecamatan=64.71.01")
    assert expected and all(row["kecamatan"] == "64.71.01" for row in expected)
    expect(page.locator(".cc-kelurahan tbody tr")).to_have_count(len(expected))
    faded = page.locator(".cc-map .leaflet-overlay-pane path[fill-opacity='0.15']")
    expect(faded).to_have_count(34 - len(expected))
    assert_accessible(page)


def test_the_wall_shows_the_choropleth_within_1920_by_1080(open_page, demo):
    page = open_page(**command.WALL)
    log_in(page, demo["operator"].email)
    page.goto("/command?layer=kelurahan&wall=1")
    expect(page.locator(".cc-map .leaflet-overlay-pane path")).to_have_count(34)
    expect(page.locator(".cc-choropleth-legend")).to_be_visible()
    screenshot(page, "command-wall-choropleth")
    width, height = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert width <= 1920 and height <= 1080, (width, height)
