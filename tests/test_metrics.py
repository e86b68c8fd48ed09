"""/metrics (backend/metrics.py): Prometheus's text format, read by prometheus_client's own parser,
for the allowed addresses only; figures that move with what the app does. Counters live for the
whole test session (and are shared by every app in it), so tests compare a scrape before and after."""

import os
import signal
import subprocess
import sys
import threading

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from backend.extensions import db
from backend.jobs import job, periodic_names, tick
from backend.operations.services import keep_job
from backend.push.models import Campaign

from .factories import auth_headers, error_shape, subscribe_devices
from .push.helpers import CAMPAIGNS, subscribe, wait_for_jobs
from .services import Gunicorn, free_port, wait_until

PLAN_CAMPAIGN = "backend.push.campaigns.plan_campaign"

FAMILIES = {
    "satupintu_http_requests": "counter",
    "satupintu_http_request_duration_seconds": "histogram",
    "satupintu_push_messages": "counter",
    "satupintu_public_cache_lookups": "counter",
    "satupintu_jobs": "counter",
    "satupintu_job_queue_depth": "gauge",
    "satupintu_job_queue_oldest_age_seconds": "gauge",
    "satupintu_periodic_job_last_success_timestamp_seconds": "gauge",
    "satupintu_periodic_job_late": "gauge",
}


