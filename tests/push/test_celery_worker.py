"""The campaign fan-out on real Celery workers over Redis, including a worker killed mid-campaign.

Each device's outcome is recorded as it comes in, and a message's send slot is freed only once its
outcome is recorded; so the batch a killed worker was on runs again for the devices with no outcome
only, and no more than PUSH_CONCURRENCY devices can get the alert twice. The campaign says how
many may have (duplicates_at_most), and every message carries the campaign's Topic, so that a
real push service replaces a repeat instead of showing it twice."""

import signal

from backend.database import utcnow
from backend.extensions import db
from backend.push.models import Campaign, CampaignBatch, CampaignDelivery

from ..factories import auth_headers, subscribe_devices
from ..services import wait_until

DEVICES = 400
BATCH = 40
CONCURRENCY = 8


def _batches_done(campaign_id: int) -> int:
    return CampaignBatch.query.filter_by(campaign_id=campaign_id, is_done=True).count()


def test_a_worker_killed_mid_batch_repeats_at_most_the_messages_in_flight(celery_setup, push_service, admin):
    app, celery = celery_setup(
        PUSH_BATCH_LEASE_SECONDS=2, PUSH_BATCH_SIZE=BATCH, PUSH_CONCURRENCY=CONCURRENCY
    )
    devices = [push_service.device(delay=0.05) for _ in range(DEVICES)]
    subscribe_devices(devices)
    first = celery.worker()
    headers = auth_headers(admin)

    with app.app_context():
        response = app.test_client().post(
            "/api/v1/push/campaigns",
            json={"title": "Uji pekerja", "body": "Celery", "target_kind": "all"},
            headers=headers,
        )
    assert response.status_code == 201
    campaign_id = response.get_json()["id"]

    # Killed in the middle of a batch: some of its devices have an outcome, others not yet.
    wait_until(
        lambda: CampaignDelivery.query.filter_by(campaign_id=campaign_id).count() >= BATCH * 2 + BATCH // 2,
        60,
        "the first worker delivered nothing",
    )
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    killed_at = utcnow()
    assert _batches_done(campaign_id) < DEVICES // BATCH, "the campaign finished before the kill"

    celery.worker()
    wait_until(
        lambda: db.session.get(Campaign, campaign_id).status == "done", 90, "the campaign never finished"
    )

    campaign = db.session.get(Campaign, campaign_id)
    assert (campaign.targeted, campaign.sent, campaign.failed, campaign.gone) == (DEVICES, DEVICES, 0, 0)
    assert CampaignDelivery.query.filter_by(campaign_id=campaign_id).count() == DEVICES
    assert push_service.errors == []
    assert [d.endpoint for d in devices if not d.received] == []
    duplicated = [d for d in devices if len(d.received) > 1]
    assert len(duplicated) <= CONCURRENCY
    assert all(len(d.received) == 2 for d in duplicated)
    assert campaign.duplicates_at_most >= len(duplicated)
    assert campaign.duplicates_at_most <= CONCURRENCY
    assert {m.topic for d in devices for m in d.received} == {f"campaign-{campaign_id}"}
    rerun = CampaignBatch.query.filter(
        CampaignBatch.campaign_id == campaign_id, CampaignBatch.attempts > 1
    ).all()
    assert len(rerun) == 1 and rerun[0].finished_at > killed_at
    assert sum(batch.sent for batch in CampaignBatch.query.filter_by(campaign_id=campaign_id)) == DEVICES
