"""GET /api/v1/dashboard/warnings: the command center's warnings (sent or draft, not expired) with
their area, polygons for the screen and delivery, and each source's health. The warnings are
synthetic (tests/factories.make_warning), written in the shape the ingest stores."""

from datetime import timedelta

import pytest

from backend.database import utcnow
from backend.extensions import db
from backend.warnings.models import WarningSource

from ..factories import (
    WARNED_KELURAHAN,
    add_warning_campaign,
    auth_headers,
    make_warning,
)


def command_warnings(client, user) -> dict:
    response = client.get("/api/v1/dashboard/warnings", headers=auth_headers(user))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def add_source(**fields) -> WarningSource:
    source = WarningSource(url="https://data.bmkg.go.id/DataMKG/TEWS/autogempa.json", **fields)
    db.session.add(source)
    db.session.commit()
    return source


def test_a_sent_warning_shows_its_area_polygons_article_and_delivery(client, operator):
    warning = make_warning()
    add_warning_campaign(warning, targeted=120, sent=80, failed=3, gone=2)

    [shown] = command_warnings(client, operator)["warnings"]

    assert shown["identifier"] == warning.identifier
    assert (shown["kind"], shown["status"], shown["severity"]) == ("weather", "sent", "Severe")
    assert shown["headline"]["en"].startswith("Weather Early Warning")
    assert shown["kelurahan"] == [
        {"code": WARNED_KELURAHAN[0], "name": "Telaga Sari"},
        {"code": WARNED_KELURAHAN[1], "name": "Klandasan Ulu"},
    ]
    assert shown["article"].startswith("peringatan-")
    [delivery] = shown["campaigns"]
    assert {key: delivery[key] for key in ("status", "targeted", "sent", "failed", "gone")} == {
        "status": "sending",
        "targeted": 120,
        "sent": 80,
        "failed": 3,
        "gone": 2,
    }
    assert shown["expires_at"].endswith("+00:00")


def test_polygons_come_simplified_and_rounded_for_the_screen(client, operator):
    warning = make_warning()

    [shown] = command_warnings(client, operator)["warnings"]

    assert len(shown["polygons"]) == 2
    for ring, source in zip(shown["polygons"], warning.polygons, strict=True):
        assert 4 <= len(ring) <= len(source)
        assert ring[0] == ring[-1]
        assert all(round(value, 4) == value for point in ring for value in point)


def test_a_ring_that_crosses_itself_is_shown_as_the_polygons_it_outlines(client, operator):
    bow_tie = [[116.83, -1.27], [116.84, -1.26], [116.84, -1.27], [116.83, -1.26], [116.83, -1.27]]
    make_warning(polygons=[bow_tie, [[116.83, -1.27], [116.84, -1.26]]])

    [shown] = command_warnings(client, operator)["warnings"]

    assert len(shown["polygons"]) == 2  # the two triangles; the two-point line is left out
    assert all(len(ring) == 4 for ring in shown["polygons"])


def test_drafts_are_listed_and_expired_replaced_or_seen_ones_are_not(client, admin):
    draft = make_warning(status="draft")
    make_warning(expires_at=utcnow() - timedelta(minutes=1))
    for status in ("seen", "replaced", "cancelled"):
        make_warning(status=status)

    shown = command_warnings(client, admin)["warnings"]

    assert [(w["identifier"], w["status"], w["article"], w["campaigns"]) for w in shown] == [
        (draft.identifier, "draft", None, [])
    ]


def test_an_earthquake_shows_its_details(client, operator):
    details = {"magnitude": 5.6, "depth_km": 10, "distance_km": 120, "felt": "III Balikpapan", "tsunami": ""}
    make_warning(kind="earthquake", polygons=[], details=details)

    [shown] = command_warnings(client, operator)["warnings"]

    assert (shown["kind"], shown["polygons"], shown["details"]) == ("earthquake", [], details)


def test_sources_say_ok_unavailable_or_never_polled(client, operator):
    now = utcnow()
    add_source(name="autogempa", last_success_at=now - timedelta(minutes=2), last_duration_ms=140)
    add_source(
        name="gempaterkini",
        last_success_at=now - timedelta(hours=1),
        last_error_at=now - timedelta(minutes=2),
        last_error="HTTP 500",
        consecutive_failures=3,
    )
    add_source(name="gempadirasakan", last_success_at=now - timedelta(hours=2))  # no poll for long
    add_source(name="nowcast")

    sources = {s["name"]: s for s in command_warnings(client, operator)["sources"]}

    assert {name: s["state"] for name, s in sources.items()} == {
        "autogempa": "ok",
        "gempaterkini": "unavailable",
        "gempadirasakan": "unavailable",
        "nowcast": "never",
    }
    assert sources["autogempa"]["last_duration_ms"] == 140
    assert (sources["gempaterkini"]["last_error"], sources["gempaterkini"]["consecutive_failures"]) == (
        "HTTP 500",
        3,
    )


def test_a_source_that_answers_again_is_ok(client, operator):
    now = utcnow()
    add_source(
        name="nowcast",
        last_error_at=now - timedelta(minutes=4),
        last_error="timeout",
        last_success_at=now - timedelta(minutes=1),
    )

    [source] = command_warnings(client, operator)["sources"]

    assert source["state"] == "ok"
    assert source["last_error"] == "timeout"  # the last error stays readable


@pytest.mark.parametrize("role", ["resident", "opd_staff"])
def test_only_operators_and_admins_read_the_warnings(client, users, role):
    make_warning()
    response = client.get("/api/v1/dashboard/warnings", headers=auth_headers(users[role]))
    assert response.status_code == 403


def test_the_answer_is_never_shared(client, operator):
    make_warning()
    response = client.get("/api/v1/dashboard/warnings", headers=auth_headers(operator))
    assert response.headers["Cache-Control"].startswith("private")
