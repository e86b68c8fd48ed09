"""Schemathesis against /api/v1/openapi.json on a real server: every operation, as a resident and as
an admin, with a fixed seed and a time budget; any 5xx, or an answer the document does not describe,
fails the test with Schemathesis' report."""

import json
import subprocess
import sys
import threading
from io import BytesIO

import pytest
from werkzeug.serving import make_server

from backend.security import Role

from ..factories import (
    add_comment,
    add_unsendable_device,
    auth_headers,
    jpeg,
    make_request,
    make_user,
    post_request,
)
from .server_errors import ServerErrors

# "No 5xx, and every answer is one the document describes": its status, content type, body and
# headers. Left out of `--checks all`: positive_data_acceptance and negative_data_rejection (the
# document cannot say that a password is wrong or a phone number not Indonesian), Allow-header and
# method checks of OPTIONS answers, and the auth and resource-lifecycle heuristics, which judge the
# API's design rather than whether it keeps to its description.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
)
# Seconds of fuzzing per role; Schemathesis shares them out so that every operation gets its turn in
# every phase. Two roles and the setup keep the test under about three minutes on two cores.
BUDGET_SECONDS = 70
SEED = 1234
NEWS = "/api/v1/news"


@pytest.fixture
def served(app, make_app):
    """The app on a real server in a thread, with every rate limit raised for the run. (Limits are
    raised, not disabled: RATELIMIT_ENABLED sits on the one Limiter every app of the session shares.)"""
    raised = {
        key: "100000 per minute"
        for key, value in app.config.items()
        if key.startswith("RATELIMIT_") and isinstance(value, str) and " per " in value
    }
    fuzzed = make_app(**raised)
    server = make_server("127.0.0.1", 0, fuzzed, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    with ServerErrors(fuzzed) as errors:
        yield fuzzed, f"http://127.0.0.1:{server.server_port}", errors
    server.shutdown()
    thread.join()
    fuzzed.extensions["jobs"].wait_idle()


def answer(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def seed_content(client, resident, admin) -> dict[str, list]:
    """Something behind each kind of path parameter, so that operations reach past their 404."""
    headers = auth_headers(admin)
    filed = answer(post_request(client, resident, photos=[jpeg()]), 201)
    resolved = make_request(reporter=resident, status="resolved")
    comment = add_comment(resolved, resident)
    upload = {"image": (BytesIO(jpeg()), "sampul.jpg")}
    image = answer(client.post(f"{NEWS}/images", data=upload, headers=headers), 201)
    article = {
        "title": "Air mati",
        "summary": "Sabtu.",
        "category": "pengumuman",
        "body": "Pagi.",
        "opd": "DLH",
    }
    draft = answer(client.post(NEWS, json=article, headers=headers), 201)
    published = answer(client.post(NEWS, json=article, headers=headers), 201)
    answer(client.post(f"{NEWS}/{published['slug']}/publish", json={}, headers=headers), 200)
    scheduled = {
        "title": "Uji",
        "body": "Sirene.",
        "url": "/",
        "target_kind": "all",
        "scheduled_at": "2099-01-01T08:00:00Z",
    }
    add_unsendable_device("fuzz")  # a campaign that reaches nobody is refused
    campaign = answer(client.post("/api/v1/push/campaigns", json=scheduled, headers=headers), 201)
    key = answer(client.post("/api/v1/admin/open311-keys", json={"name": "Uji"}, headers=headers), 201)
    return {
        "code": [filed["code"], resolved.code, "DPU", "jalan-berlubang"],
        "attribute_code": ["ukuran_lubang"],
        "name": [filed["photos"][0]["url"].split("?")[0].rsplit("/", 1)[1], image["url"].rsplit("/", 1)[1]],
        "slug": [draft["slug"], published["slug"]],
        "event_id": [comment.id],
        "user_id": [resident.id],
        "campaign_id": [campaign["id"]],
        "key_id": [key["id"]],
    }


def write_config(path, values: dict[str, list]):
    """Path parameters take a known value most of the time, anything the schema allows otherwise."""
    lines = ["[parameters]"]
    lines += [f'"path.{name}" = {{ dictionary = "{name}", probability = 0.8 }}' for name in values]
    for name, entries in values.items():
        lines += [f"[dictionaries.{name}]", f"values = {json.dumps(entries)}"]
    path.write_text("\n".join(lines) + "\n")
    return path


def run_schemathesis(base_url: str, token: str, config, workdir) -> subprocess.CompletedProcess:
    """One bounded run, with its printed report."""
    command = [
        *(sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run"),
        f"{base_url}/api/v1/openapi.json",
        *("--header", f"Authorization: Bearer {token}"),
        *("--checks", ",".join(CHECKS)),
        *("--max-time", str(BUDGET_SECONDS), "--seed", str(SEED), "--generation-database", "none"),
        *("--output-sanitize", "false", "--no-color"),
    ]
    # Run in a scratch folder: Schemathesis keeps its state files in the current one.
    result = subprocess.run(
        command, cwd=workdir, capture_output=True, text=True, timeout=BUDGET_SECONDS + 120, check=False
    )
    return result


@pytest.mark.once
def test_every_operation_answers_as_documented_for_a_resident_and_an_admin(app, served, tmp_path):
    fuzzed, base_url, server_errors = served
    client = fuzzed.test_client()
    resident = make_user(role=Role.RESIDENT)
    admin = make_user(role=Role.ADMIN)
    config = write_config(tmp_path / "schemathesis.toml", seed_content(client, resident, admin))
    # Every operation runs under the role's own login, the session-ending ones included: DELETE /me and
    # POST /me/password need the password, which the run never learns, and logout and refresh act on
    # a refresh cookie, which a Bearer login does not have. The check after each run makes sure the
    # login (and the role) lasted to the end, so no operation was left fuzzing a dead session. The
    # resident goes first: the admin's PATCH /admin/users may change the resident's account.
    failed = []
    for user in (resident, admin):
        server_errors.clear()
        token = auth_headers(user)["Authorization"].removeprefix("Bearer ")
        result = run_schemathesis(base_url, token, config, tmp_path)
        report = result.stdout + result.stderr + server_errors.describe()
        if result.returncode != 0:
            failed.append(f"Schemathesis as {user.role}:\n{report}")
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200 and me.get_json()["role"] == user.role, report
    assert not failed, "\n".join(failed)
