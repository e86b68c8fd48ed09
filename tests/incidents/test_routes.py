"""Incidents as operators work them through the API: confirm, dismiss, merge, link and unlink, the
lead OPD and notes, each on the timeline; what OPD staff and residents may see."""

from datetime import timedelta

from backend.incidents import detection

from ..factories import auth_headers, error_shape, make_request, make_user, point_in
from .helpers import FLOOD, GUNUNG_SAMARINDA, INCIDENTS, MANGGAR, file_at


def linked_codes(client, incident_id, user) -> list[str]:
    page = client.get(f"{INCIDENTS}/{incident_id}/requests?limit=100", headers=auth_headers(user)).get_json()
    return [request["code"] for request in page["items"]]


def timeline_kinds(client, incident_id, user) -> list[str]:
    detail = client.get(f"{INCIDENTS}/{incident_id}", headers=auth_headers(user)).get_json()
    return [event["kind"] for event in detail["timeline"]]


def test_an_operator_confirms_a_proposed_incident_and_every_step_is_on_its_timeline(
    client, operator, proposed
):
    headers = auth_headers(operator)
    listed = client.get(f"{INCIDENTS}?state=proposed", headers=headers).get_json()["items"]
    assert [item["id"] for item in listed] == [proposed]
    assert listed[0]["reason"]["id"] == "5 laporan infrastruktur dalam 60 menit; biasanya 0"

    assert client.post(f"{INCIDENTS}/{proposed}/confirm", headers=headers).get_json()["state"] == "active"
    assert client.post(f"{INCIDENTS}/{proposed}/confirm", headers=headers).status_code == 409
    client.post(f"{INCIDENTS}/{proposed}/lead-opd", json={"opd": "BPBD"}, headers=headers)
    note = client.post(
        f"{INCIDENTS}/{proposed}/notes", json={"text": "Tim BPBD menuju lokasi"}, headers=headers
    )
    assert note.status_code == 201 and note.get_json()["author"]["name"] == operator.name

    detail = client.get(f"{INCIDENTS}/{proposed}", headers=headers).get_json()
    assert detail["lead_opd"]["code"] == "BPBD" and detail["report_count"] == 5
    assert all(code.startswith("BPN-") for code in linked_codes(client, proposed, operator))
    assert [event["kind"] for event in detail["timeline"]] == ["proposed", "confirmed", "lead_opd", "note"]
    assert detail["timeline"][0]["author"] is None  # detection


def test_a_dismissal_needs_a_reason_and_ends_the_incident(client, operator, proposed):
    headers = auth_headers(operator)
    error_shape(client.post(f"{INCIDENTS}/{proposed}/dismiss", json={}, headers=headers), 422)
    response = client.post(
        f"{INCIDENTS}/{proposed}/dismiss", json={"reason": "Uji coba warga"}, headers=headers
    )
    assert (
        response.get_json()["state"] == "dismissed"
        and response.get_json()["dismiss_reason"] == "Uji coba warga"
    )
    error_shape(client.post(f"{INCIDENTS}/{proposed}/confirm", headers=headers), 409)


def test_merging_moves_requests_and_area_and_dismisses_the_other(client, operator, proposed):
    headers = auth_headers(operator)
    other = client.post(
        INCIDENTS,
        json={"group": "infrastruktur", "kelurahan": [MANGGAR], "description": "Telepon warga: banjir"},
        headers=headers,
    ).get_json()["id"]
    extra = make_request(FLOOD, kelurahan=MANGGAR)
    client.post(f"{INCIDENTS}/{other}/requests", json={"requests": [extra.code]}, headers=headers)

    merged = client.post(f"{INCIDENTS}/{proposed}/merge", json={"other": other}, headers=headers).get_json()
    assert merged["report_count"] == 6
    assert [area["code"] for area in merged["area"]] == sorted([GUNUNG_SAMARINDA, MANGGAR])
    folded = client.get(f"{INCIDENTS}/{other}", headers=headers).get_json()
    assert (
        folded["state"] == "dismissed" and folded["merged_into"] == proposed and folded["report_count"] == 0
    )
    assert timeline_kinds(client, other, operator)[-1] == "merged_into"
    error_shape(client.post(f"{INCIDENTS}/{proposed}/merge", json={"other": proposed}, headers=headers), 422)


def test_unlinked_requests_are_not_tied_again_by_detection(client, operator, proposed, clock):
    headers = auth_headers(operator)
    code = linked_codes(client, proposed, operator)[0]
    response = client.post(
        f"{INCIDENTS}/{proposed}/requests/unlink", json={"requests": [code]}, headers=headers
    )
    assert response.get_json()["report_count"] == 4
    detection.run(clock.now + timedelta(minutes=1))
    codes = linked_codes(client, proposed, operator)
    assert code not in codes
    relinked = client.post(f"{INCIDENTS}/{proposed}/requests", json={"requests": [code]}, headers=headers)
    assert relinked.get_json()["report_count"] == 5
    error_shape(
        client.post(f"{INCIDENTS}/{proposed}/requests", json={"requests": ["BPN-ZZZZZ"]}, headers=headers),
        422,
    )
    assert timeline_kinds(client, proposed, operator)[-2:] == ["unlinked", "linked"]


