"""Detection: a month of ordinary reports opens at most one incident; a flood burst in one
kelurahan opens a proposed incident within 5 simulated minutes, with the reports that made it, the
reason in both languages, and the active official warning covering the area (and no other)."""

from datetime import UTC, datetime, timedelta

from backend.extensions import db
from backend.incidents import detection
from backend.incidents.models import IncidentRequest, IncidentState
from backend.warnings.models import OfficialWarning, WarningStatus

from .helpers import GUNUNG_SAMARINDA, MANGGAR, detect_at, file_at, incidents, quiet_month

MONTH_START = datetime(2026, 10, 1, tzinfo=UTC)
BURST_START = datetime(2026, 11, 3, 9, 0, 30, tzinfo=UTC)  # 17:00 WITA, a Tuesday
SETTINGS = {"window_minutes": 60, "baseline_weeks": 4, "min_reports": 5, "factor": 3.0}


def run_through(times: list[datetime]) -> None:
    """Detection at each every-minute run that follows a report: the only runs at which a count can
    newly cross (between them, reports only leave the window). The schedule itself is tested below."""
    for minute in sorted({at.replace(second=0, microsecond=0) + timedelta(minutes=1) for at in times}):
        detection.run(minute)


def test_a_quiet_month_opens_at_most_one_incident_and_a_burst_opens_one_within_five_minutes(app, clock):
    times = quiet_month(MONTH_START, days=33)
    assert len(times) > 2500
    run_through(times)
    quiet = incidents()
    assert len(quiet) <= 1

    opened_at = None
    at, tick, filed = BURST_START, BURST_START.replace(second=0) + timedelta(seconds=30), []
    while len(filed) < 14:
        if at <= tick:
            filed.append(file_at(clock, at))
            at += timedelta(seconds=40)
            continue
        detect_at(clock, tick)
        if opened_at is None and len(incidents()) > len(quiet):
            opened_at = tick
        tick += timedelta(seconds=30)
    detect_at(clock, tick + timedelta(minutes=1))

    assert opened_at is not None and opened_at - BURST_START <= timedelta(minutes=5)
    [incident] = incidents()[len(quiet) :]
    assert incident.state == IncidentState.PROPOSED
    assert incident.kelurahan_codes == [GUNUNG_SAMARINDA] and incident.group.code == "infrastruktur"
    assert incident.reason["id"].startswith("5 laporan infrastruktur dalam 60 menit; biasanya ")
    assert incident.reason["en"].startswith("5 infrastructure reports in 60 minutes; usually ")
    linked = db.session.scalars(
        db.select(IncidentRequest.request_id).where(IncidentRequest.incident_id == incident.id)
    ).all()
    assert sorted(linked) == sorted(request.id for request in filed)  # later reports joined it
    assert incident.lead_opd.code == filed[0].opd.code


def test_detection_runs_at_most_once_a_minute_however_often_it_is_ticked(app, clock):
    start = BURST_START
    for number in range(5):
        file_at(clock, start + timedelta(seconds=number))
    detect_at(clock, start - timedelta(seconds=1))  # the first run: nothing yet in the window
    detect_at(clock, start + timedelta(seconds=30))
    assert incidents() == []  # 31 s after the last run: not due
    detect_at(clock, start + timedelta(seconds=60))
    assert len(incidents()) == 1


def test_a_dismissed_surge_does_not_fire_again_and_an_open_one_gathers_new_reports(app, clock, operator):
    for number in range(5):
        file_at(clock, BURST_START + timedelta(seconds=number))
    [incident] = detection.run(BURST_START + timedelta(minutes=1))
    later = file_at(clock, BURST_START + timedelta(minutes=2))
    detection.run(BURST_START + timedelta(minutes=3))
    assert db.session.get(IncidentRequest, later.id).incident_id == incident.id

    from backend.incidents.services import dismiss

    dismiss(incident.id, operator, "Laporan ganda dari satu warga")
    file_at(clock, BURST_START + timedelta(minutes=4))
    assert detection.run(BURST_START + timedelta(minutes=5)) == []


def test_the_usual_count_of_the_same_hour_in_past_weeks_raises_the_bar(app, clock):
    for week in range(1, 5):  # a busy drain: 4 reports at this hour every week
        for number in range(4):
            file_at(clock, BURST_START - timedelta(weeks=week, minutes=number))
    for number in range(6):
        file_at(clock, BURST_START + timedelta(seconds=number))
    assert detection.threshold(4.0, SETTINGS) == 12
    assert detection.run(BURST_START + timedelta(minutes=1)) == []  # 6 < 3 x 4
    for number in range(6):
        file_at(clock, BURST_START + timedelta(minutes=2, seconds=number))
    [incident] = detection.run(BURST_START + timedelta(minutes=3))
    assert incident.reason["id"] == "12 laporan infrastruktur dalam 60 menit; biasanya 4"
    assert incident.reason["en"] == "12 infrastructure reports in 60 minutes; usually 4"


def warning(identifier: str, kelurahan: list[str], expires_in: timedelta, status=WarningStatus.SENT):
    row = OfficialWarning(
        kind="weather",
        source="bmkg-nowcast",
        identifier=identifier,
        status=status,
        sent_at=BURST_START - timedelta(hours=1),
        expires_at=BURST_START + expires_in,
        event="Hujan lebat",
        kelurahan_codes=kelurahan,
    )
    db.session.add(row)
    db.session.commit()
    return row


def test_the_active_warning_covering_the_burst_is_linked_and_others_are_not(app, clock):
    covering = warning("covering", [GUNUNG_SAMARINDA, "64.71.03.1005"], timedelta(hours=3))
    warning("elsewhere", [MANGGAR], timedelta(hours=3))
    warning("expired", [GUNUNG_SAMARINDA], -timedelta(minutes=5))
    warning("replaced", [GUNUNG_SAMARINDA], timedelta(hours=3), status=WarningStatus.REPLACED)
    for number in range(5):
        file_at(clock, BURST_START + timedelta(seconds=number))
    [incident] = detection.run(BURST_START + timedelta(minutes=1))
    assert [linked.identifier for linked in incident.warnings] == [covering.identifier]

    later = warning("later", [GUNUNG_SAMARINDA], timedelta(hours=2))  # issued while it is open
    detection.run(BURST_START + timedelta(minutes=2))
    assert {linked.identifier for linked in incident.warnings} == {"covering", later.identifier}
