"""A BMKG warning taken in by Celery beat and fanned out by a worker that is killed mid-fan-out: the
restarted worker finishes it, each targeted device has the alert (a repeat only for the few in flight
at the kill, under the same Topic, so that a real push service shows it once), no other device gets
anything, and a later poll of the same feed sends nothing. The province-64 warning is synthetic
(synthetic.py). Marked `once`: .ci/run runs it with the PostgreSQL pass only."""

import signal
from datetime import timedelta

import pytest
from sqlalchemy import select

from backend.database import utcnow
from backend.extensions import db
from backend.places.models import Kelurahan
from backend.push.models import Campaign, CampaignDelivery, PushSubscription
from backend.warnings.intake import poll_sources
from backend.warnings.models import OfficialWarning

from ..services import wait_until
from .synthetic import (
    KELURAHAN_A,
    KELURAHAN_B,
    NOWCAST_LIST,
    QUAKE_FOLDER,
    nowcast_list,
    ring_inside,
    serve_warning,
)

pytestmark = pytest.mark.once

PER_KELURAHAN = 150
CONCURRENCY = 8
NO_QUAKES = '{"Infogempa": {"gempa": []}}'


def place_devices(push_service, kelurahan_code: str, count: int) -> list:
    devices = [push_service.device(delay=0.03) for _ in range(count)]
    kelurahan = db.session.scalar(select(Kelurahan).where(Kelurahan.code == kelurahan_code))
    db.session.add_all(
        PushSubscription(
            endpoint=device.endpoint,
            p256dh=device.subscription["keys"]["p256dh"],
            auth=device.subscription["keys"]["auth"],
            kelurahan_id=kelurahan.id,
            kecamatan_id=kelurahan.kecamatan_id,
        )
        for device in devices
    )
    db.session.commit()
    return devices


def warning_campaign() -> Campaign | None:
    db.session.rollback()  # see what the worker committed
    return db.session.scalars(select(Campaign).where(Campaign.warning_id.is_not(None))).first()


def test_a_worker_killed_mid_fan_out_of_a_polled_warning_leaves_each_device_one_alert(
    app, celery_setup, feed_server, push_service
):
    feed_server.reset()
    feed_server.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "75")]))
    serve_warning(
        feed_server, 1, utcnow() - timedelta(minutes=2), [ring_inside(KELURAHAN_A), ring_inside(KELURAHAN_B)]
    )
    for name in ("autogempa.json", "gempaterkini.json", "gempadirasakan.json"):
        feed_server.serve(
            f"{QUAKE_FOLDER}{name}", '{"Infogempa": {"gempa": []}}', content_type="application/json"
        )
    celery_app, celery = celery_setup(
        BMKG_NOWCAST_URL=feed_server.url + NOWCAST_LIST,
        BMKG_EARTHQUAKE_URL=feed_server.url + QUAKE_FOLDER,
        PUSH_BATCH_LEASE_SECONDS=2,
        PUSH_BATCH_SIZE=40,
        PUSH_CONCURRENCY=CONCURRENCY,
    )
    warned = place_devices(push_service, KELURAHAN_A, PER_KELURAHAN) + place_devices(
        push_service, KELURAHAN_B, PER_KELURAHAN
    )
    elsewhere = place_devices(push_service, "64.71.02.1001", 20)
    first = celery.worker()
    celery.beat()  # its tick polls the feed: the warning, its article and its campaign

    wait_until(lambda: warning_campaign() is not None, 60, "beat never took the warning in")
    campaign_id = warning_campaign().id
    wait_until(
        lambda: (
            db.session.scalar(
                select(db.func.count())
                .select_from(CampaignDelivery)
                .where(CampaignDelivery.campaign_id == campaign_id)
            )
            >= 100
        ),
        60,
        "the first worker delivered nothing",
    )
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    assert warning_campaign().status != "done", "the fan-out finished before the kill"
    celery.worker()
    wait_until(lambda: warning_campaign().status == "done", 90, "the fan-out never finished")

    with celery_app.app_context():
        replay = poll_sources(force=True)  # the same feed again: nothing new, nothing sent
    campaign = warning_campaign()
    assert (campaign.targeted, campaign.sent, campaign.failed) == (len(warned), len(warned), 0)
    assert push_service.errors == []
    assert [device.endpoint for device in warned if not device.received] == []
    repeated = [device for device in warned if len(device.received) > 1]
    assert len(repeated) <= campaign.duplicates_at_most <= CONCURRENCY
    assert {message.topic for device in warned for message in device.received} == {campaign.topic}
    assert all(device.received == [] for device in elsewhere)
    assert next(report for report in replay if report.source == "bmkg-nowcast").new == 0
    assert db.session.scalar(select(db.func.count()).select_from(OfficialWarning)) == 1  # province 75 skipped
    assert db.session.scalar(select(db.func.count()).select_from(Campaign)) == 1
