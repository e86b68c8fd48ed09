"""Campaigns: stored and queued by the request, fanned out in batches by the job runner, each
message encrypted and signed for the fake push service, with exact counts."""

from datetime import timedelta

import pytest

from backend.database import utcnow
from backend.errors import Invalid
from backend.extensions import db
from backend.push import campaigns
from backend.push.messages import check_size
from backend.push.models import Campaign, CampaignBatch, PushSubscription

from ..factories import auth_headers, error_shape
from .helpers import CAMPAIGNS, subscribe, wait_for_jobs


def send(client, admin, **fields):
    body = {"title": "Peringatan banjir", "body": "Hujan lebat malam ini.", "url": "/berita/banjir"} | fields
    response = client.post(CAMPAIGNS, json=body, headers=auth_headers(admin))
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def detail(client, admin, campaign_id):
    return client.get(f"{CAMPAIGNS}/{campaign_id}", headers=auth_headers(admin)).get_json()


def test_a_kelurahan_campaign_reaches_exactly_that_kelurahan(app, client, admin, push_service):
    inside = [push_service.device() for _ in range(3)]
    outside = [push_service.device() for _ in range(2)]
    for device in inside:
        subscribe(client, device, kelurahan="64.71.01.1001")
    subscribe(client, outside[0], kelurahan="64.71.01.1002")
    subscribe(client, outside[1])
    campaign = send(
        client, admin, target_kind="kelurahan", target_values=["64.71.01.1001"], urgency="high", ttl=3600
    )
    wait_for_jobs(app)
    assert push_service.errors == []
    for device in inside:
        [message] = device.received
        assert message.payload == {
            "title": "Peringatan banjir",
            "body": "Hujan lebat malam ini.",
            "url": "/berita/banjir",
            "tag": f"campaign-{campaign['id']}",
            "icon": "/icons/icon-192.png",
            "badge": "/icons/badge-72.png",
            "campaign": campaign["id"],
            "endpoint": device.endpoint,
        }
        assert (message.ttl, message.urgency, message.topic) == (3600, "high", f"campaign-{campaign['id']}")
    assert all(device.received == [] for device in outside)
    counts = detail(client, admin, campaign["id"])
    assert counts["status"] == "done"
    assert {k: counts[k] for k in ("targeted", "sent", "failed", "gone")} == {
        "targeted": 3,
        "sent": 3,
        "failed": 0,
        "gone": 0,
    }


def test_a_kelurahan_campaign_also_reaches_devices_that_chose_only_its_kecamatan(
    app, client, admin, push_service
):
    """Such a device may be in the kelurahan: an alert is better had than missed."""
    maybe_inside, elsewhere = push_service.device(), push_service.device()
    subscribe(client, maybe_inside, kecamatan="64.71.01")
    subscribe(client, elsewhere, kecamatan="64.71.02")
    send(client, admin, target_kind="kelurahan", target_values=["64.71.01.1001"])
    wait_for_jobs(app)
    assert (len(maybe_inside.received), len(elsewhere.received)) == (1, 0)


def test_an_all_city_campaign_reaches_every_device_in_batches(app, client, admin, push_service, monkeypatch):
    monkeypatch.setitem(app.config, "PUSH_BATCH_SIZE", 4)
    devices = [push_service.device() for _ in range(11)]
    for device in devices:
        subscribe(client, device, topics=["alerts"])
    campaign = send(client, admin, target_kind="all")
    wait_for_jobs(app)
    assert all(len(device.received) == 1 for device in devices)
    assert CampaignBatch.query.filter_by(campaign_id=campaign["id"]).count() == 3
    assert detail(client, admin, campaign["id"])["sent"] == 11


def test_gone_subscriptions_are_removed_and_counted(app, client, admin, push_service):
    alive = push_service.device()
    gone_410, gone_404 = push_service.device((410, None)), push_service.device((404, None))
    for device in (alive, gone_410, gone_404):
        subscribe(client, device)
    campaign = send(client, admin, target_kind="all")
    wait_for_jobs(app)
    counts = detail(client, admin, campaign["id"])
    assert (counts["sent"], counts["gone"], counts["failed"]) == (1, 2, 0)
    assert [s.endpoint for s in PushSubscription.query.all()] == [alive.endpoint]


