"""Searching the staff inbox: a tracking code typed exactly, text in the address or description,
filters by status, service, kecamatan and overdue, unknown codes refused (on SQLite and PostgreSQL)."""

from datetime import timedelta

import pytest

from backend.database import utcnow

from ..factories import auth_headers, error_shape, listed_codes, make_request, set_fields

INBOX = "/api/v1/staff/requests"


@pytest.fixture
def desk(app):
    """DPU's requests that differ in text, service, place, status and deadline, by name."""
    made = {
        "school": make_request(
            description="Lubang besar di depan SEKOLAH dasar", address="Jl. Sudirman No. 5",
            kelurahan="64.71.01.1001",
        ),
        "market": make_request(
            "trotoar-rusak", status="accepted", description="Trotoar retak", address="Pasar Klandasan",
            kelurahan="64.71.06.1001",
        ),
        "percent": make_request(description="Diskon 100% untuk tambal_jalan", address="Gang Damai"),
        "done": make_request(status="resolved", description="Lubang di depan sekolah sudah ditambal"),
    }  # fmt: skip
    set_fields(made["market"], sla_due_at=utcnow() - timedelta(hours=2))
    return {name: request.code for name, request in made.items()}


def _search(client, staff, **query) -> set[str]:
    return set(listed_codes(client.get(INBOX, query_string=query, headers=auth_headers(staff))))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "sekolah"}, {"school"}),  # any case; the resolved one is not open
        ({"q": "SUDIRMAN"}, {"school"}),
        ({"q": "klandasan"}, {"market"}),
        ({"q": "100%"}, {"percent"}),
        ({"q": "%"}, {"percent"}),  # % and _ are taken literally, not as wildcards
        ({"q": "l_bang"}, set()),
        ({"q": "tambal_jalan"}, {"percent"}),
        ({"q": "sekolah", "status": "resolved"}, {"done"}),
        ({"q": "sekolah", "status": "submitted,resolved"}, {"school", "done"}),
        ({"status": "accepted"}, {"market"}),
        ({"service_code": "trotoar-rusak"}, {"market"}),
        ({"kecamatan": "64.71.01"}, {"school"}),
        ({"overdue": "true"}, {"market"}),
        ({"q": "lubang", "overdue": "true"}, set()),
        ({"q": "   "}, {"school", "market", "percent"}),
    ],
)
def test_staff_inbox_search_and_filters(client, staff, desk, query, expected):
    assert _search(client, staff, **query) == {desk[name] for name in expected}


def test_a_tracking_code_typed_exactly_finds_that_request_whatever_its_status(client, staff, desk):
    code = desk["done"]

    assert _search(client, staff, q=f"  {code.lower()} ") == {code}
    assert _search(client, staff, q=code, status="submitted") == {code}


def test_a_code_of_another_opd_is_not_found_by_staff(client, staff):
    rubbish = make_request("sampah-menumpuk").code

    assert _search(client, staff, q=rubbish) == set()


def test_part_of_a_code_searches_as_text(client, staff, desk):
    assert _search(client, staff, q=desk["school"][:6]) >= {desk["school"]}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"service_code": "tidak-ada"}, "service_code"),
        ({"service": "tidak-ada"}, "service_code"),
        ({"kecamatan": "99.99.99"}, "kecamatan"),
        ({"status": "lost"}, "status"),
        ({"overdue": "maybe"}, "overdue"),
        ({"q": "x" * 101}, "q"),
    ],
)
def test_unknown_codes_and_bad_filters_are_422(client, staff, query, field):
    body = error_shape(client.get(INBOX, query_string=query, headers=auth_headers(staff)), 422)

    assert field in str(body["errors"])


def test_an_operator_naming_an_unknown_opd_is_422(client, operator):
    body = error_shape(client.get(INBOX, query_string={"opd": "XYZ"}, headers=auth_headers(operator)), 422)

    assert body["errors"] == {"opd": ["OPD tidak dikenal."]}
