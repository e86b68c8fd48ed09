"""From the feed to the devices, through every real part: the local feed server, the poll, the real
alerting.act_on, the job runner and the fake push service decrypting. The province-64 warning and
the earthquake are synthetic (synthetic.py)."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from backend.extensions import db
from backend.warnings.intake import poll_sources
from backend.warnings.models import OfficialWarning, WarningStatus

from ..push.helpers import subscribe, wait_for_jobs
from .synthetic import (
    KELURAHAN_A,
    KELURAHAN_B,
    NOWCAST_LIST,
    QUAKE_FOLDER,
    identifier,
    nowcast_list,
    quake,
    quake_feed,
    ring_inside,
    serve_warning,
)

ELSEWHERE = "64.71.02.1001"


@pytest.fixture
def devices(app, client, push_service, feeds, clock):
    """A device in each of the warning's two kelurahan, one in another, one with no area; the clock
    at the real time (push services check the VAPID token's expiry against it)."""
    clock.set(datetime.now(UTC).replace(microsecond=0))
    placed = {name: push_service.device() for name in ("a", "b", "elsewhere", "nowhere")}
    areas = {"a": KELURAHAN_A, "b": KELURAHAN_B, "elsewhere": ELSEWHERE}
    for name, device in placed.items():
        subscribe(client, device, kelurahan=areas.get(name), topics=["alerts"])
    return placed


def pushes(devices) -> dict:
    return {name: len(device.received) for name, device in devices.items()}


def test_a_polled_warning_reaches_each_device_of_its_two_kelurahan_once_and_a_replay_nothing(
    app, feeds, clock, devices, push_service
):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "75")]))
    serve_warning(
        feeds, 1, clock.now - timedelta(minutes=5), [ring_inside(KELURAHAN_A), ring_inside(KELURAHAN_B)]
    )

    poll_sources(force=True)
    wait_for_jobs(app)
    poll_sources(force=True)
    wait_for_jobs(app)

    assert push_service.errors == []
    assert pushes(devices) == {"a": 1, "b": 1, "elsewhere": 0, "nowhere": 0}
    warning = db.session.scalar(select(OfficialWarning).where(OfficialWarning.identifier == identifier(1)))
    assert warning.status == WarningStatus.SENT and warning.article_id is not None
    assert devices["a"].received[0].payload["title"] == "Hujan Lebat disertai Petir di Kalimantan Timur"


def test_a_strong_near_earthquake_in_three_feeds_reaches_every_device_once(
    app, feeds, clock, devices, push_service
):
    event = quake(clock.now - timedelta(minutes=3), -1.5, 117.2, 5.4, Potensi="Tidak berpotensi tsunami")
    for name in ("autogempa.json", "gempaterkini.json", "gempadirasakan.json"):
        feeds.serve(QUAKE_FOLDER + name, quake_feed([event]))

    poll_sources(force=True)
    wait_for_jobs(app)

    assert push_service.errors == []
    assert pushes(devices) == {"a": 1, "b": 1, "elsewhere": 1, "nowhere": 1}


def poll_and_send(app) -> None:
    poll_sources(force=True)
    wait_for_jobs(app)


def topics(device) -> list[str]:
    return [message.topic for message in device.received]


def test_an_update_and_then_a_cancel_reach_the_right_devices_under_the_first_alerts_topic(
    app, feeds, clock, devices, push_service
):
    """Synthetic: warning 1 over kelurahan A and B; its Update (2) narrows it to A; its Cancel (3)
    withdraws it. Each replaces the notification before it on the device (one Topic)."""
    sent = clock.now - timedelta(minutes=5)
    both, only_a = [ring_inside(KELURAHAN_A), ring_inside(KELURAHAN_B)], [ring_inside(KELURAHAN_A)]
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")]))
    serve_warning(feeds, 1, sent, both)
    poll_and_send(app)

    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "64")]))
    serve_warning(feeds, 2, sent + timedelta(minutes=2), only_a, msg_type="Update", references=[1])
    poll_and_send(app)
    assert pushes(devices) == {"a": 2, "b": 1, "elsewhere": 0, "nowhere": 0}

    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "64"), (3, "64")]))
    serve_warning(feeds, 3, sent + timedelta(minutes=4), only_a, msg_type="Cancel", references=[2])
    poll_and_send(app)

    assert push_service.errors == []
    assert pushes(devices) == {"a": 3, "b": 2, "elsewhere": 0, "nowhere": 0}
    assert len(set(topics(devices["a"]) + topics(devices["b"]))) == 1
    assert devices["b"].received[-1].payload["title"].startswith("Dicabut")
    statuses = dict(db.session.execute(select(OfficialWarning.identifier, OfficialWarning.status)).all())
    assert [statuses[identifier(n)] for n in (1, 2)] == [WarningStatus.REPLACED, WarningStatus.CANCELLED]


def test_an_expired_warning_and_another_provinces_send_nothing(app, feeds, clock, devices, push_service):
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64"), (2, "75")]))
    serve_warning(feeds, 1, clock.now - timedelta(hours=3), [ring_inside(KELURAHAN_A)], hours=2)

    poll_and_send(app)

    assert pushes(devices) == {"a": 0, "b": 0, "elsewhere": 0, "nowhere": 0}
    assert not any("CKT20260924002" in path for path in feeds.paths())  # province 75: never fetched
    assert db.session.scalar(select(OfficialWarning.status)) == WarningStatus.SEEN
