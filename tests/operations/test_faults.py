"""Faults caused for real: the job broker stops, the database stops answering. Nothing answers
500, nothing is lost or done twice, and the load balancer is told."""

import sqlite3
import uuid
from contextlib import contextmanager

import psycopg

from backend.extensions import db
from backend.operations.models import KeptJob
from backend.push.models import Campaign
from backend.service_requests.models import ServiceRequest

from ..factories import auth_headers, error_shape, make_request, request_body, subscribe_devices
from ..services import wait_until


def test_work_done_while_the_broker_is_down_goes_out_once_it_is_back(
    celery_setup, redis_server, push_service, admin, staff, resident
):
    app, celery = celery_setup(broker=redis_server.url)
    devices = [push_service.device() for _ in range(2)]
    subscribe_devices(devices)
    phone = push_service.device()
    subscribe_devices([phone], resident.id)
    code = make_request(reporter=resident).code
    headers = auth_headers(admin) | {"Idempotency-Key": str(uuid.uuid4())}
    staff_headers = auth_headers(staff)
    body = {"title": "Banjir", "body": "Hindari Jl. Sudirman", "target_kind": "all"}
    client = app.test_client()
    redis_server.stop()

    with app.app_context():
        ready = client.get("/readyz")
        first = client.post("/api/v1/push/campaigns", json=body, headers=headers)
        again = client.post("/api/v1/push/campaigns", json=body, headers=headers)
        other = client.post("/api/v1/push/campaigns", json=body | {"title": "Lain"}, headers=headers)
        accepted = client.post(
            f"/api/v1/requests/{code}/transitions", json={"to": "accepted"}, headers=staff_headers
        )
    assert ready.status_code == 503 and ready.get_json()["checks"]["broker"]["ok"] is False
    assert ready.headers["Retry-After"]
    assert first.status_code == 201 and first.get_json()["status"] == "sending"
    assert again.status_code == 200 and again.get_json()["id"] == first.get_json()["id"]
    assert error_shape(other, 409)["errors"]["idempotency_key"]
    assert accepted.status_code == 200
    assert db.session.scalar(db.select(db.func.count()).select_from(Campaign)) == 1
    kept = {row.name.rsplit(".", 1)[1] for row in db.session.scalars(db.select(KeptJob))}
    assert kept == {"plan_campaign", "notify_followers"}

    redis_server.start()
    celery.worker()
    celery.beat()
    wait_until(lambda: db.session.get(Campaign, first.get_json()["id"]).status == "done", 60, "never sent")
    wait_until(lambda: len(phone.received) == 2, 30, "the reporter heard nothing")
    assert [len(d.received) for d in devices] == [1, 1]
    assert sorted(m.topic for m in phone.received) == sorted([code, f"campaign-{first.get_json()['id']}"])
    wait_until(lambda: db.session.scalar(db.select(db.func.count()).select_from(KeptJob)) == 0, 10, "kept")
    with app.app_context():
        ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.get_json()["checks"]["broker"] == {"ok": True}


@contextmanager
def database_held(database_url: str):
    """Another connection takes the requests table and keeps it, as a stuck migration or a long
    lock would."""
    if database_url.startswith("sqlite"):
        connection = sqlite3.connect(database_url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE service_requests SET description = description")
    else:
        connection = psycopg.connect(database_url.replace("postgresql+psycopg://", "postgresql://"))
        connection.execute("LOCK TABLE service_requests IN ACCESS EXCLUSIVE MODE")
    try:
        yield
    finally:
        connection.rollback() if not database_url.startswith("sqlite") else connection.execute("ROLLBACK")
        connection.close()


def test_a_database_that_stops_answering_gives_503_and_the_retry_files_once(make_app, app, database_url):
    slow = make_app(DATABASE_WAIT_MS=400)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    with slow.app_context():
        client = slow.test_client()
        with database_held(database_url):
            refused = client.post("/api/v1/requests", json=request_body(), headers=key)
        filed = client.post("/api/v1/requests", json=request_body(), headers=key)
        db.session.remove()

    assert error_shape(refused, 503)["message"]
    assert int(refused.headers["Retry-After"]) >= 5  # the rate limiter may name a later time
    assert filed.status_code == 201
    assert db.session.scalar(db.select(db.func.count()).select_from(ServiceRequest)) == 1


def test_healthz_and_readyz_answer_in_the_embedded_mode(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.get_json()
    assert body["checks"] == {"database": {"ok": True}}
    assert body["status"] == "degraded" and body["late_jobs"]  # no tick has run in this test
    assert all(job["runs"] == 0 and job["late"] for job in body["jobs"])
