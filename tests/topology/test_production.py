"""The production topology, run as a city would and broken on purpose: gunicorn with
SATUPINTU_ENV=production, PostgreSQL, Redis, two Celery workers and beat, photos on SeaweedFS (S3)
and a push service.

A resident registers and files with a photo, staff work the request, an admin schedules an alert
to 3,000 devices a few seconds ahead and an editor schedules an article; in the middle of the
fan-out one worker is killed (and started again) and Redis is restarted (losing its queue, as it
keeps nothing on disk). At the end every device has the alert once (or within the bound a killed
worker may repeat, which the campaign reports), the article is announced, the reporter heard of
each status change, the photo lives in the bucket (nothing on the app server's disk) and is served
from it throughout, and nothing the app served answered 5xx (but /readyz, whose 503 is its job).

It uses a PostgreSQL database of its own whichever database the rest of the suite runs on, so
.ci/run runs it once (marker `once`)."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from datetime import timedelta

import psycopg
import pyotp
import pytest
import requests

from backend.accounts import services as accounts
from backend.accounts import two_factor
from backend.database import utcnow
from backend.extensions import db
from backend.places.models import Opd
from backend.push.models import Campaign, CampaignDelivery
from backend.security import Role
from backend.storage import key_for

from ..factories import PRIVACY_VERSION, TOTP_SECRET, jpeg, subscribe_devices, valid_attributes
from ..services import CeleryProcesses, RedisServer, free_port, wait_until

pytestmark = pytest.mark.once

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
DEVICES = 3000
CONCURRENCY = 8
PASSWORD = "uji-topologi-2026"


@pytest.fixture
def database():
    name = f"satupintu_topology_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{POSTGRES}/{name}"
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Traffic:
    """Every answer the app gave during the run, to find any 5xx."""

    def __init__(self, base: str):
        self.base, self.session, self.answers = base, requests.Session(), []
        self.lock = threading.Lock()

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        response = self.session.request(method, self.base + path, timeout=30, **kwargs)
        with self.lock:
            self.answers.append((method, path, response.status_code))
        return response

    def server_errors(self) -> list:
        return [answer for answer in self.answers if answer[2] >= 500 and answer[1] != "/readyz"]


def _delivered(campaign_id: int) -> int:
    return CampaignDelivery.query.filter_by(campaign_id=campaign_id).count()


def test_the_production_topology_survives_a_killed_worker_and_a_redis_restart(
    database, make_app, vapid_keys, push_service, seaweedfs, tmp_path
):
    redis_server = RedisServer(tmp_path).start()
    bucket = seaweedfs.new_bucket()
    port = free_port()
    settings = (
        {
            "SATUPINTU_ENV": "production",
            "DATABASE_URL": database,
            "REDIS_URL": redis_server.url,
            "SECRET_KEY": uuid.uuid4().hex,
            "JWT_SECRET_KEY": uuid.uuid4().hex,
            "UPLOAD_DIR": str(tmp_path / "uploads"),
            "PWA_DIST_DIR": str(tmp_path),
            "BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
            "JOB_QUEUE": "satupintu",
            "JOB_TICK_SECONDS": "2",
            "JOB_VISIBILITY_TIMEOUT": "8",
            "PUSH_BATCH_LEASE_SECONDS": "8",
            "PUSH_BATCH_SIZE": "250",
            "PUSH_CONCURRENCY": str(CONCURRENCY),
        }
        | {key: value for key, value in vapid_keys.items()}
        | seaweedfs.settings(bucket)
    )
    environment = os.environ | settings
    flask = [sys.executable, "-m", "flask", "--app", "backend"]
    subprocess.run([*flask, "db", "upgrade"], env=environment, check=True, capture_output=True)
    subprocess.run([*flask, "seed"], env=environment, check=True, capture_output=True)

    # The production secret: the test makes the admin's second factor, which it encrypts with it.
    local = make_app(SQLALCHEMY_DATABASE_URI=database, SECRET_KEY=settings["SECRET_KEY"])
    celery = CeleryProcesses({"JOB_QUEUE": "satupintu"}, environment, tmp_path)
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
        env=environment,
        stdout=open(tmp_path / "gunicorn.log", "w"),
        stderr=subprocess.STDOUT,
    )
    try:
        with local.app_context():
            photo = _run_scenario(Traffic(f"http://127.0.0.1:{port}"), celery, redis_server, push_service)
            db.session.remove()
        stored = seaweedfs.keys(bucket)
        assert len(stored) == 2 and key_for(photo.rsplit("/", 1)[1]) in stored
        assert list((tmp_path / "uploads").rglob("*.jpg")) == []
    finally:
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(30)
        celery.stop()
        redis_server.stop()


def _run_scenario(traffic: Traffic, celery: CeleryProcesses, redis_server: RedisServer, push_service) -> str:
    """Returns the path of the reporter's photo."""
    wait_until(lambda: _answers(traffic, "/healthz"), 30, "gunicorn did not start")
    workers = [celery.worker(), celery.worker()]
    celery.beat()
    admin = accounts.create_user(
        {"name": "Admin Uji", "email": "admin@uji.id", "role": Role.ADMIN, "password": PASSWORD}
    )
    two_factor.enable(admin, TOTP_SECRET)
    staff = accounts.create_user(
        {
            "name": "Staf Uji",
            "email": "staf@uji.id",
            "role": Role.OPD_STAFF,
            "password": PASSWORD,
            "opd": db.session.scalar(db.select(Opd).where(Opd.code == "DPU")),
        }
    )
    tokens = {user.email: _login(traffic, user.email) for user in (admin, staff)}
    attributes = valid_attributes("jalan-berlubang")

    # A resident registers (the code goes by mail, which production here has not got: the account is
    # made as the code would make it), files with a photo and has a device; the city has 3,000 more.
    body = {"name": "Budi", "email": "budi@uji.id", "password": PASSWORD, "privacy_version": PRIVACY_VERSION}
    registered = traffic.call("POST", "/api/v1/auth/register", json=body)
    assert registered.status_code == 202, registered.text
    accounts.create_user({"name": "Budi", "email": "budi@uji.id", "password": PASSWORD})
    resident_token = _login(traffic, "budi@uji.id")
    form = {
        "service_code": "jalan-berlubang",
        "description": "Lubang besar di depan sekolah",
        "lat": "-1.25",
        "long": "116.85",
        "attributes": json.dumps(attributes),
    }
    filed = traffic.call(
        "POST",
        "/api/v1/requests",
        data=form,
        files=[("photos", ("foto.jpg", jpeg(), "image/jpeg"))],
        headers={"Authorization": f"Bearer {resident_token}", "Idempotency-Key": str(uuid.uuid4())},
    )
    assert filed.status_code == 201, filed.text
    code = filed.json()["code"]
    [photo] = filed.json()["photos"]
    served = traffic.call("GET", photo["url"])
    assert served.status_code == 200 and served.content[:2] == b"\xff\xd8"
    assert (
        traffic.call("GET", photo["url"], headers={"If-None-Match": served.headers["ETag"]}).status_code
        == 304
    )
    phone, devices = push_service.device(), [push_service.device(delay=0.05) for _ in range(DEVICES)]
    resident_id = db.session.scalar(db.text("SELECT id FROM users WHERE email = 'budi@uji.id'"))
    subscribe_devices([phone], resident_id)
    subscribe_devices(devices)

    # Staff work it; an alert and an article are scheduled a few seconds ahead.
    staff_headers = {"Authorization": f"Bearer {tokens['staf@uji.id']}"}
    for status in ("accepted", "in_progress"):
        moved = traffic.call(
            "POST", f"/api/v1/requests/{code}/transitions", json={"to": status}, headers=staff_headers
        )
        assert moved.status_code == 200, moved.text
    soon = (utcnow() + timedelta(seconds=4)).isoformat()
    admin_headers = {
        "Authorization": f"Bearer {tokens['admin@uji.id']}",
        "Idempotency-Key": str(uuid.uuid4()),
    }
    alert = {"title": "Banjir", "body": "Hindari Jl. Sudirman", "target_kind": "all", "scheduled_at": soon}
    campaign = traffic.call("POST", "/api/v1/push/campaigns", json=alert, headers=admin_headers).json()
    article = traffic.call(
        "POST",
        "/api/v1/news",
        json={"title": "Kerja bakti", "summary": "Minggu pagi.", "category": "berita", "body": "Ayo."},
        headers=staff_headers,
    ).json()
    scheduled = traffic.call(
        "POST", f"/api/v1/news/{article['slug']}/publish", json={"published_at": soon}, headers=staff_headers
    )
    assert campaign["status"] == "scheduled" and scheduled.json()["status"] == "scheduled"

    # Mid fan-out: kill a worker and start another; then restart Redis while residents read.
    wait_until(lambda: _delivered(campaign["id"]) >= 400, 90, "the fan-out did not start")
    workers[0].send_signal(signal.SIGKILL)
    workers[0].wait(10)
    celery.worker()
    wait_until(lambda: _delivered(campaign["id"]) >= 1200, 90, "the fan-out stopped after the kill")
    redis_server.stop()
    for _ in range(5):
        for path in ("/api/v1/news", "/api/v1/services", f"/api/v1/requests/{code}", photo["url"], "/readyz"):
            traffic.call("GET", path)
        _login(traffic, "budi@uji.id")
        time.sleep(0.3)
    redis_server.start()
    resolved = traffic.call(
        "POST",
        f"/api/v1/requests/{code}/transitions",
        json={"to": "resolved", "note": "Lubang sudah ditambal."},
        headers=staff_headers,
    )
    assert resolved.status_code == 200, resolved.text

    # Everything arrives, once (or within the bound the campaign reports), and nothing failed.
    done = wait_until(
        lambda: (row := db.session.get(Campaign, campaign["id"])) and row.status == "done" and row,
        180,
        "stuck",
    )
    article_id = db.session.scalar(db.text(f"SELECT id FROM articles WHERE slug = '{article['slug']}'"))
    announced = wait_until(
        lambda: db.session.scalar(
            db.select(Campaign).where(Campaign.article_id == article_id, Campaign.status == "done")
        ),
        120,
        "the scheduled article was never announced",
    )
    alerts = [sum(1 for m in d.received if m.topic == f"campaign-{campaign['id']}") for d in devices]
    repeated = sum(count - 1 for count in alerts if count > 1)
    print(
        f"\ntopology: {DEVICES} devices, missing {alerts.count(0)}, repeated {repeated}, "
        f"campaign says sent {done.sent}, duplicates_at_most {done.duplicates_at_most}; "
        f"article announcement sent {announced.sent}; {len(traffic.answers)} answers"
    )
    assert alerts.count(0) == 0
    assert repeated <= done.duplicates_at_most <= 2 * CONCURRENCY  # at most one kill's messages in flight
    assert (done.targeted, done.sent, done.failed) == (DEVICES + 1, DEVICES + 1, 0)
    assert push_service.errors == []
    wait_until(lambda: len(phone.received) >= 5, 60, "the reporter did not hear every change")
    assert sorted(m.topic for m in phone.received if m.topic == code) == [code] * 3
    assert traffic.server_errors() == []
    assert all(worker.poll() is None for worker in celery.processes if worker is not workers[0])
    return photo["url"]


def _answers(traffic: Traffic, path: str) -> bool:
    try:
        return traffic.call("GET", path).status_code == 200
    except requests.ConnectionError:
        return False


def _login(traffic: Traffic, email: str) -> str:
    """The password, then (admins) the code of the authenticator app."""
    answer = traffic.call("POST", "/api/v1/auth/login", json={"login": email, "password": PASSWORD})
    assert answer.status_code == 200, answer.text
    if "second_factor" in answer.json():
        code = pyotp.TOTP(TOTP_SECRET).now()
        second = {"token": answer.json()["second_factor"]["token"], "code": code}
        answer = traffic.call("POST", "/api/v1/auth/second-factor", json=second)
        assert answer.status_code == 200, answer.text
    return answer.json()["access_token"]
