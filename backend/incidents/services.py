"""Incidents as operators work them: reading (staff see those of their OPD), opening by hand,
confirming, dismissing, merging, linking and unlinking requests, the lead OPD and notes. Every
change is one timeline entry, committed with it."""

from sqlalchemy import exists, or_, select

from ..accounts.models import User
from ..catalog.models import Service, ServiceGroup
from ..database import utcnow
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db
from ..lookups import by_code
from ..pagination import Page, keyset_page
from ..places.models import Kelurahan
from ..places.services import get_opd
from ..push.models import Campaign, CampaignStatus
from ..security import WATCHERS, Role
from ..service_requests.models import OPEN_STATUSES, ServiceRequest
from . import linking
from .models import OPEN_STATES, EventKind, Incident, IncidentEvent, IncidentRequest, IncidentState

NOT_OPEN = "Only a proposed or active incident can be changed."
NEWEST_FIRST = [ServiceRequest.created_at, ServiceRequest.id]
ENDED_CAMPAIGNS = (CampaignStatus.DONE, CampaignStatus.CANCELLED)


def _involving_opd(opd_id: int):
    """Incidents led by the OPD, or with a linked request routed to it."""
    routed = exists().where(
        IncidentRequest.incident_id == Incident.id,
        IncidentRequest.unlinked_at.is_(None),
        ServiceRequest.id == IncidentRequest.request_id,
        ServiceRequest.opd_id == opd_id,
    )
    return or_(Incident.lead_opd_id == opd_id, routed)


def works_incidents(user: User) -> bool:
    """Operators and admins run incidents; they alone see an alert's delivery."""
    return user.role in WATCHERS


def may_read(incident: Incident, user: User) -> bool:
    if works_incidents(user):
        return True
    query = select(Incident.id).where(Incident.id == incident.id, _involving_opd(user.opd_id))
    return user.role == Role.OPD_STAFF and db.session.scalar(query) is not None


def list_incidents(user: User, args: dict) -> Page:
    """Newest first; filter by state(s), kelurahan or group; OPD staff see those of their OPD."""
    query = select(Incident)
    if user.role == Role.OPD_STAFF:
        query = query.where(_involving_opd(user.opd_id))
    if args.get("state"):
        query = query.where(Incident.state.in_(args["state"]))
    if args.get("group"):
        query = query.where(Incident.group.has(ServiceGroup.code == args["group"]))
    if args.get("kelurahan"):
        query = query.where(Incident.kelurahan.any(Kelurahan.code == args["kelurahan"]))
    return keyset_page(query, [Incident.id], args.get("cursor"), args["limit"])


def get_incident(incident_id: int, for_update: bool = False) -> Incident:
    """The incident; `for_update` locks its row (PostgreSQL) so that two changes never cross."""
    lock = {"of": Incident} if for_update else None
    incident = db.session.get(Incident, incident_id, with_for_update=lock, populate_existing=for_update)
    if incident is None:
        raise NotFound("Unknown incident.")
    return incident


def get_readable(incident_id: int, user: User) -> Incident:
    """The incident when the user may read it; 404 for staff of an OPD it does not involve."""
    incident = get_incident(incident_id)
    if not may_read(incident, user):
        raise NotFound("Unknown incident.")
    return incident


def _open_incident(incident_id: int) -> Incident:
    incident = get_incident(incident_id, for_update=True)
    if not incident.is_open:
        raise Conflict(NOT_OPEN)
    return incident


def linked_requests(incident: Incident, args: dict) -> Page:
    """The requests linked to the incident, newest first, a page at a time (there can be hundreds)."""
    query = (
        select(ServiceRequest)
        .join(IncidentRequest, IncidentRequest.request_id == ServiceRequest.id)
        .where(IncidentRequest.incident_id == incident.id, IncidentRequest.unlinked_at.is_(None))
    )
    return keyset_page(query, NEWEST_FIRST, args.get("cursor"), args["limit"])


