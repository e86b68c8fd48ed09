"""Each command-center aggregate against a hand-built set of requests with known answers,
including the edges of a day in WITA (UTC+8)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from backend.dashboard import queries
from backend.extensions import db
from backend.places.models import Kecamatan, Kelurahan, Opd
from backend.push.models import Campaign

from ..factories import make_request, set_fields

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=WITA).astimezone(UTC)  # Friday 20 Nov, 10:00 WITA


def wita(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=WITA).astimezone(UTC)


def place(kelurahan_code: str) -> dict:
    kelurahan = db.session.scalar(select(Kelurahan).where(Kelurahan.code == kelurahan_code))
    return {"kelurahan_id": kelurahan.id, "kecamatan_id": kelurahan.kecamatan_id}


def request_at(service: str, created: datetime, status: str, kelurahan: str = "64.71.01.1001", **fields):
    row = make_request(
        service, status="submitted", lat=fields.pop("lat", -1.25), long=fields.pop("long", 116.85)
    )
    return set_fields(row, created_at=created, status=status, **place(kelurahan), **fields)


@pytest.fixture
def city(app):
    """Seven requests; DPU handles potholes, DLH rubbish. Comments give the expected answers."""
    return {
        # DPU, Timur; resolved in 10 h, first response after 2 h, within SLA, rated 4
        "a": request_at(
            "jalan-berlubang",
            wita(18, 8),
            "resolved",
            first_response_at=wita(18, 10),
            resolved_at=wita(18, 18),
            sla_due_at=wita(25, 8),
            rating=4,
        ),
        # DPU, Timur; resolved after 20 h but late (deadline passed), rated 2
        "b": request_at(
            "jalan-berlubang",
            wita(18, 9),
            "closed",
            first_response_at=wita(18, 13),
            resolved_at=wita(19, 5),
            sla_due_at=wita(18, 20),
            rating=2,
        ),
        # DPU, Barat; open, overdue by 10 h at NOW, created 23:30 WITA on the 19th (not "today")
        "c": request_at(
            "jalan-berlubang",
            wita(19, 23, 30),
            "accepted",
            kelurahan="64.71.02.1001",
            first_response_at=wita(20, 0, 30),
            sla_due_at=wita(20, 0),
        ),
        # DPU, Barat; open, created 00:30 WITA on the 20th ("today"), not overdue
        "d": request_at(
            "jalan-berlubang", wita(20, 0, 30), "submitted", kelurahan="64.71.02.1001", sla_due_at=wita(27, 0)
        ),
        # DLH, Timur; open and overdue by 2 h
        "e": request_at(
            "sampah-menumpuk",
            wita(17, 8),
            "in_progress",
            first_response_at=wita(17, 18),
            sla_due_at=wita(20, 8),
            lat=-1.2153,
            long=116.9363,
        ),
        # DLH, Timur; rejected
        "f": request_at("sampah-menumpuk", wita(16, 8), "rejected", sla_due_at=wita(19, 8)),
        # DPU, created 40 days ago: outside a 30-day period but still open (counts as open now)
        "g": request_at(
            "jalan-berlubang", wita(20, 9) - timedelta(days=40), "submitted", sla_due_at=wita(20, 9)
        ),
    }


def scope(days=30, **ids):
    return queries.make_scope(days, WITA, now=NOW, **ids)


def opd_id(code):
    return db.session.scalar(select(Opd.id).where(Opd.code == code))


def kecamatan_id(code):
    return db.session.scalar(select(Kecamatan.id).where(Kecamatan.code == code))


def test_summary(city):
    assert queries.summary(scope()) == {
        "open": 4,  # c, d, e, and g from before the period
        "overdue": 3,  # c (10 h), e (2 h), g (1 h)
        "created_today": 1,  # d at 00:30 WITA today; c at 23:30 WITA yesterday is not
        "created_this_week": 6,  # since Monday 16 Nov 00:00 WITA: a to f
        "resolved_this_week": 2,  # a, b
        "created_in_period": 6,
        "median_response": 3.0,  # first responses after 1 (c), 2 (a), 4 (b) and 10 (e) hours
        "median_resolution": 15.0,  # 10 (a) and 20 (b) hours
        "average_rating": 3.0,  # 4 and 2
    }


def test_summary_for_one_kecamatan_and_one_opd(city):
    barat = queries.summary(scope(kecamatan_id=kecamatan_id("64.71.02")))
    assert (barat["open"], barat["overdue"], barat["created_in_period"]) == (2, 1, 2)
    dlh = queries.summary(scope(opd_id=opd_id("DLH")))
    assert (dlh["open"], dlh["overdue"], dlh["created_in_period"], dlh["average_rating"]) == (1, 1, 2, None)


def test_counts_by_status_service_kecamatan_and_opd(city):
    by_status = {row["key"]: row["count"] for row in queries.counts(scope(), "status")}
    assert by_status == {
        "resolved": 1,
        "closed": 1,
        "accepted": 1,
        "submitted": 1,
        "in_progress": 1,
        "rejected": 1,
    }
    by_service = {row["key"]: row["count"] for row in queries.counts(scope(), "service")}
    assert by_service == {"jalan-berlubang": 4, "sampah-menumpuk": 2}
    by_kecamatan = {row["label"]: row["count"] for row in queries.counts(scope(), "kecamatan")}
    assert by_kecamatan == {"Balikpapan Timur": 4, "Balikpapan Barat": 2}
    by_kelurahan = {row["key"]: row["count"] for row in queries.counts(scope(), "kelurahan")}
    assert by_kelurahan == {"64.71.01.1001": 4, "64.71.02.1001": 2}
    assert {row["key"]: row["count"] for row in queries.counts(scope(), "opd")} == {"DPU": 4, "DLH": 2}
    groups = {row["key"]: row["count"] for row in queries.counts(scope(), "group")}
    assert groups == {"infrastruktur": 4, "kebersihan-lingkungan": 2}


def test_overdue_list_oldest_deadline_first_with_hours(city):
    rows = queries.overdue_list(scope())
    assert [(row["code"], row["hours_overdue"]) for row in rows] == [
        (city["c"].code, 10.0),
        (city["e"].code, 2.0),
        (city["g"].code, 1.0),
    ]


def test_every_panel_names_an_opd_by_the_same_short_name(city):
    """The overdue list said "DAMKAR" where the league said "Damkar": both now show the short name."""
    short = {opd.code: opd.short_name for opd in db.session.scalars(select(Opd))}
    overdue = {(row["opd"], row["opd_name"]) for row in queries.overdue_list(scope())}
    league = {(row["opd"], row["name"]) for row in queries.league(scope())}
    breaches = {(row["code"], row["short_name"]) for row in queries.breach_rates(scope())}
    counts = {(row["key"], row["label"]) for row in queries.counts(scope(), "opd")}
    assert overdue and all(name == short[code] for code, name in overdue | league | breaches | counts)


def test_breach_rate_per_opd(city):
    rates = {
        row["code"]: (row["breached"], row["total"], row["rate"]) for row in queries.breach_rates(scope())
    }
    # DPU: b late, c open past deadline; a and d fine. DLH: e open past deadline; f rejected, not open.
    assert rates == {"DPU": (2, 4, 0.5), "DLH": (1, 2, 0.5)}


def test_trends_count_days_in_wita(city):
    days = {row["day"]: (row["created"], row["resolved"]) for row in queries.trends(scope(days=7))}
    assert (min(days), max(days), len(days)) == ("2026-11-14", "2026-11-20", 7)
    assert days["2026-11-16"] == (1, 0)  # f
    assert days["2026-11-18"] == (2, 1)  # a, b created; a resolved 18:00 WITA
    assert days["2026-11-19"] == (1, 1)  # c at 23:30 WITA; b resolved 05:00 WITA on the 19th
    assert days["2026-11-20"] == (1, 0)  # d at 00:30 WITA
    assert sum(created for created, _ in days.values()) == 6


def test_opd_league(city):
    league = {row["opd"]: row for row in queries.league(scope())}
    assert league["DPU"] == {
        "opd": "DPU",
        "name": "DPU",
        "open": 3,
        "overdue": 2,
        "median_resolution_hours": 15.0,
        "satisfaction": 3.0,
        "within_sla": 0.5,
    }
    assert league["DLH"] | {} == {
        "opd": "DLH",
        "name": "DLH",
        "open": 1,
        "overdue": 1,
        "median_resolution_hours": None,
        "satisfaction": None,
        "within_sla": None,
    }


def test_map_points_open_only_inside_the_bbox_overdue_first(city):
    everything = queries.map_points(scope(), None)
    assert [p["code"] for p in everything["points"]] == [city[k].code for k in ("c", "e", "g", "d")]
    assert {p["code"]: p["overdue"] for p in everything["points"]}[city["d"].code] is False
    near_timur = queries.map_points(scope(), [-1.23, 116.92, -1.20, 116.95])
    assert [p["code"] for p in near_timur["points"]] == [city["e"].code] and not near_timur["truncated"]


def test_map_is_capped(city, monkeypatch):
    monkeypatch.setattr(queries, "MAP_CAP", 2)
    capped = queries.map_points(scope(), None)
    assert len(capped["points"]) == 2 and capped["truncated"] is True


def test_campaign_click_through(app):
    db.session.add_all(
        [
            Campaign(
                title="Banjir", body="x", target_kind="all", status="done", targeted=10, sent=8, clicked=2
            ),
            Campaign(title="Belum", body="y", target_kind="all", status="scheduled"),
        ]
    )
    db.session.commit()
    rows = queries.campaign_stats()
    assert [(row["title"], row["click_through"]) for row in rows] == [("Belum", None), ("Banjir", 0.25)]
