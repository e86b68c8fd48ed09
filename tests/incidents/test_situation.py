"""The situation report operators print: the incident's detail plus its linked reports per hour,
the area alerts sent with their delivery and the public updates; operators and admins only."""

from datetime import UTC, datetime, timedelta

import pytest

from ..factories import auth_headers, error_shape, subscribe_devices
from ..push.helpers import wait_for_jobs
from .helpers import GUNUNG_SAMARINDA, INCIDENTS, file_at

START = datetime(2026, 3, 2, 9, 10, tzinfo=UTC)


@pytest.fixture
def incident_id(app, client, operator, clock, push_service):
    """Two flood reports at 09:10 and 09:40, an incident opened by hand at 10:05 with them linked,
    one more report at 12:30 linked by hand; then an area alert (to one device) and a status update."""
    headers = auth_headers(operator)
    subscribe_devices([push_service.device()], kelurahan=GUNUNG_SAMARINDA)
    early = [file_at(clock, START), file_at(clock, START + timedelta(minutes=30))]
    clock.set(START + timedelta(minutes=55))
    opened = client.post(
        INCIDENTS,
        json={"group": "infrastruktur", "kelurahan": [GUNUNG_SAMARINDA], "description": "Telepon: banjir"},
        headers=headers,
    ).get_json()["id"]
    later = file_at(clock, START + timedelta(hours=3, minutes=20))
    codes = [request.code for request in [*early, later]]
    client.post(f"{INCIDENTS}/{opened}/requests", json={"requests": codes}, headers=headers)
    assert client.post(f"{INCIDENTS}/{opened}/alert", json={}, headers=headers).status_code == 201
    wait_for_jobs(app)
    client.post(
        f"{INCIDENTS}/{opened}/updates",
        json={"title": "Banjir surut sore ini", "summary": "Pompa BPBD bekerja."},
        headers=headers,
    )
    clock.set(START + timedelta(hours=4, minutes=1))
    return opened


def test_the_report_counts_linked_reports_per_hour_from_the_first_to_now(client, operator, incident_id):
    report = client.get(f"{INCIDENTS}/{incident_id}/situation", headers=auth_headers(operator)).get_json()
    hourly = [(row["hour"][11:16], row["count"]) for row in report["hourly"]]
    assert hourly == [("09:00", 2), ("10:00", 0), ("11:00", 0), ("12:00", 1), ("13:00", 0)]
    assert report["report_count"] == 3 and len(report["open_requests"]) == 3
    assert [event["kind"] for event in report["timeline"]][-2:] == ["alert", "update"]


def test_the_report_holds_the_alert_sent_and_the_update_published(client, operator, incident_id):
    report = client.get(f"{INCIDENTS}/{incident_id}/situation", headers=auth_headers(operator)).get_json()
    [alert] = report["alerts"]
    assert alert["title"] == "Penanganan infrastruktur di Gunung Samarinda" and alert["body_en"]
    assert (alert["status"], alert["targeted"], alert["sent"], alert["failed"]) == ("done", 1, 1, 0)
    [update] = report["updates"]
    assert update["title"] == "Banjir surut sore ini" and update["expires_at"]


def test_a_closed_incident_counts_up_to_its_close_and_has_no_open_request_left(
    app, client, operator, clock, incident_id
):
    headers = auth_headers(operator)
    client.post(f"{INCIDENTS}/{incident_id}/close", json={"message": "Air surut."}, headers=headers)
    wait_for_jobs(app)
    clock.set(START + timedelta(days=2))
    report = client.get(f"{INCIDENTS}/{incident_id}/situation", headers=headers).get_json()
    assert report["state"] == "resolved" and report["open_requests"] == []
    assert report["hourly"][-1]["hour"][11:16] == "13:00"


def test_a_long_incident_keeps_the_last_week_of_hours(client, operator, clock, incident_id):
    clock.set(START + timedelta(days=30))
    hourly = client.get(f"{INCIDENTS}/{incident_id}/situation", headers=auth_headers(operator)).get_json()[
        "hourly"
    ]
    assert len(hourly) == 7 * 24 and sum(row["count"] for row in hourly) == 0


@pytest.mark.parametrize("role", ["resident", "opd_staff"])
def test_only_operators_and_admins_read_the_report(client, users, incident_id, role):
    error_shape(client.get(f"{INCIDENTS}/{incident_id}/situation", headers=auth_headers(users[role])), 403)


def test_an_unknown_incident_has_no_report(client, admin):
    error_shape(client.get(f"{INCIDENTS}/999999/situation", headers=auth_headers(admin)), 404)