def link_candidates(incident: Incident, args: dict) -> Page:
    """Open requests of the incident's kind in its kelurahan that no open incident holds: what an
    operator may link, newest first."""
    held = (
        select(IncidentRequest.request_id)
        .join(Incident, Incident.id == IncidentRequest.incident_id)
        .where(IncidentRequest.unlinked_at.is_(None), Incident.state.in_(OPEN_STATES))
    )
    query = (
        select(ServiceRequest)
        .join(Service, Service.id == ServiceRequest.service_id)
        .where(
            Service.group_id == incident.group_id,
            ServiceRequest.kelurahan_id.in_([area.id for area in incident.kelurahan]),
            ServiceRequest.status.in_(OPEN_STATUSES),
            ServiceRequest.id.not_in(held),
        )
    )
    return keyset_page(query, NEWEST_FIRST, args.get("cursor"), args["limit"])


def alert_campaigns(incident: Incident) -> list[Campaign]:
    """The area alerts sent from the incident (its timeline names them), oldest first."""
    ids = [event.data["campaign"] for event in incident.events if event.kind == EventKind.ALERT]
    if not ids:
        return []
    return list(db.session.scalars(select(Campaign).where(Campaign.id.in_(ids)).order_by(Campaign.id)))


def failed_deliveries(campaign: Campaign) -> int:
    """An area alert's devices the push service refused, gone ones included."""
    return campaign.failed + campaign.gone


def pending_deliveries(campaign: Campaign) -> int:
    """An area alert's devices still to send to; none once the campaign has ended, since it sends
    nothing more."""
    if campaign.status in ENDED_CAMPAIGNS:
        return 0
    return max(campaign.targeted - campaign.sent - failed_deliveries(campaign), 0)


def _kelurahan(codes: list[str]) -> list[Kelurahan]:
    found = list(db.session.scalars(select(Kelurahan).where(Kelurahan.code.in_(codes))))
    unknown = sorted(set(codes) - {area.code for area in found})
    if unknown:
        raise Invalid(errors={"kelurahan": [f"Unknown kelurahan: {', '.join(unknown)}."]})
    return found


def _group(code: str) -> ServiceGroup:
    return by_code(ServiceGroup, code, "group", "Unknown service group.")


def open_by_hand(actor: User, data: dict) -> Incident:
    """An operator opens an incident (a phone call, say) for picked kelurahan: active at once.
    Matching new reports join it at detection's next run."""
    now = utcnow()
    incident = Incident(
        state=IncidentState.ACTIVE,
        group=_group(data["group"]),
        source="manual",
        reason={"id": data["description"], "en": data["description"]},
        opened_by_id=actor.id,
        confirmed_at=now,
        created_at=now,
        lead_opd=get_opd(data["lead_opd"]) if data.get("lead_opd") else None,
    )
    incident.kelurahan = _kelurahan(data["kelurahan"])
    db.session.add(incident)
    db.session.flush()
    linking.record(
        incident, EventKind.OPENED, actor, data["description"], {"kelurahan": incident.kelurahan_codes}
    )
    linking.audit(incident, "incident.opened", actor, {"kelurahan": incident.kelurahan_codes})
    linking.link_covering_warnings([incident])
    db.session.commit()
    return incident


def confirm(incident_id: int, actor: User) -> Incident:
    incident = get_incident(incident_id, for_update=True)
    if incident.state != IncidentState.PROPOSED:
        raise Conflict("Only a proposed incident can be confirmed.")
    incident.state, incident.confirmed_at = IncidentState.ACTIVE, utcnow()
    linking.record(incident, EventKind.CONFIRMED, actor, None)
    linking.audit(incident, "incident.confirmed", actor)
    db.session.commit()
    return incident


def dismiss(incident_id: int, actor: User, reason: str) -> Incident:
    """Not an incident after all; its reports stay tied to it, so they never fire again."""
    incident = _open_incident(incident_id)
    incident.state, incident.dismissed_at, incident.dismiss_reason = IncidentState.DISMISSED, utcnow(), reason
    linking.record(incident, EventKind.DISMISSED, actor, reason)
    linking.audit(incident, "incident.dismissed", actor, {"reason": reason})
    db.session.commit()
    return incident