def test_a_request_of_another_open_incident_cannot_be_linked(client, operator, proposed):
    headers = auth_headers(operator)
    code = linked_codes(client, proposed, operator)[0]
    other = client.post(
        INCIDENTS,
        json={"group": "infrastruktur", "kelurahan": [MANGGAR], "description": "Banjir"},
        headers=headers,
    ).get_json()["id"]
    error_shape(client.post(f"{INCIDENTS}/{other}/requests", json={"requests": [code]}, headers=headers), 409)


def test_opening_by_hand_checks_the_places_and_kind(client, operator):
    headers = auth_headers(operator)
    body = {"group": "infrastruktur", "kelurahan": ["64.71.99.9999"], "description": "Banjir"}
    assert "kelurahan" in error_shape(client.post(INCIDENTS, json=body, headers=headers), 422)["errors"]
    body = {"group": "tidak-ada", "kelurahan": [GUNUNG_SAMARINDA], "description": "Banjir"}
    assert "group" in error_shape(client.post(INCIDENTS, json=body, headers=headers), 422)["errors"]


def test_staff_see_only_the_incidents_of_their_opd(client, operator, staff, proposed):
    # The flood reports are BPBD's; a blocked drain linked by hand brings DPU (the staff fixture) in.
    other_staff = make_user(role="opd_staff", opd_code="DLH")
    assert client.get(INCIDENTS, headers=auth_headers(staff)).get_json()["items"] == []
    drain = make_request("drainase-tersumbat", kelurahan=GUNUNG_SAMARINDA)
    client.post(
        f"{INCIDENTS}/{proposed}/requests", json={"requests": [drain.code]}, headers=auth_headers(operator)
    )
    assert [
        item["id"] for item in client.get(INCIDENTS, headers=auth_headers(staff)).get_json()["items"]
    ] == [proposed]
    assert client.get(INCIDENTS, headers=auth_headers(other_staff)).get_json()["items"] == []
    error_shape(client.get(f"{INCIDENTS}/{proposed}", headers=auth_headers(other_staff)), 404)
    error_shape(client.post(f"{INCIDENTS}/{proposed}/confirm", headers=auth_headers(staff)), 403)


def test_the_public_page_shows_an_active_incident_without_personal_data(client, operator, proposed):
    error_shape(client.get(f"{INCIDENTS}/{proposed}/public"), 404)  # proposed: not public yet
    client.post(f"{INCIDENTS}/{proposed}/confirm", headers=auth_headers(operator))
    page = client.get(f"{INCIDENTS}/{proposed}/public").get_json()
    assert page["status"] == "active" and page["report_count"] == 5
    assert page["area"] == [{"code": GUNUNG_SAMARINDA, "name": "Gunungsamarinda"}]
    assert set(page) == {"id", "status", "kind", "area", "started_at", "resolved_at", "closing_message",
                         "report_count", "updates"}  # fmt: skip
    assert "Siti" not in str(page) and "@" not in str(page)


def test_a_report_in_an_active_incidents_area_and_kind_finds_it_first_and_joins_it(
    client, operator, proposed, clock
):
    lat, long = point_in(GUNUNG_SAMARINDA)
    query = f"{INCIDENTS}/nearby?lat={lat}&long={long}&service={FLOOD}"
    assert client.get(query).get_json() == []  # proposed: not shown to residents
    client.post(f"{INCIDENTS}/{proposed}/confirm", headers=auth_headers(operator))
    [found] = client.get(query).get_json()
    assert found["id"] == proposed and found["kind"]["name"]["id"] == "Infrastruktur"
    assert client.get(f"{INCIDENTS}/nearby?lat={lat}&long={long}&service=kartu-kuning-ak1").get_json() == []
    other_lat, other_long = point_in(MANGGAR)
    assert (
        client.get(f"{INCIDENTS}/nearby?lat={other_lat}&long={other_long}&service={FLOOD}").get_json() == []
    )

    supporting = file_at(clock, clock.now + timedelta(minutes=1), service="drainase-tersumbat")
    detection.run(clock.now + timedelta(minutes=1))
    assert supporting.code in linked_codes(client, proposed, operator)


def test_filters_name_known_states_and_incidents(client, operator, proposed):
    headers = auth_headers(operator)
    assert client.get(f"{INCIDENTS}?state=active,resolved", headers=headers).get_json()["items"] == []
    error_shape(client.get(f"{INCIDENTS}?state=burning", headers=headers), 422)
    error_shape(client.get("/api/v1/dashboard/summary?incident=999999", headers=headers), 422)
    summary = client.get(f"/api/v1/dashboard/summary?incident={proposed}", headers=headers).get_json()
    assert summary["open"] == 5
