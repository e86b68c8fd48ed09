"""What the operator's incident page reads besides the incident: its linked requests a page at a
time, the open requests of its kind and area it may still link, and the delivery of its area alert
(operators and admins only). Residents and OPD staff change nothing."""

from datetime import timedelta

import pytest

from backend.extensions import db

from ..factories import auth_headers, error_shape, make_request, make_user, subscribe_devices
from ..push.helpers import wait_for_jobs
from .helpers import FLOOD, GUNUNG_SAMARINDA, INCIDENTS, MANGGAR, file_at


def read_all(client, path: str, user, limit: int) -> list[list[str]]:
    """Every page of `path`, following its cursor: the codes of each page."""
    pages, cursor = [], None
    while True:
        url = f"{path}?limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        answer = client.get(url, headers=auth_headers(user)).get_json()
        pages.append([request["code"] for request in answer["items"]])
        cursor = answer["next"]
        if cursor is None:
            return pages


def test_linked_requests_come_newest_first_a_page_at_a_time(client, operator, proposed):
    pages = read_all(client, f"{INCIDENTS}/{proposed}/requests", operator, limit=2)
    assert [len(page) for page in pages] == [2, 2, 1]
    codes = [code for page in pages for code in page]
    assert len(set(codes)) == 5
    answer = client.get(f"{INCIDENTS}/{proposed}/requests", headers=auth_headers(operator)).get_json()
    times = [request["created_at"] for request in answer["items"]]
    assert times == sorted(times, reverse=True) and answer["next"] is None
    detail = client.get(f"{INCIDENTS}/{proposed}", headers=auth_headers(operator)).get_json()
    assert "requests" not in detail and detail["report_count"] == 5
    error_shape(
        client.get(f"{INCIDENTS}/{proposed}/requests?cursor=nonsense", headers=auth_headers(operator)), 422
    )
    other_staff = make_user(role="opd_staff", opd_code="DLH")
    error_shape(client.get(f"{INCIDENTS}/{proposed}/requests", headers=auth_headers(other_staff)), 404)


def test_candidates_are_open_requests_of_the_kind_and_area_that_no_open_incident_holds(
    client, operator, proposed, clock
):
    headers = auth_headers(operator)
    later = clock.now + timedelta(minutes=5)
    loose = file_at(clock, later)
    same_group = file_at(clock, later, service="drainase-tersumbat")
    file_at(clock, later, kelurahan=MANGGAR)
    file_at(clock, later, service="sampah-menumpuk")
    closed = file_at(clock, later)
    closed.status = "closed"
    db.session.commit()
    candidates = f"{INCIDENTS}/{proposed}/requests/candidates"
    assert read_all(client, candidates, operator, limit=10) == [[same_group.code, loose.code]]

    linked = client.post(f"{INCIDENTS}/{proposed}/requests", json={"requests": [loose.code]}, headers=headers)
    assert linked.status_code == 200 and linked.get_json()["report_count"] == 6
    assert read_all(client, candidates, operator, limit=10) == [[same_group.code]]
    client.post(f"{INCIDENTS}/{proposed}/requests/unlink", json={"requests": [loose.code]}, headers=headers)
    assert read_all(client, candidates, operator, limit=10) == [[same_group.code, loose.code]]


def test_the_alerts_delivery_is_in_the_detail_for_operators_only(app, client, operator, push_service):
    received, refused = push_service.device(), push_service.device((400, None))
    subscribe_devices([received, refused], kelurahan=GUNUNG_SAMARINDA)
    staff = make_user(role="opd_staff", opd_code="DPU")
    opened = client.post(
        INCIDENTS,
        json={
            "group": "infrastruktur",
            "kelurahan": [GUNUNG_SAMARINDA],
            "description": "Banjir",
            "lead_opd": "DPU",
        },
        headers=auth_headers(operator),
    ).get_json()
    assert opened["alerts"] == []

    campaign = client.post(
        f"{INCIDENTS}/{opened['id']}/alert", json={}, headers=auth_headers(operator)
    ).get_json()
    wait_for_jobs(app)
    [delivery] = client.get(f"{INCIDENTS}/{opened['id']}", headers=auth_headers(operator)).get_json()[
        "alerts"
    ]
    assert delivery["campaign"] == campaign["id"] and delivery["status"] == "done"
    assert (delivery["targeted"], delivery["sent"], delivery["failed"], delivery["pending"]) == (2, 1, 1, 0)
    as_staff = client.get(f"{INCIDENTS}/{opened['id']}", headers=auth_headers(staff))
    assert as_staff.status_code == 200 and "alerts" not in as_staff.get_json()


@pytest.mark.parametrize("role", ["resident", "opd_staff"])
def test_residents_and_staff_cannot_open_merge_link_or_lead(client, operator, proposed, role):
    user = make_user(role=role, opd_code="BPBD" if role == "opd_staff" else None)
    headers = auth_headers(user)
    other = make_request(FLOOD, kelurahan=GUNUNG_SAMARINDA)
    opened = {"group": "infrastruktur", "kelurahan": [GUNUNG_SAMARINDA], "description": "Banjir"}
    attempts = [
        (INCIDENTS, opened),
        (f"{INCIDENTS}/{proposed}/merge", {"other": proposed}),
        (f"{INCIDENTS}/{proposed}/requests", {"requests": [other.code]}),
        (f"{INCIDENTS}/{proposed}/requests/unlink", {"requests": [other.code]}),
        (f"{INCIDENTS}/{proposed}/lead-opd", {"opd": "BPBD"}),
    ]
    for path, body in attempts:
        error_shape(client.post(path, json=body, headers=headers), 403)
    error_shape(client.get(f"{INCIDENTS}/{proposed}/requests/candidates", headers=headers), 403)
    detail = client.get(f"{INCIDENTS}/{proposed}", headers=auth_headers(operator)).get_json()
    assert [event["kind"] for event in detail["timeline"]] == ["proposed"]
