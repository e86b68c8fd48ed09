"""What detection and operators share: tying requests to an incident, the timeline, and linking
the official warnings whose area covers an incident's."""

from collections import Counter

from sqlalchemy import or_, select

from ..accounts.models import User
from ..audit.services import record as record_audit
from ..database import utcnow
from ..errors import Conflict
from ..extensions import db
from ..places.models import Kelurahan
from ..service_requests.models import ServiceRequest
from ..warnings.models import OfficialWarning, WarningStatus
from .models import OPEN_STATES, EventKind, Incident, IncidentEvent, IncidentRequest

# An official warning is active while it was accepted (sent, or a draft awaiting an operator) and
# has not expired.
ACTIVE_WARNING_STATES = (WarningStatus.SENT, WarningStatus.DRAFT)


def kelurahan_by_id(kelurahan_id: int) -> Kelurahan:
    return db.session.get(Kelurahan, kelurahan_id)


def record(incident: Incident, kind: str, author: User | None, text: str | None, data: dict | None = None):
    """Add one entry to the incident's timeline (committed with the change it records)."""
    event = IncidentEvent(
        incident_id=incident.id,
        kind=kind,
        author_id=author.id if author else None,
        text=text,
        data=data or {},
        created_at=utcnow(),
    )
    db.session.add(event)
    return event


def audit(incident: Incident, action: str, actor: User, details: dict | None = None) -> None:
    """The audit row of an operator's action on the incident, in the same transaction."""
    record_audit(action, target_type="incident", target_id=incident.id, details=details, actor=actor)


def tie_requests(incident: Incident, request_ids, moving: bool = False) -> list[str]:
    """Tie requests to the incident; their codes. A request tied to another open incident is refused
    unless `moving` (a merge); one unlinked earlier, or tied to a closed incident, is tied again."""
    ids = list(request_ids)
    rows = db.session.scalars(select(IncidentRequest).where(IncidentRequest.request_id.in_(ids)))
    existing = {row.request_id: row for row in rows}
    now = utcnow()
    for request_id in ids:
        row = existing.get(request_id)
        if row is None:
            db.session.add(IncidentRequest(request_id=request_id, incident_id=incident.id, linked_at=now))
            continue
        if row.incident_id == incident.id and row.unlinked_at is None:
            continue
        if row.unlinked_at is None and not moving and _is_open(row.incident_id):
            raise Conflict(f"A request is already part of incident {row.incident_id}.")
        row.incident_id, row.linked_at, row.unlinked_at = incident.id, now, None
    return list(db.session.scalars(select(ServiceRequest.code).where(ServiceRequest.id.in_(ids))))


def _is_open(incident_id: int) -> bool:
    return db.session.get(Incident, incident_id).state in OPEN_STATES


def most_common_opd(request_ids) -> int | None:
    """The OPD most of the requests are with: the lead OPD an incident starts with."""
    opds = db.session.scalars(select(ServiceRequest.opd_id).where(ServiceRequest.id.in_(list(request_ids))))
    ranked = Counter(opds).most_common(1)
    return ranked[0][0] if ranked else None


def active_warnings() -> list[OfficialWarning]:
    now = utcnow()
    return list(
        db.session.scalars(
            select(OfficialWarning).where(
                OfficialWarning.status.in_(ACTIVE_WARNING_STATES),
                or_(OfficialWarning.expires_at.is_(None), OfficialWarning.expires_at > now),
            )
        )
    )


def link_covering_warnings(incidents: list[Incident] | None = None) -> None:
    """Link every active warning whose kelurahan cover part of an open incident's area (few rows
    of each: the check is done here rather than in JSON SQL, which the two databases spell apart)."""
    warnings = active_warnings()
    if not warnings:
        return
    if incidents is None:
        incidents = list(db.session.scalars(select(Incident).where(Incident.state.in_(OPEN_STATES))))
    for incident in incidents:
        area = set(incident.kelurahan_codes)
        for warning in warnings:
            if warning not in incident.warnings and area & set(warning.kelurahan_codes or []):
                incident.warnings.append(warning)
                record(incident, EventKind.WARNING, None, warning.event, {"warning": warning.id})
