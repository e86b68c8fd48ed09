"""Reading requests: the public list and its filters, pages, mine, nearby, the staff inbox, support."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from backend.database import utcnow

from ..factories import (
    REQUESTS,
    auth_headers,
    error_shape,
    hide_request,
    listed_codes,
    make_request,
    make_user,
    set_fields,
)

INBOX = "/api/v1/staff/requests"
WITA = ZoneInfo("Asia/Makassar")


def test_public_list_shows_only_public_visible_requests(client, resident, admin):
    shown = make_request(reporter=resident)
    private_service = make_request("warga-terlantar", reporter=resident)
    kept_private = make_request(reporter=resident, public=False)
    hidden = make_request(reporter=resident)
    hide_request(client, admin, hidden.code)

    listed = listed_codes(client.get(REQUESTS))

    assert listed == [shown.code]
    assert not {private_service.code, kept_private.code, hidden.code} & set(listed)
    assert listed_codes(client.get(REQUESTS, headers=auth_headers(resident))) == [shown.code]


@pytest.fixture
def spread(app):
    """Requests that differ in service, status, place and age, by name."""
    made = {
        "pothole_manggar": make_request(kelurahan="64.71.01.1001", lat=-1.21, long=116.95),
        "pothole_lamaru": make_request(
            status="accepted", kelurahan="64.71.01.1002", lat=-1.2012, long=116.9863
        ),
        "trash_prapatan": make_request(
            "sampah-menumpuk", status="in_progress", kelurahan="64.71.06.1001", lat=-1.2672, long=116.8181
        ),
        "trash_old": make_request("sampah-menumpuk", status="resolved", lat=-1.25, long=116.85),
    }
    set_fields(made["trash_old"], created_at=utcnow() - timedelta(days=30))
    return {name: request.code for name, request in made.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"service": "sampah-menumpuk"}, {"trash_prapatan", "trash_old"}),
        ({"status": "accepted,in_progress"}, {"pothole_lamaru", "trash_prapatan"}),
        ({"status": "resolved"}, {"trash_old"}),
        ({"status": "closed"}, set()),
        ({"kecamatan": "64.71.01"}, {"pothole_manggar", "pothole_lamaru"}),
        ({"kelurahan": "64.71.01.1002"}, {"pothole_lamaru"}),
        ({"bbox": "-1.22,116.9,-1.19,117.05"}, {"pothole_manggar", "pothole_lamaru"}),
        ({"since": "WEEK_AGO"}, {"pothole_manggar", "pothole_lamaru", "trash_prapatan"}),
        ({"service": "jalan-berlubang", "status": "submitted"}, {"pothole_manggar"}),
        ({"service": "tidak-ada"}, set()),
        ({}, {"pothole_manggar", "pothole_lamaru", "trash_prapatan", "trash_old"}),
    ],
)
def test_public_list_filters(client, spread, query, expected):
    if query.get("since") == "WEEK_AGO":
        query = {"since": (utcnow() - timedelta(days=7)).astimezone(WITA).isoformat()}

    listed = listed_codes(client.get(REQUESTS, query_string=query))

    assert sorted(listed) == sorted(spread[name] for name in expected)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"bbox": "-1.3,116.8,-1.2"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "-1.2,116.8,-1.3,116.9"}, "bbox"),
        ({"bbox": "-1.3,116.9,-1.2,116.8"}, "bbox"),
        ({"status": "open"}, "status"),
        ({"status": "submitted,baru"}, "status"),
        ({"since": "kemarin"}, "since"),
        ({"since": "2026-01-01T00:00:00"}, "since"),
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"cursor": "bukan-kursor"}, "cursor"),
    ],
)
def test_public_list_refuses_bad_filters(client, query, field):
    body = error_shape(client.get(REQUESTS, query_string=query), 422)

    assert field in body["errors"]


def test_bad_bbox_is_explained(client):
    body = error_shape(client.get(REQUESTS, query_string={"bbox": "1,2,3"}), 422)

    assert body["errors"]["bbox"] == ["Isi selatan,barat,utara,timur dalam derajat."]


def walk(client, url: str, headers=None, between=None, **query) -> list[str]:
    """Every code of every page, following the cursor; `between` runs after each page."""
    seen, cursor = [], None
    while True:
        page = client.get(
            url, query_string=query | ({"cursor": cursor} if cursor else {}), headers=headers or {}
        )
        seen += listed_codes(page)
        if between:
            between()
        cursor = page.get_json()["next"]
        if cursor is None:
            return seen


def test_pages_walk_each_request_once_while_new_ones_arrive(client):
    originals = [make_request().code for _ in range(10)]
    arrived = []

    seen = walk(client, REQUESTS, between=lambda: arrived.append(make_request().code), limit=3)

    assert seen == originals[::-1]
    assert len(arrived) == 4
    assert set(listed_codes(client.get(REQUESTS, query_string={"limit": 100}))) == set(originals + arrived)


def test_pages_keep_requests_filed_at_the_same_moment(client):
    moment = utcnow()
    originals = [set_fields(make_request(), created_at=moment).code for _ in range(7)]

    assert sorted(walk(client, REQUESTS, limit=2)) == sorted(originals)


def test_mine_lists_all_my_requests_and_nobody_elses(client, resident, admin):
    public = make_request(reporter=resident)
    private = make_request("warga-terlantar", reporter=resident)
    hidden = make_request(reporter=resident)
    hide_request(client, admin, hidden.code)
    make_request(reporter=make_user())
    make_request()

    mine = client.get(f"{REQUESTS}/mine", headers=auth_headers(resident))

    assert listed_codes(mine) == [hidden.code, private.code, public.code]
    assert all(item["viewer"]["is_reporter"] for item in mine.get_json()["items"])


def test_mine_pages_with_a_cursor(client, resident):
    filed = [make_request(reporter=resident).code for _ in range(5)]

    assert walk(client, f"{REQUESTS}/mine", headers=auth_headers(resident), limit=2) == filed[::-1]


def test_nearby_finds_open_requests_of_the_same_service_within_reach(client):
    lat, long = -1.25, 116.85
    near = make_request(lat=lat + 0.00045, long=long)
    nearer = make_request(lat=lat, long=long + 0.0002)
    make_request(lat=lat + 0.0027, long=long)
    make_request(lat=lat, long=long + 0.0003, status="closed")
    make_request(lat=lat, long=long + 0.0003, status="resolved")
    make_request("sampah-menumpuk", lat=lat, long=long)
    make_request(lat=lat, long=long, public=False)

    response = client.get(
        f"{REQUESTS}/nearby", query_string={"lat": lat, "long": long, "service": "jalan-berlubang"}
    )

    assert response.status_code == 200
    found = response.get_json()
    assert [item["code"] for item in found] == [nearer.code, near.code]
    assert 20 <= found[0]["distance_m"] <= 25
    assert 48 <= found[1]["distance_m"] <= 52


@pytest.mark.parametrize(
    "query",
    [{"lat": -1.25, "long": 116.85}, {"lat": "utara", "long": 116.85, "service": "jalan-berlubang"}, {}],
)
def test_nearby_needs_a_point_and_a_service(client, query):
    error_shape(client.get(f"{REQUESTS}/nearby", query_string=query), 422)


def _due_in(hours: float, **fields):
    request = make_request(**fields)
    return set_fields(request, sla_due_at=utcnow() + timedelta(hours=hours)).code


def test_staff_inbox_lists_their_opds_open_requests_most_overdue_first(client, staff):
    later = _due_in(72)
    overdue = _due_in(-5)
    soon = _due_in(2, status="accepted")
    most_overdue = _due_in(-48, status="in_progress")
    _due_in(-100, status="resolved")
    _due_in(-200, service_code="sampah-menumpuk")

    response = client.get(INBOX, headers=auth_headers(staff))

    assert listed_codes(response) == [most_overdue, overdue, soon, later]
    items = response.get_json()["items"]
    assert [item["is_overdue"] for item in items] == [True, True, False, False]
    assert {item["opd"]["code"] for item in items} == {"DPU"}


def test_staff_cannot_look_into_another_opds_inbox(client, staff):
    mine = _due_in(10)
    _due_in(10, service_code="sampah-menumpuk")

    assert listed_codes(client.get(INBOX, query_string={"opd": "DLH"}, headers=auth_headers(staff))) == [mine]


def test_operator_sees_every_opd_and_can_pick_one(client, operator):
    dpu = _due_in(10)
    dlh = _due_in(5, service_code="sampah-menumpuk")
    dishub = _due_in(1, service_code="lampu-jalan-mati")
    headers = auth_headers(operator)

    assert listed_codes(client.get(INBOX, headers=headers)) == [dishub, dlh, dpu]
    assert listed_codes(client.get(INBOX, query_string={"opd": "DLH"}, headers=headers)) == [dlh]


def test_staff_inbox_filters_and_pages(client, staff):
    due = [_due_in(hours) for hours in (-3, -2, -1, 1, 2)]
    resolved = _due_in(0, status="resolved")
    headers = auth_headers(staff)

    assert walk(client, INBOX, headers=headers, limit=2) == due
    assert listed_codes(client.get(INBOX, query_string={"overdue": "true"}, headers=headers)) == due[:3]
    assert listed_codes(client.get(INBOX, query_string={"status": "resolved"}, headers=headers)) == [resolved]


def test_support_twice_counts_once(client, resident):
    code = make_request(reporter=make_user()).code
    headers = auth_headers(resident)

    first = client.post(f"{REQUESTS}/{code}/support", headers=headers)
    second = client.post(f"{REQUESTS}/{code}/support", headers=headers)

    assert first.get_json() == second.get_json() == {"supporter_count": 1, "has_supported": True}
    assert client.get(f"{REQUESTS}/{code}").get_json()["supporter_count"] == 1
    assert client.get(f"{REQUESTS}/{code}", headers=headers).get_json()["viewer"]["has_supported"] is True


def test_reporter_supporting_their_own_request_adds_nothing(client, resident):
    code = make_request(reporter=resident).code

    client.post(f"{REQUESTS}/{code}/support", headers=auth_headers(resident))

    assert client.get(f"{REQUESTS}/{code}").get_json()["supporter_count"] == 0


def test_a_private_request_cannot_be_supported_by_others(client, resident):
    code = make_request("warga-terlantar", reporter=make_user()).code

    error_shape(client.post(f"{REQUESTS}/{code}/support", headers=auth_headers(resident)), 404)


@pytest.mark.parametrize("code", ["bpn-zzzzz", "BPN-ZZZZZ", "tidak-ada"])
def test_unknown_request_is_404(client, code):
    assert error_shape(client.get(f"{REQUESTS}/{code}"), 404)["message"] == "Laporan tidak ditemukan."


def test_request_code_is_found_in_any_case(client):
    code = make_request().code

    assert client.get(f"{REQUESTS}/{code.lower()}").get_json()["code"] == code


@pytest.mark.parametrize(
    "url",
    [
        f"{REQUESTS}?service=jalan%00",
        f"{REQUESTS}?kecamatan=64.71%00",
        f"{REQUESTS}?kelurahan=64.71%00",
        f"{REQUESTS}/BPN-%00",
        f"{REQUESTS}/nearby?lat=-1.25&long=116.85&service=a%00",
    ],
)
def test_a_nul_byte_in_a_lookup_is_not_a_server_error(client, url):
    response = client.get(url)

    assert response.status_code < 500
    if response.status_code >= 400:
        error_shape(response, response.status_code)
