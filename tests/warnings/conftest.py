"""The warnings tests' feed server, and the app pointed at it (BMKG_NOWCAST_URL, BMKG_EARTHQUAKE_URL)."""

from datetime import UTC, datetime

import pytest

from backend.warnings import alerting

from .feed_server import FeedServer
from .synthetic import NOWCAST_LIST, QUAKE_FOLDER

# The fixtures' documents were captured on 2026-09-24; the tests' clock stands just after.
CAPTURE_TIME = datetime(2026, 9, 24, 7, 30, tzinfo=UTC)


@pytest.fixture(scope="session")
def feed_server():
    server = FeedServer()
    yield server
    server.close()


@pytest.fixture
def feeds(app, feed_server, clock):
    """The feed server, empty, with the app's BMKG URLs on it and the clock at the capture time."""
    feed_server.reset()
    clock.set(CAPTURE_TIME)
    saved = {key: app.config[key] for key in ("BMKG_NOWCAST_URL", "BMKG_EARTHQUAKE_URL")}
    app.config["BMKG_NOWCAST_URL"] = feed_server.url + NOWCAST_LIST
    app.config["BMKG_EARTHQUAKE_URL"] = feed_server.url + QUAKE_FOLDER
    yield feed_server
    app.config.update(saved)
    feed_server.reset()


@pytest.fixture
def acted_on(monkeypatch):
    """The warnings handed to alerting.act_on, recorded in its place (test_alerting.py covers what
    it does; test_intake_to_devices.py the two together), each with whether it was already flushed
    in the open transaction when act_on saw it."""
    calls = []

    def record(warning):
        calls.append((warning.identifier, warning.id is not None))

    monkeypatch.setattr(alerting, "act_on", record)
    return calls
