"""The app shell: installable, precached for offline use, and showing pushed notifications."""

import json

from .conftest import wait_for_service_worker
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