def merge(incident_id: int, other_id: int, actor: User) -> Incident:
    """Fold another open incident into this one: its requests, kelurahan and warnings move here;
    it is dismissed as merged."""
    if incident_id == other_id:
        raise Invalid(errors={"other": ["An incident cannot be merged into itself."]})
    incident, other = _open_incident(incident_id), _open_incident(other_id)
    moved = db.session.scalars(
        select(IncidentRequest.request_id).where(
            IncidentRequest.incident_id == other.id, IncidentRequest.unlinked_at.is_(None)
        )
    ).all()
    codes = linking.tie_requests(incident, moved, moving=True)
    incident.kelurahan = sorted({*incident.kelurahan, *other.kelurahan}, key=lambda area: area.code)
    incident.warnings = list({*incident.warnings, *other.warnings})
    other.state, other.dismissed_at, other.merged_into_id = IncidentState.DISMISSED, utcnow(), incident.id
    other.dismiss_reason = f"Merged into incident {incident.id}."
    linking.record(incident, EventKind.MERGED, actor, None, {"incident": other.id, "requests": codes})
    linking.record(other, EventKind.MERGED_INTO, actor, None, {"incident": incident.id})
    linking.audit(incident, "incident.merged", actor, {"other": other.id, "requests": codes})
    db.session.commit()
    return incident


def _request_ids(codes: list[str]) -> list[int]:
    found = dict(
        db.session.execute(
            select(ServiceRequest.code, ServiceRequest.id).where(ServiceRequest.code.in_(codes))
        ).all()
    )
    unknown = sorted(set(codes) - set(found))
    if unknown:
        raise Invalid(errors={"requests": [f"Unknown request: {', '.join(unknown)}."]})
    return list(found.values())


def link(incident_id: int, codes: list[str], actor: User) -> Incident:
    incident = _open_incident(incident_id)
    tied = linking.tie_requests(incident, _request_ids(codes))
    linking.record(incident, EventKind.LINKED, actor, None, {"requests": tied})
    linking.audit(incident, "incident.linked", actor, {"requests": tied})
    db.session.commit()
    return incident


def unlink(incident_id: int, codes: list[str], actor: User) -> Incident:
    """Take requests out; detection will not tie them again."""
    incident = _open_incident(incident_id)
    rows = db.session.scalars(
        select(IncidentRequest).where(
            IncidentRequest.incident_id == incident.id,
            IncidentRequest.request_id.in_(_request_ids(codes)),
            IncidentRequest.unlinked_at.is_(None),
        )
    ).all()
    if not rows:
        raise Invalid(errors={"requests": ["None of these requests is part of this incident."]})
    now = utcnow()
    for row in rows:
        row.unlinked_at = now
    linking.record(incident, EventKind.UNLINKED, actor, None, {"requests": sorted(codes)})
    linking.audit(incident, "incident.unlinked", actor, {"requests": sorted(codes)})
    db.session.commit()
    return incident


def set_lead_opd(incident_id: int, opd_code: str, actor: User) -> Incident:
    incident = _open_incident(incident_id)
    opd = get_opd(opd_code)
    before = incident.lead_opd.code if incident.lead_opd else None
    incident.lead_opd = opd
    linking.record(incident, EventKind.LEAD_OPD, actor, opd.short_name, {"opd": opd.code})
    linking.audit(incident, "incident.lead_opd_set", actor, {"from": before, "to": opd.code})
    db.session.commit()
    return incident


def add_note(incident_id: int, actor: User, text: str) -> IncidentEvent:
    incident = get_incident(incident_id)
    event = linking.record(incident, EventKind.NOTE, actor, text)
    linking.audit(incident, "incident.note_added", actor)
    db.session.commit()
    return event
