"""Push campaigns in the browser: the composer's live count, a campaign delivered to the end (also
published as a CAP alert, with its English text), a scheduled city-wide alert confirmed and then
cancelled, and the service worker showing a campaign's notification, opening its screen on a tap and
getting the tap counted, also a tap made offline."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from ..factories import auth_headers
from ..push.helpers import CAMPAIGNS, subscribe, wait_for_jobs
from .conftest import wait_for_service_worker
from .helpers import (
    SHOWN_NOTIFICATIONS,
    assert_accessible,
    deliver_push,
    dispatch_background_sync,
    eventually,
    log_in_by_api,
    screenshot,
    shown_notifications,
)

WITA = ZoneInfo("Asia/Makassar")
MANGGAR, BARU_ILIR = "64.71.01.1001", "64.71.02.1001"

# Headless Chromium has no notification to tap, so the test dispatches the worker's own
# notificationclick with the notification it shows (an untrusted event, but the same handler).
TAP_NOTIFICATION = """async () => {
    const [notification] = await self.registration.getNotifications();
    self.dispatchEvent(new NotificationEvent("notificationclick", { notification }));
    return notification.tag;
}"""


def campaign_of(app, admin, campaign_id: int) -> dict:
    response = app.test_client().get(f"{CAMPAIGNS}/{campaign_id}", headers=auth_headers(admin))
    return response.get_json()


def test_a_campaign_push_shows_its_notification_and_a_tap_opens_it_and_is_counted(
    page, context, live_server, app, admin, push_service
):
    device = push_service.device()
    client = app.test_client()
    subscribe(client, device, kelurahan=MANGGAR)
    campaign = client.post(
        CAMPAIGNS,
        json={
            "title": "Peringatan banjir Manggar",
            "body": "Air naik di sekitar Jalan Mulawarman. Hindari lewat sana.",
            "url": "/berita/banjir-manggar",
            "target_kind": "kelurahan",
            "target_values": [MANGGAR],
            "urgency": "high",
        },
        headers=auth_headers(admin),
    ).get_json()
    wait_for_jobs(app)
    # Exactly what the push service received for this device is what the browser gets.
    [message] = device.received
    assert message.payload["endpoint"] == device.endpoint

    context.grant_permissions(["notifications"], origin=live_server)
    page.goto("/")
    wait_for_service_worker(page)
    deliver_push(page, live_server, message.payload)
    assert shown_notifications(page) == [
        [
            "Peringatan banjir Manggar",
            "Air naik di sekitar Jalan Mulawarman. Hindari lewat sana.",
            f"campaign-{campaign['id']}",
            "/berita/banjir-manggar",
        ]
    ]

    [worker] = [w for w in context.service_workers if w.url.endswith("/sw.js")]
    with context.expect_event("requestfinished", lambda r: r.url.endswith("/api/v1/push/clicks")) as click:
        assert worker.evaluate(TAP_NOTIFICATION) == f"campaign-{campaign['id']}"
    assert click.value.response().status == 204
    page.wait_for_url(f"{live_server}/berita/banjir-manggar")
    assert page.evaluate(SHOWN_NOTIFICATIONS) == []  # the tap closed it
    assert campaign_of(app, admin, campaign["id"])["clicked"] == 1

    # The same device tapping again (the message shown twice) is still one click.
    deliver_push(page, live_server, message.payload)
    assert shown_notifications(page)
    with context.expect_event("requestfinished", lambda r: r.url.endswith("/api/v1/push/clicks")):
        worker.evaluate(TAP_NOTIFICATION)
    assert campaign_of(app, admin, campaign["id"])["clicked"] == 1

    # A tap on the next alert while the phone has no connection is kept and counted on reconnection.
    second = client.post(
        CAMPAIGNS,
        json={
            "title": "Banjir surut",
            "body": "Jalan bisa dilewati lagi.",
            "url": "/berita",
            "target_kind": "all",
        },
        headers=auth_headers(admin),
    ).get_json()
    wait_for_jobs(app)
    deliver_push(page, live_server, device.received[-1].payload)
    assert shown_notifications(page)
    context.route("**/api/v1/push/clicks", lambda route: route.abort("internetdisconnected"))
    assert worker.evaluate(TAP_NOTIFICATION) == f"campaign-{second['id']}"
    page.wait_for_timeout(500)
    assert campaign_of(app, admin, second["id"])["clicked"] == 0
    context.unroute("**/api/v1/push/clicks")
    dispatch_background_sync(page, live_server, "satupintu-clicks")
    assert eventually(lambda: campaign_of(app, admin, second["id"])["clicked"], page=page) == 1


def send_confirmed(page, devices: int) -> None:
    """ "Kirim sekarang" sends nothing by itself: the dialog tells how many devices it reaches."""
    page.get_by_role("button", name="Kirim sekarang").click()
    dialog = page.get_by_role("dialog", name="Kirim notifikasi ini?")
    expect(dialog).to_contain_text(f"akan sampai ke {devices} perangkat")
    dialog.get_by_role("button", name="Ya, kirim").click()


def test_a_campaign_that_would_reach_nobody_is_not_sent(page, app, admin, push_service):
    subscribe(app.test_client(), push_service.device(), kelurahan=MANGGAR)
    log_in_by_api(page, admin)
    page.goto("/admin/kampanye/baru")
    posted = []
    page.on(
        "request",
        lambda r: posted.append(r.url) if r.method == "POST" and "/push/campaigns" in r.url else None,
    )
    page.get_by_role("radio", name="Kelurahan").check()
    page.get_by_role("checkbox", name="Baru Ilir").check()
    expect(page.locator(".campaign-count")).to_have_text("Menjangkau 0 perangkat saat ini")
    page.get_by_role("textbox", name="Judul", exact=True).fill("Tidak ada yang menerima")
    page.get_by_role("textbox", name="Isi pesan", exact=True).fill("Uji kampanye tanpa perangkat.")
    page.get_by_role("button", name="Kirim sekarang").click()
    expect(
        page.get_by_text("Tidak ada perangkat yang akan menerima kampanye ini. Pilih sasaran lain.")
    ).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.wait_for_timeout(300)
    assert posted == []
    assert app.test_client().get(CAMPAIGNS, headers=auth_headers(admin)).get_json()["items"] == []

    # One tap on "Kirim sekarang" no longer sends: with a device in the target, a dialog asks first.
    page.get_by_role("checkbox", name="Baru Ilir").uncheck()
    page.get_by_role("group", name="Balikpapan Timur").get_by_role(
        "checkbox", name="Manggar", exact=True
    ).check()
    expect(page.locator(".campaign-count")).to_have_text("Menjangkau 1 perangkat saat ini")
    page.get_by_role("button", name="Kirim sekarang").click()
    dialog = page.get_by_role("dialog", name="Kirim notifikasi ini?")
    expect(dialog).to_contain_text("akan sampai ke 1 perangkat")
    dialog.get_by_role("button", name="Kembali").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert posted == []


def test_the_composer_counts_live_and_the_campaign_runs_to_done(page, app, admin, push_service):
    client = app.test_client()
    inside = [push_service.device() for _ in range(3)]
    outside = push_service.device()
    subscribe(client, inside[0], kelurahan=MANGGAR)
    subscribe(client, inside[1], kelurahan=MANGGAR)
    subscribe(client, inside[2], kelurahan=BARU_ILIR)
    subscribe(client, outside)
    log_in_by_api(page, admin)
    page.goto("/admin/kampanye/baru")

    count = page.locator(".campaign-count")
    expect(count).to_have_text("Menjangkau 4 perangkat saat ini")
    page.get_by_role("radio", name="Kelurahan").check()
    expect(count).to_have_text("Pilih sasaran untuk melihat jumlah perangkat.")
    timur = page.get_by_role("group", name="Balikpapan Timur")
    timur.get_by_role("checkbox", name="Manggar", exact=True).check()
    expect(count).to_have_text("Menjangkau 2 perangkat saat ini")
    page.get_by_role("checkbox", name="Baru Ilir").check()
    expect(count).to_have_text("Menjangkau 3 perangkat saat ini")

    page.get_by_role("textbox", name="Judul", exact=True).fill("Pemadaman air besok pagi")
    expect(page.get_by_text("24 dari 100 karakter")).to_be_visible()
    page.get_by_role("textbox", name="Isi pesan", exact=True).fill(
        "Aliran air PDAM berhenti pukul 08.00 sampai 12.00 WITA."
    )
    page.get_by_label("Judul dalam bahasa Inggris (opsional)").fill("Water cut tomorrow morning")
    page.get_by_label("Isi pesan dalam bahasa Inggris (opsional)").fill(
        "No PDAM water from 08.00 to 12.00 WITA."
    )
    page.get_by_role("checkbox", name="Terbitkan sebagai peringatan CAP").check()
    page.get_by_label("Halaman yang dibuka").fill("/berita/pemadaman-air")
    page.get_by_label("Tingkat kepentingan").select_option("high")
    expect(page.get_by_role("figure", name="Pratinjau notifikasi")).to_contain_text(
        "Pemadaman air besok pagi"
    )
    assert_accessible(page)
    screenshot(page, "campaign-composer")

    # The server's refusal shows under the field it is about, and nothing typed is lost.
    too_large = {
        "code": 422,
        "status": "Unprocessable Entity",
        "message": "Beberapa isian tidak valid.",
        "errors": {"body": ["Pesan terlalu panjang untuk notifikasi push."]},
    }
    page.route("**/api/v1/push/campaigns", lambda route: route.fulfill(status=422, json=too_large), times=1)
    send_confirmed(page, devices=3)
    expect(page.locator("#campaign-body-error")).to_have_text("Pesan terlalu panjang untuk notifikasi push.")
    expect(page.get_by_role("textbox", name="Isi pesan", exact=True)).to_be_focused()
    expect(page.get_by_role("textbox", name="Judul", exact=True)).to_have_value("Pemadaman air besok pagi")

    send_confirmed(page, devices=3)
    page.wait_for_url(re.compile(r"/admin/kampanye/\d+$"))
    expect(page.locator(".campaign-status")).to_contain_text("Selesai", timeout=20_000)
    progress = page.get_by_role("progressbar", name="Kemajuan pengiriman")
    expect(progress).to_have_attribute("value", "3")
    expect(progress).to_have_attribute("max", "3")
    expect(page.get_by_text("3 dari 3 perangkat diproses (100%)")).to_be_visible()
    expect(page.get_by_role("button", name="Batalkan kampanye")).to_have_count(0)
    expect(page.locator(".campaign-facts")).to_contain_text("Kelurahan: Manggar, Baru Ilir")
    expect(page.locator(".campaign-facts")).to_contain_text("Ya, diterbitkan di /alerts.atom saat terkirim")
    expect(page.locator(".campaign-message [lang=en]")).to_contain_text("Water cut tomorrow morning")
    assert_accessible(page)
    screenshot(page, "campaign-page-done")
    assert [len(device.received) for device in inside] == [1, 1, 1] and outside.received == []
    assert inside[0].received[0].urgency == "high"
    campaign = campaign_of(app, admin, int(page.url.rsplit("/", 1)[1]))
    assert (campaign["is_alert"], campaign["title_en"]) == (True, "Water cut tomorrow morning")
    assert "Pemadaman air besok pagi" in client.get("/alerts.atom").get_data(as_text=True)


def test_a_scheduled_city_wide_alert_is_confirmed_then_cancelled(page, app, admin, push_service):
    device = push_service.device()
    subscribe(app.test_client(), device)
    log_in_by_api(page, admin)
    page.goto("/admin/kampanye/baru")
    expect(page.locator(".campaign-count")).to_have_text("Menjangkau 1 perangkat saat ini")
    page.get_by_role("textbox", name="Judul", exact=True).fill("Kerja bakti serentak")
    page.get_by_role("textbox", name="Isi pesan", exact=True).fill(
        "Minggu pagi, seluruh kelurahan. Bawa alat kebersihan."
    )
    tomorrow = (datetime.now(WITA) + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
    page.get_by_label("Waktu kirim (opsional)").fill(tomorrow.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Jadwalkan").click()

    dialog = page.get_by_role("dialog", name="Kirim ke seluruh kota?")
    expect(dialog).to_contain_text("1 perangkat")
    dialog.get_by_role("button", name="Ya, jadwalkan untuk seluruh kota").click()
    page.wait_for_url(re.compile(r"/admin/kampanye/\d+$"))
    campaign_id = int(page.url.rsplit("/", 1)[1])
    expect(page.locator(".campaign-status")).to_contain_text("Terjadwal")
    expect(page.get_by_text("Belum dimulai: menunggu waktu kirim.")).to_be_visible()
    scheduled = datetime.fromisoformat(campaign_of(app, admin, campaign_id)["scheduled_at"])
    assert scheduled == tomorrow.astimezone(UTC)  # 08:00 WITA is 00:00 UTC
    assert_accessible(page)
    screenshot(page, "campaign-page-scheduled")

    page.get_by_role("button", name="Batalkan kampanye").click()
    page.get_by_role("dialog", name="Batalkan kampanye ini?").get_by_role(
        "button", name="Ya, batalkan"
    ).click()
    expect(page.locator(".campaign-status")).to_contain_text("Dibatalkan")
    expect(page.get_by_role("button", name="Batalkan kampanye")).to_have_count(0)
    assert campaign_of(app, admin, campaign_id)["status"] == "cancelled"

    page.get_by_role("link", name="← Semua kampanye").click()
    expect(page.get_by_role("heading", name="Kampanye notifikasi", level=1)).to_be_visible()
    item = page.get_by_role("listitem").filter(has_text="Kerja bakti serentak")
    expect(item).to_contain_text("Dibatalkan")
    expect(item).to_contain_text("Seluruh kota")
    expect(page.get_by_role("link", name="Kampanye baru")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "campaign-list")
    assert device.received == []