def test_429_is_retried_after_retry_after_and_then_delivered(app, client, admin, push_service):
    busy = push_service.device((429, "1"), (503, None))
    subscribe(client, busy)
    started = utcnow()
    campaign = send(client, admin, target_kind="all")
    wait_for_jobs(app)
    assert len(busy.received) == 1
    assert utcnow() - started >= timedelta(seconds=1)
    assert detail(client, admin, campaign["id"])["sent"] == 1


def test_other_client_errors_fail_without_retry_and_keep_the_subscription(app, client, admin, push_service):
    refused, too_large = push_service.device((400, None)), push_service.device((413, None))
    subscribe(client, refused)
    subscribe(client, too_large)
    campaign = send(client, admin, target_kind="all")
    wait_for_jobs(app)
    assert detail(client, admin, campaign["id"])["failed"] == 2
    assert {s.failure_count for s in PushSubscription.query.all()} == {1}


def test_a_scheduled_campaign_waits_for_its_time_and_cancel_stops_it(app, client, admin, push_service):
    device = push_service.device()
    subscribe(client, device)
    later = send(client, admin, target_kind="all", scheduled_at=(utcnow() + timedelta(hours=1)).isoformat())
    cancelled = send(
        client, admin, target_kind="all", scheduled_at=(utcnow() + timedelta(hours=1)).isoformat()
    )
    assert later["status"] == "scheduled"
    campaigns.start_due_campaigns()
    wait_for_jobs(app)
    assert device.received == []
    assert (
        client.post(f"{CAMPAIGNS}/{cancelled['id']}/cancel", headers=auth_headers(admin)).get_json()["status"]
        == "cancelled"
    )
    for campaign in Campaign.query.all():
        campaign.scheduled_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    campaigns.start_due_campaigns()
    wait_for_jobs(app)
    assert [m.payload["campaign"] for m in device.received] == [later["id"]]
    error_shape(client.post(f"{CAMPAIGNS}/{cancelled['id']}/cancel", headers=auth_headers(admin)), 409)


def test_cancel_while_sending_stops_further_batches(app, client, admin, push_service, monkeypatch):
    monkeypatch.setitem(app.config, "PUSH_BATCH_SIZE", 1)
    devices = [push_service.device(delay=0.3) for _ in range(16)]
    for device in devices:
        subscribe(client, device)
    campaign = send(client, admin, target_kind="all")
    while detail(client, admin, campaign["id"])["sent"] == 0:
        pass
    client.post(f"{CAMPAIGNS}/{campaign['id']}/cancel", headers=auth_headers(admin))
    wait_for_jobs(app)
    counts = detail(client, admin, campaign["id"])
    delivered = sum(len(device.received) for device in devices)
    assert counts["status"] == "cancelled"
    assert counts["sent"] == delivered < 16
    assert CampaignBatch.query.filter_by(campaign_id=campaign["id"], is_done=False).count() == 0


def test_clicks_are_counted_once_per_device(app, client, admin, push_service):
    device = push_service.device()
    subscribe(client, device)
    campaign = send(client, admin, target_kind="all")
    wait_for_jobs(app)
    for _ in range(3):
        click = client.post(
            "/api/v1/push/clicks", json={"campaign": campaign["id"], "endpoint": device.endpoint}
        )
        assert click.status_code == 204
    assert detail(client, admin, campaign["id"])["clicked"] == 1
    error_shape(
        client.post("/api/v1/push/clicks", json={"campaign": 999999, "endpoint": device.endpoint}), 404
    )
    # A made-up endpoint is not a device of ours: it counts for nothing.
    stranger = push_service.device()
    error_shape(
        client.post("/api/v1/push/clicks", json={"campaign": campaign["id"], "endpoint": stranger.endpoint}),
        404,
    )
    assert detail(client, admin, campaign["id"])["clicked"] == 1


