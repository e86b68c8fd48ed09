"""Detection: a surge of new reports of one kind in one kelurahan opens a proposed incident.

The rule, in one sentence (the screen shows it): at least `min_reports` new reports of one service
group in one kelurahan within the last `window_minutes`, and at least `factor` times the usual
count, the usual count being the mean over the past `baseline_weeks` weeks of the same window at
the same time of the week (weeks before the first report count as none). Reports already tied to an
incident (open, resolved or dismissed) never count again, so a dismissed surge does not come back;
new reports of an open incident's area and kind join it instead.

Runs from the periodic tick (every 30 s), but at most once per `every_seconds` by its own schedule,
claimed with one conditional UPDATE so that overlapping ticks and workers run it once. Its reads of
service_requests are bounded by time ranges on indexed columns (the window on created_at; the past
weeks' windows, only for candidates, on kelurahan and created_at), so their cost follows the reports
in those windows, not the size of the table (bench/incident_detection.py).
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from ..catalog.models import Service, ServiceGroup
from ..database import utcnow
from ..extensions import db
from ..jobs import periodic
from ..places.services import incident_settings
from ..service_requests.models import ServiceRequest as R
from . import linking
from .models import (
    OPEN_STATES,
    DetectionSchedule,
    EventKind,
    Incident,
    IncidentRequest,
    IncidentState,
    incident_kelurahan,
)

SCHEDULE_ID = 1


@dataclass(frozen=True)
class Surge:
    """A crossing: the reports in the window of one kelurahan and group, and the usual count."""

    kelurahan_id: int
    group_id: int
    request_ids: tuple[int, ...]
    usual: float


@dataclass
class Survey:
    """What one run found: reports that join open incidents, and surges that open new ones."""

    joins: dict[int, list[int]] = field(default_factory=dict)  # incident id -> request ids
    surges: list[Surge] = field(default_factory=list)


def threshold(usual: float, settings: dict) -> int:
    """How many reports in the window make a surge, given the usual count there."""
    return max(settings["min_reports"], math.ceil(settings["factor"] * usual - 1e-9))


def _window_reports(now: datetime, minutes: int) -> list:
    """The reports with a kelurahan filed in the window: (id, kelurahan, group, already tied?)."""
    return db.session.execute(
        select(R.id, R.kelurahan_id, Service.group_id, IncidentRequest.request_id.is_not(None).label("tied"))
        .join(Service, Service.id == R.service_id)
        .outerjoin(IncidentRequest, IncidentRequest.request_id == R.id)
        .where(
            R.created_at > now - timedelta(minutes=minutes), R.created_at <= now, R.kelurahan_id.is_not(None)
        )
    ).all()


def _usual_counts(kelurahan_ids: set[int], now: datetime, settings: dict) -> dict[tuple[int, int], float]:
    """The mean count per (kelurahan, group) in the same window of each of the past weeks."""
    window = timedelta(minutes=settings["window_minutes"])
    weeks = settings["baseline_weeks"]
    past = [now - timedelta(weeks=week) for week in range(1, weeks + 1)]
    rows = db.session.execute(
        select(R.kelurahan_id, Service.group_id, func.count())
        .join(Service, Service.id == R.service_id)
        .where(
            R.kelurahan_id.in_(sorted(kelurahan_ids)),
            or_(*(and_(R.created_at > end - window, R.created_at <= end) for end in past)),
        )
        .group_by(R.kelurahan_id, Service.group_id)
    )
    return {(kelurahan, group): count / weeks for kelurahan, group, count in rows}


def _open_incident_areas() -> dict[tuple[int, int], int]:
    """(kelurahan, group) -> the open incident covering it (the oldest, should two overlap)."""
    rows = db.session.execute(
        select(incident_kelurahan.c.kelurahan_id, Incident.group_id, Incident.id)
        .join(Incident, Incident.id == incident_kelurahan.c.incident_id)
        .where(Incident.state.in_(OPEN_STATES))
        .order_by(Incident.id.desc())
    )
    return {(kelurahan, group): incident for kelurahan, group, incident in rows}


def survey(now: datetime, settings: dict) -> Survey:
    """Read what detection would do at `now`, writing nothing (the benchmark times this)."""
    found = Survey()
    open_areas = _open_incident_areas()
    loose: dict[tuple[int, int], list[int]] = defaultdict(list)
    for request_id, kelurahan_id, group_id, tied in _window_reports(now, settings["window_minutes"]):
        if tied:
            continue
        incident_id = open_areas.get((kelurahan_id, group_id))
        if incident_id is not None:
            found.joins.setdefault(incident_id, []).append(request_id)
        else:
            loose[(kelurahan_id, group_id)].append(request_id)
    candidates = {area: ids for area, ids in loose.items() if len(ids) >= settings["min_reports"]}
    if not candidates:
        return found
    usual = _usual_counts({kelurahan for kelurahan, _ in candidates}, now, settings)
    for (kelurahan_id, group_id), ids in sorted(candidates.items()):
        expected = usual.get((kelurahan_id, group_id), 0.0)
        if len(ids) >= threshold(expected, settings):
            found.surges.append(Surge(kelurahan_id, group_id, tuple(sorted(ids)), expected))
    return found


def _usual_text(usual: float, language: str) -> str:
    text = str(round(usual)) if abs(usual - round(usual)) < 0.05 else f"{usual:.1f}"
    return text.replace(".", ",") if language == "id" else text


def reason(count: int, group: ServiceGroup, usual: float, minutes: int) -> dict:
    """Why it fired, in both languages: "14 laporan banjir dalam 60 menit; biasanya 1"."""
    names = {language: (group.name.get(language) or group.name["id"]).lower() for language in ("id", "en")}
    return {
        "id": f"{count} laporan {names['id']} dalam {minutes} menit; biasanya {_usual_text(usual, 'id')}",
        "en": f"{count} {names['en']} reports in {minutes} minutes; usually {_usual_text(usual, 'en')}",
    }


def _open_proposed(surge: Surge, settings: dict) -> Incident:
    group = db.session.get(ServiceGroup, surge.group_id)
    incident = Incident(
        state=IncidentState.PROPOSED,
        group=group,
        source="detection",
        reason=reason(len(surge.request_ids), group, surge.usual, settings["window_minutes"]),
        window_count=len(surge.request_ids),
        baseline=surge.usual,
        created_at=utcnow(),
    )
    incident.kelurahan = [linking.kelurahan_by_id(surge.kelurahan_id)]
    db.session.add(incident)
    db.session.flush()
    codes = linking.tie_requests(incident, surge.request_ids)
    incident.lead_opd_id = linking.most_common_opd(surge.request_ids)
    linking.record(incident, EventKind.PROPOSED, None, incident.reason["id"], {"requests": codes})
    return incident


def apply(found: Survey, settings: dict) -> list[Incident]:
    """Tie the joining reports, open the proposed incidents, link covering warnings; commit."""
    for incident_id, request_ids in found.joins.items():
        incident = db.session.get(Incident, incident_id)
        codes = linking.tie_requests(incident, request_ids)
        linking.record(incident, EventKind.JOINED, None, None, {"requests": codes})
    opened = [_open_proposed(surge, settings) for surge in found.surges]
    linking.link_covering_warnings()
    db.session.commit()
    return opened


def run(now: datetime | None = None) -> list[Incident]:
    """One detection pass at `now`: the incidents it opened."""
    settings = incident_settings()
    return apply(survey(now or utcnow(), settings), settings)


def _claim(now: datetime, every_seconds: int) -> bool:
    """Take this interval's run; False when another run took it (or it is not yet due)."""
    claimed = db.session.execute(
        update(DetectionSchedule)
        .where(DetectionSchedule.id == SCHEDULE_ID, DetectionSchedule.next_run_at <= now)
        .values(next_run_at=now + timedelta(seconds=every_seconds), last_run_at=now)
    ).rowcount
    if claimed:
        db.session.commit()
        return True
    if db.session.get(DetectionSchedule, SCHEDULE_ID) is not None:
        db.session.rollback()
        return False
    db.session.add(
        DetectionSchedule(id=SCHEDULE_ID, next_run_at=now + timedelta(seconds=every_seconds), last_run_at=now)
    )
    try:
        db.session.commit()
    except IntegrityError:  # a twin run made the row a moment ago, and so took this interval
        db.session.rollback()
        return False
    return True


@periodic
def detect_incidents() -> None:
    """The periodic tick's detection: at most once per `every_seconds` (city pack)."""
    now = utcnow()
    if _claim(now, incident_settings()["every_seconds"]):
        run(now)
