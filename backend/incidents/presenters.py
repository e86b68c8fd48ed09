"""Incidents as the command center and OPD staff see them."""

from .actions import alert_texts
from .models import Incident, IncidentEvent
from .public import report_count
from .services import linked_requests, timeline


def _place(row) -> dict | None:
    return {"code": row.code, "name": row.name} if row is not None else None


def present_incident(incident: Incident) -> dict:
    return {
        "id": incident.id,
        "state": incident.state,
        "source": incident.source,
        "kind": {"code": incident.group.code, "name": incident.group.name},
        "area": [_place(area) for area in incident.kelurahan],
        "reason": incident.reason,
        "window_count": incident.window_count,
        "baseline": incident.baseline,
        "lead_opd": {"code": incident.lead_opd.code, "name": incident.lead_opd.short_name}
        if incident.lead_opd
        else None,
        "warnings": [
            {"id": w.id, "event": w.event, "severity": w.severity, "expires_at": w.expires_at}
            for w in incident.warnings
        ],
        "report_count": report_count(incident),
        "created_at": incident.created_at,
        "confirmed_at": incident.confirmed_at,
        "resolved_at": incident.resolved_at,
        "dismissed_at": incident.dismissed_at,
        "dismiss_reason": incident.dismiss_reason,
        "close_message": incident.close_message,
        "merged_into": incident.merged_into_id,
    }


def present_event(event: IncidentEvent) -> dict:
    author = {"name": event.author.name, "role": event.author.role} if event.author else None
    return {
        "id": event.id,
        "kind": event.kind,
        "author": author,
        "text": event.text,
        "data": event.data,
        "created_at": event.created_at,
    }


def present_detail(incident: Incident) -> dict:
    requests = [
        {
            "code": request.code,
            "service": request.service.code,
            "status": request.status,
            "kelurahan": request.kelurahan.code if request.kelurahan else None,
            "opd": request.opd.code,
            "lat": request.lat,
            "long": request.long,
            "created_at": request.created_at,
        }
        for request in linked_requests(incident)
    ]
    return present_incident(incident) | {
        "timeline": [present_event(event) for event in timeline(incident)],
        "requests": requests,
        "alert_draft": alert_texts(incident),
    }
