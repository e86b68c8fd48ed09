"""Polling the warning sources: each feed on its own schedule, its health kept on its WarningSource.

One source per feed: `bmkg-nowcast` (the RSS list of CAP documents) and `bmkg-autogempa`,
`bmkg-gempaterkini`, `bmkg-gempadirasakan` (the earthquake feeds). The tick runs every 30 s; a
source is polled when its `next_poll_at` has come (every `poll_seconds` of the pack; after failures
the wait doubles, up to MAX_BACKOFF_SECONDS). A source that is down, slow or answers garbage records
the error and never stops the other sources or the tick.
"""

import logging
import time
from collections.abc import Callable
from datetime import timedelta
from urllib.parse import urljoin

from flask import current_app
from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from ..jobs import periodic
from ..places.services import warning_settings
from .cap import CapError
from .earthquakes import FEEDS, FeedError, take_earthquakes
from .fetch import FetchError, fetch
from .models import WarningSource
from .nowcast import take_nowcast
from .storing import PollReport

log = logging.getLogger(__name__)
NOWCAST = "bmkg-nowcast"
MAX_BACKOFF_SECONDS = 30 * 60
# A poll holds its source this long (a dead worker's claim lapses; overlapping ticks skip it).
CLAIM_SECONDS = 5 * 60


def configured_sources(settings: dict) -> dict[str, tuple[str, Callable]]:
    """{source name: (URL, what takes its answer in)}; a feed without a URL is not polled."""
    sources = {}
    if settings["nowcast_url"]:
        sources[NOWCAST] = (settings["nowcast_url"], take_nowcast)
    if settings["earthquake_url"]:
        folder = settings["earthquake_url"].rstrip("/") + "/"
        for feed in FEEDS:
            sources[f"bmkg-{feed.removesuffix('.json')}"] = (urljoin(folder, feed), take_earthquakes)
    return sources


def poll_sources(force: bool = False) -> list[PollReport]:
    """Poll the sources whose time has come (every source with `force`), one after another."""
    settings = warning_settings()
    reports = []
    for name, (url, take) in configured_sources(settings).items():
        source = _source(name, url)
        if force or _claim(name):
            reports.append(_poll(source, take, settings))
    return reports


@periodic
def poll_warning_sources() -> None:
    """The tick's share: poll the warning sources that are due."""
    for report in poll_sources():
        log.info("Warning source polled: %s", report.line())


def _poll(source: WarningSource, take: Callable, settings: dict) -> PollReport:
    report, started = PollReport(source.name), time.monotonic()
    deadline = current_app.config["WARNINGS_FETCH_SECONDS"]
    try:
        fetched = fetch(source.url, deadline, source.etag, source.last_modified)
        if fetched is None:
            report.outcome = "not modified"
        else:
            take(source, fetched, settings, report)
    except Exception as error:  # anything a source does wrong must not stop the other sources
        db.session.rollback()
        if not isinstance(error, FetchError | CapError | FeedError):
            log.exception("Warning source %s failed", source.name)
        report.outcome, report.error = "error", f"{type(error).__name__}: {error}"[:300]
        _record(source, report, started, settings)
        return report
    # The validators are kept only when every item was taken in: otherwise a 304 would hide the rest.
    if fetched is not None and not report.left:
        source.etag = _fitting(fetched.etag, WarningSource.etag)
        source.last_modified = _fitting(fetched.last_modified, WarningSource.last_modified)
    _record(source, report, started, settings)
    return report


def _fitting(validator: str | None, column) -> str | None:
    """A validator too long for its column is not kept (the next fetch is then unconditional)."""
    return validator if validator and len(validator) <= column.type.length else None


def _record(source: WarningSource, report: PollReport, started: float, settings: dict) -> None:
    """The poll's outcome on the source's health, and when it is polled next."""
    now = utcnow()
    source.last_polled_at = now
    source.last_duration_ms = round((time.monotonic() - started) * 1000)
    if report.outcome == "error":
        source.consecutive_failures += 1
        source.last_error, source.last_error_at = report.error, now
        wait = min(settings["poll_seconds"] * 2**source.consecutive_failures, MAX_BACKOFF_SECONDS)
    else:
        source.consecutive_failures, source.last_success_at = 0, now
        if report.problems:  # it answered, but some of what it gave was refused
            source.last_error, source.last_error_at = report.problems[-1][:300], now
        wait = settings["poll_seconds"]
    source.next_poll_at = now + timedelta(seconds=wait)
    db.session.commit()


def _source(name: str, url: str) -> WarningSource:
    """The source's row, made on first use; a changed URL (an override) forgets the validators."""
    source = db.session.get(WarningSource, name)
    if source is None:
        db.session.add(WarningSource(name=name, url=url, consecutive_failures=0))
        try:
            db.session.commit()
        except IntegrityError:  # made by an overlapping tick
            db.session.rollback()
        return db.session.get(WarningSource, name)
    if source.url != url:
        source.url, source.etag, source.last_modified = url, None, None
        db.session.commit()
    return source


def _claim(name: str) -> bool:
    """Take the source's turn if it has come: overlapping ticks do not poll it twice."""
    now = utcnow()
    claimed = db.session.execute(
        update(WarningSource)
        .where(
            WarningSource.name == name,
            or_(WarningSource.next_poll_at.is_(None), WarningSource.next_poll_at <= now),
        )
        .values(next_poll_at=now + timedelta(seconds=CLAIM_SECONDS))
    ).rowcount
    db.session.commit()
    return bool(claimed)
