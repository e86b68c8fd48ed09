"""JSON logs with request ids (backend/logs.py): each request has an id (the caller's X-Request-ID, or
a new one), echoed in the answer, on its log lines, and on the log lines of the jobs it queued, run
by the embedded runner or by a real Celery worker on Redis."""

import json
import re

import pytest
import requests

from backend import logs
from backend.jobs import job

from .factories import auth_headers, subscribe_devices
from .push.helpers import CAMPAIGNS, subscribe, wait_for_jobs
from .services import Gunicorn, wait_until

CAMPAIGN = {"title": "Uji log", "body": "Nomor permintaan", "target_kind": "all"}
PLAN_CAMPAIGN = "backend.push.campaigns.plan_campaign"


def log_lines(text: str) -> list[dict]:
    """The JSON log lines in some output (gunicorn's and Celery's own lines are plain text)."""
    lines = []
    for line in text.splitlines():
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


def access_line(lines: list[dict], path: str) -> dict:
    [line] = [line for line in lines if line["logger"] == "satupintu.access" and line["path"] == path]
    return line


def test_a_request_id_sent_is_echoed_and_logged(client, capsys):
    response = client.get("/api/v1/kecamatan", headers={"X-Request-ID": "lb-7f3a-0001"})
    assert response.headers["X-Request-ID"] == "lb-7f3a-0001"
    line = access_line(log_lines(capsys.readouterr().out), "/api/v1/kecamatan")
    assert line["request_id"] == "lb-7f3a-0001"
    assert (line["level"], line["method"], line["status"]) == ("INFO", "GET", 200)
    assert line["duration_ms"] >= 0 and line["time"].endswith("+00:00")


def test_a_tracking_token_in_the_path_is_not_logged(client, capsys):
    client.get("/open311/v2/tokens/rahasia-pelapor-123.json")

    out = capsys.readouterr().out
    assert "rahasia-pelapor-123" not in out
    assert access_line(log_lines(out), "/open311/v2/tokens/***.json")["status"] == 404


@pytest.mark.parametrize(
    "sent",
    [None, "", "dua kata", 'kutip"', "baris\\nbaru", "x" * 129],
    ids=["none", "empty", "space", "quote", "newline", "long"],
)
def test_a_request_without_a_sane_id_gets_a_new_one(client, capsys, sent):
    headers = {} if sent is None else {"X-Request-ID": sent}
    response = client.get("/api/v1/kecamatan", headers=headers)
    made = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert access_line(log_lines(capsys.readouterr().out), "/api/v1/kecamatan")["request_id"] == made


def test_each_request_gets_its_own_id(client):
    ids = {client.get("/healthz").headers["X-Request-ID"] for _ in range(5)}
    assert len(ids) == 5


def test_an_error_answer_carries_the_request_id_too(client, capsys):
    response = client.get("/api/v1/tidak-ada", headers={"X-Request-ID": "err-1"})
    assert response.status_code == 404 and response.headers["X-Request-ID"] == "err-1"
    assert access_line(log_lines(capsys.readouterr().out), "/api/v1/tidak-ada")["status"] == 404


def test_jobs_a_request_queued_log_its_request_id(app, client, admin, push_service, capsys):
    subscribe(client, push_service.device())
    response = client.post(
        CAMPAIGNS, json=CAMPAIGN, headers=auth_headers(admin) | {"X-Request-ID": "kampanye-42"}
    )
    assert response.status_code == 201
    wait_for_jobs(app)
    jobs = {line["job"]: line for line in log_lines(capsys.readouterr().out) if line.get("job")}
    # The campaign's plan, and the batch the plan queued in its turn, both carry the request's id.
    assert {PLAN_CAMPAIGN, "backend.push.campaigns.send_batch"} <= set(jobs)
    assert {line["request_id"] for line in jobs.values()} == {"kampanye-42"}
    assert jobs[PLAN_CAMPAIGN]["message"] == f"Job {PLAN_CAMPAIGN} done"


@job
def fail_on_purpose() -> None:
    raise RuntimeError("sengaja gagal")


def test_a_failing_job_logs_its_error_with_the_request_id(app, capsys):
    token = logs.request_id.set("gagal-1")  # as a request's start sets it
    try:
        fail_on_purpose.enqueue()
    finally:
        logs.request_id.reset(token)
    wait_for_jobs(app)
    [line] = [line for line in log_lines(capsys.readouterr().out) if line["level"] == "ERROR"]
    assert (line["request_id"], line["job"]) == ("gagal-1", "tests.test_logs.fail_on_purpose")
    assert "RuntimeError: sengaja gagal" in line["exception"]


def test_a_celery_job_logs_the_request_id_of_the_request_that_queued_it(celery_setup, admin, push_service):
    app, celery = celery_setup()
    subscribe_devices([push_service.device()])
    headers = auth_headers(admin) | {"X-Request-ID": "celery-req-77"}
    with app.app_context():
        response = app.test_client().post(CAMPAIGNS, json=CAMPAIGN, headers=headers)
        assert response.status_code == 201, response.get_data(as_text=True)
        celery.worker()

        def plan_logged():
            return [line for line in log_lines(celery.logs()) if line.get("job") == PLAN_CAMPAIGN]

        [line] = wait_until(plan_logged, 60, f"the worker logged no job:\n{celery.logs()}")
    assert line["request_id"] == "celery-req-77"
    assert line["message"] == f"Job {PLAN_CAMPAIGN} done" and line["duration_ms"] >= 0


def test_gunicorn_logs_each_request_as_json_on_stdout(app, database_url, vapid_keys, tmp_path):
    server = Gunicorn(database_url, vapid_keys, tmp_path).start()
    try:
        response = requests.get(
            f"http://127.0.0.1:{server.port}/healthz", headers={"X-Request-ID": "gu-1"}, timeout=60
        )
    finally:
        server.stop()
    assert response.headers["X-Request-ID"] == "gu-1"
    line = access_line(log_lines(server.log_path.read_text()), "/healthz")
    assert (line["request_id"], line["status"], line["remote_addr"]) == ("gu-1", 200, "127.0.0.1")