def test_preview_counts_the_target(client, admin, push_service):
    for kelurahan in ["64.71.01.1001", "64.71.01.1002", "64.71.02.1001"]:
        subscribe(client, push_service.device(), kelurahan=kelurahan)
    headers = auth_headers(admin)

    def preview(query):
        return client.get(f"{CAMPAIGNS}/preview?{query}", headers=headers).get_json()["targeted"]

    assert preview("target_kind=all") == 3
    assert preview("target_kind=kecamatan&target_values=64.71.01") == 2
    assert preview("target_kind=kelurahan&target_values=64.71.02.1001,64.71.01.1001") == 2
    error_shape(
        client.get(f"{CAMPAIGNS}/preview?target_kind=kecamatan&target_values=99", headers=headers), 422
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "x" * 101}, "title"),
        ({"body": "x" * 301}, "body"),
        ({"url": "https://evil.example/"}, "url"),
        ({"url": "//evil.example/"}, "url"),
        ({"urgency": "urgent"}, "urgency"),
        ({"ttl": 31 * 24 * 3600}, "ttl"),
        ({"target_kind": "kecamatan", "target_values": []}, "target_values"),
        ({"target_kind": "kecamatan", "target_values": ["99.99"]}, "target_values"),
        ({"target_kind": "topic", "target_values": ["gosip"]}, "target_values"),
    ],
)
def test_campaign_input_is_checked(client, admin, fields, field):
    body = {"title": "Judul", "body": "Isi", "target_kind": "all"} | fields
    assert field in error_shape(client.post(CAMPAIGNS, json=body, headers=auth_headers(admin)), 422)["errors"]


def test_payload_size_is_checked():
    check_size(b"x" * 3993)
    with pytest.raises(Invalid) as refusal:
        check_size(b"x" * 3994)
    assert refusal.value.errors == {"body": ["The message is too long for a push notification."]}


def test_the_size_check_leaves_room_for_the_longest_endpoint(client, admin):
    # Fits without an endpoint (about 3,500 bytes), but not with a 1,024-character one.
    body = {"title": "🚨" * 100, "body": "🌊" * 300, "url": "/" + "\u0001" * 299}
    refused = client.post(CAMPAIGNS, json=body | {"target_kind": "all"}, headers=auth_headers(admin))
    assert "body" in error_shape(refused, 422)["errors"]


def test_a_campaign_that_would_reach_no_device_is_refused_and_not_stored(client, admin, push_service):
    subscribe(client, push_service.device(), kecamatan="64.71.01")
    for target in ({"target_kind": "kecamatan", "target_values": ["64.71.02"]}, {"target_kind": "all"}):
        if target["target_kind"] == "all":
            PushSubscription.query.delete()
            db.session.commit()
        body = {"title": "Uji", "body": "Tidak ada yang menerima."} | target
        refusal = error_shape(client.post(CAMPAIGNS, json=body, headers=auth_headers(admin)), 422)
        assert refusal["message"].startswith("Tidak ada perangkat yang akan menerima kampanye ini")
        assert "target_kind" in refusal["errors"]
    english = client.post(
        CAMPAIGNS, json=body, headers=auth_headers(admin) | {"Accept-Language": "en"}
    ).get_json()
    assert english["message"].startswith("No device would receive this campaign")
    assert Campaign.query.count() == 0


def test_campaign_list_newest_first(client, admin, push_service):
    subscribe(client, push_service.device())
    first = send(client, admin, target_kind="all")
    second = send(client, admin, target_kind="all")
    items = client.get(CAMPAIGNS, headers=auth_headers(admin)).get_json()["items"]
    assert [item["id"] for item in items] == [second["id"], first["id"]]


def test_the_alerts_topic_reaches_every_device(app, client, admin, push_service):
    news_reader, alerts_only = push_service.device(), push_service.device()
    subscribe(client, news_reader)
    subscribe(client, alerts_only, topics=["alerts"])
    send(client, admin, target_kind="topic", target_values=["alerts"])
    wait_for_jobs(app)
    assert len(news_reader.received) == len(alerts_only.received) == 1


def test_a_stalled_campaign_is_resumed(app, client, admin, push_service, monkeypatch):
    device = push_service.device()
    subscribe(client, device)
    campaign = Campaign(
        title="Tertahan",
        body="x",
        target_kind="all",
        status="sending",
        started_at=utcnow() - timedelta(hours=1),
    )
    db.session.add(campaign)
    db.session.commit()
    campaigns.resume_stalled_campaigns()
    wait_for_jobs(app)
    assert len(device.received) == 1
    assert db.session.get(Campaign, campaign.id).status == "done"
