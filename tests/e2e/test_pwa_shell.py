"""The app shell: installable, precached for offline use, and showing pushed notifications."""

import json
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .conftest import DIST, wait_for_service_worker
from .helpers import deliver_push, shown_notifications


def test_the_app_is_installable(persistent_context, live_server, app):
    page = persistent_context.new_page()
    page.goto(live_server)
    wait_for_service_worker(page)
    session = persistent_context.new_cdp_session(page)
    assert session.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = session.send("Page.getAppManifest")
    assert manifest["errors"] == []
    parsed = json.loads(manifest["data"])
    assert parsed["short_name"] == "SatuPintu" and parsed["display"] == "standalone"
    assert {icon["sizes"] for icon in parsed["icons"]} >= {"192x192", "512x512"}
    assert "maskable" in {icon.get("purpose") for icon in parsed["icons"]}
    assert {shot["form_factor"] for shot in parsed["screenshots"]} == {"narrow", "wide"}


def test_after_the_first_visit_the_app_opens_offline(page, context, app):
    page.goto("/")
    wait_for_service_worker(page)
    page.wait_for_selector("h1")
    context.set_offline(True)
    response = page.reload()
    assert response.from_service_worker
    assert "SatuPintu" in page.inner_text(".brand")
    page.wait_for_selector("h1")
    context.set_offline(False)


def test_a_pushed_message_shows_a_notification(page, context, live_server, app):
    context.grant_permissions(["notifications"], origin=live_server)
    page.goto("/")
    wait_for_service_worker(page)
    payload = {
        "title": "Peringatan banjir",
        "body": "Hujan lebat",
        "url": "/berita/banjir",
        "tag": "campaign-1",
    }
    deliver_push(page, live_server, payload)
    assert shown_notifications(page) == [["Peringatan banjir", "Hujan lebat", "campaign-1", "/berita/banjir"]]


def test_the_first_visit_asks_nothing_of_another_host(page, context, live_server, app):
    hosts = set()
    context.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto("/")
    wait_for_service_worker(page)
    page.wait_for_load_state("networkidle")
    assert hosts == {urlsplit(live_server).netloc}


def test_a_new_version_waits_until_the_person_taps_update(page, live_server, app):
    page.goto("/")
    wait_for_service_worker(page)
    # The next deployment: the same worker with other bytes (put back for the other tests).
    worker = DIST / "sw.js"
    current = worker.read_text()
    try:
        worker.write_text(current + "\n// the next version\n")
        page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
        update = page.get_by_role("button", name="Perbarui")
        expect(update).to_be_visible(timeout=15_000)
        expect(page.get_by_text("Versi baru SatuPintu tersedia.")).to_be_visible()
        page.evaluate("window.beforeUpdate = true")
        update.click()
        page.wait_for_function("window.beforeUpdate === undefined")  # reloaded under the new worker
    finally:
        worker.write_text(current)
    waiting = "navigator.serviceWorker.getRegistration().then((r) => r.waiting)"
    assert page.evaluate(waiting) is None
    expect(page.get_by_role("button", name="Perbarui")).to_have_count(0)
