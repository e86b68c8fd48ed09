"""The sources' schedule and health: errors and hangs reported without stopping the others, backoff,
the periodic job polling only the sources whose time has come, and `flask warnings poll`."""

import time
from datetime import timedelta

from backend.extensions import db
from backend.warnings.intake import MAX_BACKOFF_SECONDS, NOWCAST, poll_sources, poll_warning_sources
from backend.warnings.models import WarningSource

from .conftest import CAPTURE_TIME
from .synthetic import KELURAHAN_A, NOWCAST_LIST, QUAKE_FOLDER, nowcast_list, ring_inside, serve_warning

SOURCES = ["bmkg-nowcast", "bmkg-autogempa", "bmkg-gempaterkini", "bmkg-gempadirasakan"]


def serve_all(feeds) -> None:
    feeds.serve_fixture(NOWCAST_LIST, "nowcast-rss-id.xml")
    for name in ("autogempa.json", "gempaterkini.json", "gempadirasakan.json"):
        feeds.serve_fixture(QUAKE_FOLDER + name, name)


def health(name: str) -> WarningSource:
    db.session.expire_all()
    return db.session.get(WarningSource, name)


def test_a_source_answering_500_and_one_hanging_are_reported_and_the_others_still_polled(app, feeds):
    serve_all(feeds)
    feeds.serve(NOWCAST_LIST, "Internal Server Error", status=500)
    feeds.serve(QUAKE_FOLDER + "autogempa.json", hang=True)
    started = time.monotonic()

    reports = {report.source: report for report in poll_sources()}

    deadline = app.config["WARNINGS_FETCH_SECONDS"]
    assert time.monotonic() - started < 1.5 * deadline + 1  # the hang costs one fetch's deadline
    assert list(reports) == SOURCES
    assert reports[NOWCAST].error == "Unavailable: HTTP 500"
    assert reports["bmkg-autogempa"].error.startswith("Unavailable: ReadTimeout")
    assert [reports[name].outcome for name in SOURCES[2:]] == ["fetched", "fetched"]
    nowcast = health(NOWCAST)
    assert (nowcast.last_error, nowcast.last_error_at, nowcast.last_success_at) == (
        "Unavailable: HTTP 500",
        CAPTURE_TIME,
        None,
    )
    assert nowcast.consecutive_failures == 1
    assert nowcast.next_poll_at == CAPTURE_TIME + timedelta(seconds=240)
    assert nowcast.last_duration_ms is not None
    terkini = health("bmkg-gempaterkini")
    assert (terkini.last_success_at, terkini.last_error) == (CAPTURE_TIME, None)
    assert terkini.consecutive_failures == 0
    assert terkini.next_poll_at == CAPTURE_TIME + timedelta(seconds=120)


def test_a_failing_source_waits_twice_as_long_after_each_failure_up_to_the_cap(feeds, clock):
    serve_all(feeds)
    feeds.serve(NOWCAST_LIST, "oops", status=503)
    waits = []
    for _ in range(6):
        poll_sources()
        source = health(NOWCAST)
        waits.append((source.next_poll_at - clock.now).total_seconds())
        clock.set(source.next_poll_at)
    serve_all(feeds)
    poll_sources()

    assert waits == [240, 480, 960, MAX_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS, MAX_BACKOFF_SECONDS]
    source = health(NOWCAST)
    assert source.consecutive_failures == 0 and source.last_success_at == clock.now
    assert source.next_poll_at == clock.now + timedelta(seconds=120)
    assert source.last_error == "Unavailable: HTTP 503"  # the last error stays, for the record


def test_the_periodic_job_polls_a_source_only_when_its_time_has_come(feeds, clock):
    serve_all(feeds)

    def list_requests() -> int:
        return feeds.paths().count(NOWCAST_LIST)

    poll_warning_sources()
    first = list_requests()
    poll_warning_sources()  # the next tick, 30 s later
    clock.advance(119)
    poll_warning_sources()
    before = list_requests()
    clock.advance(1)
    poll_warning_sources()

    assert (first, before, list_requests()) == (1, 1, 2)


def test_a_forced_poll_ignores_the_schedule(feeds):
    serve_all(feeds)
    poll_sources()

    forced = poll_sources(force=True)

    assert [report.source for report in forced] == SOURCES
    assert feeds.paths().count(NOWCAST_LIST) == 2


def test_flask_warnings_poll_says_what_each_source_did(app, feeds, acted_on):
    serve_all(feeds)
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "75")]), etag='"v1"')
    serve_warning(feeds, 1, CAPTURE_TIME, [ring_inside(KELURAHAN_A)])
    feeds.serve(QUAKE_FOLDER + "gempadirasakan.json", "nope", status=500)
    runner = app.test_cli_runner()

    first = runner.invoke(args=["warnings", "poll"])
    second = runner.invoke(args=["warnings", "poll"])

    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == [
        "bmkg-nowcast: fetched, 1 new (1 accepted), 0 known, 1 of other provinces skipped",
        "bmkg-autogempa: fetched, 1 new (0 accepted), 0 known",
        "bmkg-gempaterkini: fetched, 2 new (0 accepted), 0 known",
        "bmkg-gempadirasakan: error: Unavailable: HTTP 500",
    ]
    assert second.output.splitlines()[:3] == [
        "bmkg-nowcast: not modified",
        "bmkg-autogempa: fetched, 0 new (0 accepted), 1 known",
        "bmkg-gempaterkini: fetched, 0 new (0 accepted), 2 known",
    ]


def test_a_validator_too_long_to_keep_is_dropped_and_the_next_fetch_is_unconditional(feeds):
    serve_all(feeds)
    feeds.serve_fixture(QUAKE_FOLDER + "autogempa.json", "autogempa.json", etag='"' + "x" * 300 + '"')

    poll_sources(force=True)
    poll_sources(force=True)

    assert health("bmkg-autogempa").etag is None
    asked = [r for r in feeds.requests if r.path == QUAKE_FOLDER + "autogempa.json"]
    assert "If-None-Match" not in asked[1].headers