def parse(text: str) -> dict:
    """Every sample, keyed by its name and labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def scrape(client) -> dict:
    response = client.get("/metrics")
    assert response.status_code == 200, response.get_data(as_text=True)
    return parse(response.get_data(as_text=True))


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_are_in_prometheus_text_format(client):
    client.get("/api/v1/kecamatan")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain; version=")
    assert response.headers["Cache-Control"] == "no-store"
    families = {
        family.name: family.type
        for family in text_string_to_metric_families(response.get_data(as_text=True))
        if family.name.startswith("satupintu_")
    }
    assert families == FAMILIES


def test_requests_are_counted_and_timed_by_endpoint(client):
    before = scrape(client)
    for _ in range(3):
        assert client.get("/api/v1/kecamatan").status_code == 200
    assert client.get("/api/v1/requests/BPN-0000-000000").status_code == 404
    after = scrape(client)

    def moved(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    ok = {"endpoint": "/api/v1/kecamatan", "method": "GET"}
    assert moved("satupintu_http_requests_total", status="200", **ok) == 3
    assert moved("satupintu_http_request_duration_seconds_count", **ok) == 3
    assert moved("satupintu_http_request_duration_seconds_bucket", le="+Inf", **ok) == 3
    assert moved("satupintu_http_request_duration_seconds_sum", **ok) > 0
    missing = {"endpoint": "/api/v1/requests/<code>", "method": "GET", "status": "404"}
    assert moved("satupintu_http_requests_total", **missing) == 1
    # The first scrape is counted by the time of the second.
    scraped = {"endpoint": "/metrics", "method": "GET", "status": "200"}
    assert moved("satupintu_http_requests_total", **scraped) == 1


def test_shared_cache_hits_and_misses_are_counted(client, resident):
    before = scrape(client)
    client.get("/api/v1/services")
    client.get("/api/v1/services")
    client.get("/api/v1/services", headers=auth_headers(resident))  # logged in: not a shared read
    after = scrape(client)
    for result, count in (("miss", 1), ("hit", 1)):
        name = "satupintu_public_cache_lookups_total"
        assert value(after, name, result=result) - value(before, name, result=result) == count


def test_push_outcomes_are_counted(app, client, admin, push_service):
    for answers in ((), (), ((410, None),), ((400, None),)):
        subscribe(client, push_service.device(*answers))
    before = scrape(client)
    response = client.post(
        CAMPAIGNS, json={"title": "Uji", "body": "Metrik", "target_kind": "all"}, headers=auth_headers(admin)
    )
    assert response.status_code == 201
    wait_for_jobs(app)
    after = scrape(client)
    moved = {
        result: value(after, "satupintu_push_messages_total", result=result)
        - value(before, "satupintu_push_messages_total", result=result)
        for result in ("sent", "gone", "failed")
    }
    assert moved == {"sent": 2, "gone": 1, "failed": 1}
    done = {"job": PLAN_CAMPAIGN, "outcome": "done"}
    assert value(after, "satupintu_jobs_total", **done) - value(before, "satupintu_jobs_total", **done) == 1


def test_each_periodic_jobs_last_success_is_shown(app, client, clock):
    samples = scrape(client)
    for name in periodic_names():
        assert value(samples, "satupintu_periodic_job_last_success_timestamp_seconds", job=name) == 0
        assert value(samples, "satupintu_periodic_job_late", job=name) == 1
    tick()
    samples = scrape(client)
    for name in periodic_names():
        shown = value(samples, "satupintu_periodic_job_last_success_timestamp_seconds", job=name)
        assert shown == pytest.approx(clock.now.timestamp(), abs=0.001)
        assert value(samples, "satupintu_periodic_job_late", job=name) == 0


held = threading.Event()


@job
def hold_a_thread() -> None:
    held.wait(30)


def test_the_embedded_runners_waiting_jobs_and_their_age_are_shown(app, make_app, clock):
    one_thread = make_app(JOB_THREADS=1)
    runner = one_thread.extensions["jobs"]
    held.clear()
    try:
        with one_thread.app_context():
            hold_a_thread.enqueue()
            hold_a_thread.enqueue()
            wait_until(lambda: runner.waiting_jobs()[0] == 1, 10, "the first job never started")
            clock.advance(42)
            samples = scrape(one_thread.test_client())
    finally:
        held.set()
    assert runner.wait_idle(10)
    assert value(samples, "satupintu_job_queue_depth", queue="embedded") == 1
    assert value(samples, "satupintu_job_queue_oldest_age_seconds", queue="embedded") == 42


def test_jobs_kept_while_the_broker_was_away_are_shown(app, client, clock):
    assert value(scrape(client), "satupintu_job_queue_depth", queue="kept") == 0
    keep_job("backend.push.campaigns.plan_campaign", [1])
    clock.advance(90)
    keep_job("backend.push.campaigns.plan_campaign", [2])
    samples = scrape(client)
    assert value(samples, "satupintu_job_queue_depth", queue="kept") == 2
    assert value(samples, "satupintu_job_queue_oldest_age_seconds", queue="kept") == 90


def test_the_brokers_queue_and_its_oldest_job_are_shown(celery_setup, admin, push_service, clock):
    queued, _ = celery_setup()  # no worker: what the request queues stays in Redis
    subscribe_devices([push_service.device()])
    headers = auth_headers(admin)
    with queued.app_context():
        client = queued.test_client()
        body = {"title": "Uji", "body": "Antre", "target_kind": "all"}
        response = client.post(CAMPAIGNS, json=body, headers=headers)
        assert response.status_code == 201, response.get_data(as_text=True)
        clock.advance(15)
        samples = scrape(client)
    queue = queued.config["JOB_QUEUE"]
    assert value(samples, "satupintu_job_queue_depth", queue=queue) == 1
    assert value(samples, "satupintu_job_queue_oldest_age_seconds", queue=queue) == pytest.approx(
        15, abs=0.01
    )


def test_a_celery_worker_serves_the_figures_of_the_jobs_it_ran(celery_setup, admin, push_service, tmp_path):
    port, folder = free_port(), tmp_path / "worker-metrics"
    folder.mkdir()
    app, celery = celery_setup(WORKER_METRICS_PORT=port, PROMETHEUS_MULTIPROC_DIR=str(folder))
    subscribe_devices([push_service.device()])
    headers = auth_headers(admin)
    with app.app_context():
        body = {"title": "Uji", "body": "Pekerja", "target_kind": "all"}
        campaign = app.test_client().post(CAMPAIGNS, json=body, headers=headers).get_json()
        celery.worker()
        wait_until(lambda: db.session.get(Campaign, campaign["id"]).status == "done", 90, "never sent")

    def worker_scrape():
        try:
            return requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10)
        except requests.ConnectionError:
            return None

    response = wait_until(worker_scrape, 60, f"the worker serves no metrics:\n{celery.logs()}")
    samples = parse(response.text)
    assert value(samples, "satupintu_jobs_total", job=PLAN_CAMPAIGN, outcome="done") == 1
    assert value(samples, "satupintu_push_messages_total", result="sent") == 1
    assert requests.get(f"http://127.0.0.1:{port}/", timeout=10).status_code == 404


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
def test_the_local_machine_may_read_metrics_by_default(client, address):
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": address}).status_code == 200


@pytest.mark.parametrize("address", ["10.20.30.40", "192.168.1.5", "2001:db8::1"])
def test_other_addresses_are_answered_not_found_by_default(client, address):
    response = client.get("/metrics", environ_base={"REMOTE_ADDR": address})
    error_shape(response, 404)
    assert "satupintu_" not in response.get_data(as_text=True)


def test_a_request_forwarded_by_an_untrusted_proxy_is_refused(app, make_app, client):
    """A proxy on the machine itself forwards the world from 127.0.0.1: unless PROXY_COUNT says to
    trust it (and so to read the sender from X-Forwarded-For), the sender is unknown."""
    forwarded = {"X-Forwarded-For": "203.0.113.9"}
    error_shape(client.get("/metrics", headers=forwarded, environ_base={"REMOTE_ADDR": "127.0.0.1"}), 404)
    behind_proxy = make_app(PROXY_COUNT=1).test_client()
    outsider = behind_proxy.get("/metrics", headers=forwarded, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    assert outsider.status_code == 404
    local = behind_proxy.get("/metrics", headers={"X-Forwarded-For": "127.0.0.1"})
    assert local.status_code == 200


@pytest.mark.parametrize(
    ("address", "code"), [("10.20.30.40", 200), ("10.99.0.1", 404), ("127.0.0.1", 404), ("192.168.7.7", 200)]
)
def test_configured_addresses_and_ranges_may_read_metrics(app, make_app, address, code):
    monitored = make_app(METRICS_ALLOWED_ADDRESSES=["10.20.0.0/16", "192.168.7.7"])
    response = monitored.test_client().get("/metrics", environ_base={"REMOTE_ADDR": address})
    assert response.status_code == code


def test_gunicorn_workers_figures_add_up_in_the_multiprocess_folder(app, database_url, vapid_keys, tmp_path):
    """Requests answered by workers that were killed since still count: every worker's figures are
    in PROMETHEUS_MULTIPROC_DIR, and whichever worker answers /metrics adds them all up. What dead
    processes left there before gunicorn started is cleared."""
    folder = tmp_path / "prometheus"
    folder.mkdir()
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    leftover = folder / f"counter_{finished.pid}.db"  # a previous start's, not a valid file at all
    leftover.write_bytes(b"not a metrics file")
    server = Gunicorn(
        database_url, vapid_keys, tmp_path, WEB_CONCURRENCY="2", PROMETHEUS_MULTIPROC_DIR=str(folder)
    ).start()
    try:
        base = f"http://127.0.0.1:{server.port}"
        for _ in range(20):
            assert requests.get(f"{base}/healthz", timeout=60).status_code == 200
        first_workers = server.workers()
        assert len(first_workers) == 2
        for pid in first_workers:
            os.kill(pid, signal.SIGKILL)
        wait_until(
            lambda: len(set(server.workers()) - set(first_workers)) == 2,
            30,
            "gunicorn started no new workers",
        )
        # A worker answers once it has loaded the app: seconds on a busy machine.
        samples = parse(requests.get(f"{base}/metrics", timeout=60).text)
    finally:
        server.stop()
    healthz = {"endpoint": "/healthz", "method": "GET", "status": "200"}
    assert value(samples, "satupintu_http_requests_total", **healthz) == 20
    assert {path.name.split("_")[0] for path in folder.iterdir()} >= {"counter", "histogram"}
    assert not leftover.exists()
