"""The campaign fan-out on real Celery workers over Redis, including a worker killed mid-campaign.

Late acknowledgement makes the killed worker's batch run again on the next worker; the batch's
outcome is recorded once, so every device gets the alert and only that batch's devices may get
it twice (the campaign's Topic collapses such repeats at a real push service)."""

import os
import signal
import subprocess
import sys
import time
import uuid

import pytest
import redis

from backend.database import utcnow
from backend.extensions import db
from backend.push.models import Campaign, CampaignBatch, PushSubscription

from ..factories import auth_headers

REDIS_URL = "redis://127.0.0.1:6379/15"
DEVICES = 400
BATCH = 40


def _require_redis():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        pytest.fail("This test needs Redis on 127.0.0.1:6379 (.ci/run starts it).")


@pytest.fixture
def celery_setup(make_app, base_app, database_url, vapid_keys):
    _require_redis()
    queue = f"satupintu-test-{uuid.uuid4().hex[:8]}"
    settings = {
        "CELERY_BROKER_URL": REDIS_URL,
        "JOB_QUEUE": queue,
        "JOB_VISIBILITY_TIMEOUT": 4,
        "PUSH_BATCH_LEASE_SECONDS": 2,
        "PUSH_BATCH_SIZE": BATCH,
    }
    app = make_app(**settings)
    environment = (
        os.environ
        | {key: str(value) for key, value in settings.items()}
        | {
            "SATUPINTU_ENV": "development",
            "DATABASE_URL": database_url,
            "VAPID_PRIVATE_KEY": vapid_keys["VAPID_PRIVATE_KEY"],
            "VAPID_PUBLIC_KEY": vapid_keys["VAPID_PUBLIC_KEY"],
            "VAPID_SUBJECT": vapid_keys["VAPID_SUBJECT"],
        }
    )
    workers = []

    def start_worker():
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "backend.worker",
            "worker",
            "--pool=solo",
            "--loglevel=warning",
            "-Q",
            queue,
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ]
        worker = subprocess.Popen(command, env=environment, cwd=os.getcwd())
        workers.append(worker)
        return worker

    yield app, start_worker
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
            worker.wait(10)
    redis.Redis.from_url(REDIS_URL).delete(queue)


def _wait(predicate, seconds: float, message: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()  # a new transaction sees what the workers committed
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(message)


def _batches_done(campaign_id: int) -> int:
    return CampaignBatch.query.filter_by(campaign_id=campaign_id, is_done=True).count()


def test_a_campaign_survives_a_worker_killed_mid_batch(celery_setup, push_service, admin):
    app, start_worker = celery_setup
    devices = [push_service.device(delay=0.05) for _ in range(DEVICES)]
    db.session.add_all(
        PushSubscription(
            endpoint=d.endpoint, p256dh=d.subscription["keys"]["p256dh"], auth=d.subscription["keys"]["auth"]
        )
        for d in devices
    )
    db.session.commit()
    first = start_worker()
    headers = auth_headers(admin)

    with app.app_context():
        response = app.test_client().post(
            "/api/v1/push/campaigns",
            json={"title": "Uji pekerja", "body": "Celery", "target_kind": "all"},
            headers=headers,
        )
    assert response.status_code == 201
    campaign_id = response.get_json()["id"]

    _wait(lambda: _batches_done(campaign_id) >= 2, 60, "the first worker delivered nothing")
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    killed_at = utcnow()
    assert _batches_done(campaign_id) < DEVICES // BATCH, "the campaign finished before the kill"

    start_worker()
    _wait(lambda: db.session.get(Campaign, campaign_id).status == "done", 90, "the campaign never finished")

    campaign = db.session.get(Campaign, campaign_id)
    assert (campaign.targeted, campaign.sent, campaign.failed, campaign.gone) == (DEVICES, DEVICES, 0, 0)
    assert push_service.errors == []
    missing = [d.endpoint for d in devices if not d.received]
    assert missing == []
    rerun = CampaignBatch.query.filter(
        CampaignBatch.campaign_id == campaign_id, CampaignBatch.attempts > 1
    ).all()
    rerun_ids = {sid for batch in rerun for sid in range(batch.first_id, batch.last_id + 1)}
    ids = {s.endpoint: s.id for s in PushSubscription.query.all()}
    duplicated = [d for d in devices if len(d.received) > 1]
    assert all(ids[d.endpoint] in rerun_ids for d in duplicated), "a duplicate outside a re-run batch"
    assert all(batch.attempts == 2 for batch in rerun)
    assert all(batch.finished_at > killed_at for batch in rerun)
