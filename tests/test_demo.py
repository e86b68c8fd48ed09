"""`flask seed --demo`: a month of requests that keeps the command centre alive, added once."""

import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import groupby

import pytest
from sqlalchemy import delete, func, select

from backend.accounts.models import User
from backend.database import utcnow
from backend.demo import DEMO_RESIDENT_EMAIL
from backend.extensions import db
from backend.places.models import City, Kecamatan
from backend.security import Role
from backend.service_requests.models import EventKind, RequestEvent, ServiceRequest, Status

# Instants where a calendar rule can slip: month end, year end, either side of midnight in the city
# (WITA, UTC+8), a leap day, and two days the duplicate links once went wrong on.
INSTANTS = [
    datetime(2026, 11, 30, 23, 59, tzinfo=UTC),
    datetime(2026, 12, 3, 20, 0, tzinfo=UTC),
    datetime(2026, 12, 31, 15, 59, 30, tzinfo=UTC),
    datetime(2026, 12, 31, 16, 0, 30, tzinfo=UTC),
    datetime(2026, 12, 31, 16, 30, tzinfo=UTC),
    datetime(2028, 2, 29, 4, 0, tzinfo=UTC),
]


@pytest.fixture(params=INSTANTS, ids=lambda at: at.strftime("%Y-%m-%dT%H:%MZ"))
def now(request, clock):
    """Run the test with the clock stopped at one of the instants."""
    clock.set(request.param)
    return request.param


def seed_demo(app) -> str:
    result = app.test_cli_runner().invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    return result.output


def all_requests() -> list[ServiceRequest]:
    return list(
        db.session.scalars(select(ServiceRequest).order_by(ServiceRequest.created_at, ServiceRequest.id))
    )


def test_demo_seed_spreads_a_month_of_requests_over_the_city_in_seconds(app, now):
    started = time.perf_counter()
    output = seed_demo(app)
    assert time.perf_counter() - started < 20

    requests = all_requests()
    assert 1000 <= len(requests) <= 2000
    assert f"Demo requests added: {len(requests)}." in output
    assert {r.kecamatan_id for r in requests} == set(db.session.scalars(select(Kecamatan.id)))
    city = db.session.scalar(select(City))
    assert all(city.contains(r.lat, r.long) for r in requests if r.lat is not None)
    assert utcnow() == now
    assert all(now - timedelta(days=31) < r.created_at <= now for r in requests)
    assert len({r.code for r in requests}) == len(requests)
    resident = db.session.scalar(select(User).where(User.email == DEMO_RESIDENT_EMAIL))
    assert 10 <= sum(r.reporter_id == resident.id for r in requests) <= 30
    assert any(r.supporter_count > 0 for r in requests)


def test_demo_requests_have_varied_statuses_overdue_ones_and_ratings(app, now):
    seed_demo(app)
    requests = all_requests()
    statuses = Counter(r.status for r in requests)
    assert set(statuses) == set(Status)
    assert statuses[Status.RESOLVED] + statuses[Status.CLOSED] > len(requests) / 2
    assert sum(r.is_overdue for r in requests) >= 20

    rated = [r for r in requests if r.rating is not None]
    assert len(rated) > len(requests) / 4
    assert all(1 <= r.rating <= 5 and r.status in (Status.RESOLVED, Status.CLOSED) for r in rated)
    assert Counter(r.rating for r in rated).most_common(1)[0][0] in (4, 5)

    by_id = {r.id: r for r in requests}
    duplicates = [r for r in requests if r.duplicate_of_id is not None]
    assert duplicates
    assert all(r.status == Status.REJECTED for r in duplicates)
    assert all(by_id[r.duplicate_of_id].created_at < r.created_at for r in duplicates)


@pytest.mark.parametrize("now", INSTANTS[2:4], indirect=True, ids=["2359WITA", "0000WITA"])
def test_every_demo_timeline_starts_with_created_and_runs_in_time_order(app, now):
    seed_demo(app)
    requests = {r.id: r for r in all_requests()}
    events = db.session.scalars(select(RequestEvent).order_by(RequestEvent.request_id, RequestEvent.id))
    timelines = {request_id: list(group) for request_id, group in groupby(events, lambda e: e.request_id)}
    assert set(timelines) == set(requests)
    for request_id, timeline in timelines.items():
        request = requests[request_id]
        assert timeline[0].kind == EventKind.CREATED
        assert timeline[0].created_at == request.created_at
        times = [event.created_at for event in timeline]
        assert times == sorted(times)
        changes = [event for event in timeline if event.kind == EventKind.STATUS]
        assert all(e.author_role == Role.OPD_STAFF and e.author_opd_id == request.opd_id for e in changes)
        assert (changes[-1].to_status if changes else Status.SUBMITTED) == request.status
        if changes:
            assert changes[0].created_at == request.first_response_at
        if request.resolved_at is not None:
            assert any(
                e.to_status == Status.RESOLVED and e.created_at == request.resolved_at for e in changes
            )


@pytest.mark.parametrize("now", INSTANTS[2:4], indirect=True, ids=["2359WITA", "0000WITA"])
def test_seeding_demo_again_adds_no_requests_and_a_fresh_seed_repeats_the_same_month(app, now):
    seed_demo(app)
    first = [(r.service_id, r.kelurahan_id, r.description) for r in all_requests()]
    events = db.session.scalar(select(func.count()).select_from(RequestEvent))

    assert "Demo requests added: 0." in seed_demo(app)
    assert db.session.scalar(select(func.count()).select_from(ServiceRequest)) == len(first)
    assert db.session.scalar(select(func.count()).select_from(RequestEvent)) == events

    db.session.execute(delete(RequestEvent))
    db.session.execute(delete(ServiceRequest))
    db.session.commit()
    seed_demo(app)
    # The same requests; one filed between the two seeds' "now" may sit a week apart in the order.
    again = [(r.service_id, r.kelurahan_id, r.description) for r in all_requests()]
    assert Counter(again) == Counter(first)
