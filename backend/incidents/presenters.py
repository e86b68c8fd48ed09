"""Incidents as the command center and OPD staff see them."""

from ..accounts.models import User
from ..push.models import Campaign, CampaignStatus
from ..service_requests.models import ServiceRequest
from .actions import alert_texts
from .models import Incident, IncidentEvent
from .public import report_count
from .services import alert_campaigns, timeline, works_incidents

# A campaign that ended sends nothing more: what it did not send is not pending.
ENDED = (CampaignStatus.DONE, CampaignStatus.CANCELLED)


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


def present_linked(request: ServiceRequest) -> dict:
    return {
        "code": request.code,
        "service": request.service.code,
        "status": request.status,
        "kelurahan": request.kelurahan.code if request.kelurahan else None,
        "opd": request.opd.code,
        "lat": request.lat,
        "long": request.long,
        "created_at": request.created_at,
    }


def present_delivery(campaign: Campaign) -> dict:
    """An area alert's delivery, as its batches count it: devices targeted, sent, failed (gone ones
    included) and still to send."""
    failed = campaign.failed + campaign.gone
    pending = 0 if campaign.status in ENDED else max(campaign.targeted - campaign.sent - failed, 0)
    return {
        "campaign": campaign.id,
        "title": campaign.title,
        "status": campaign.status,
        "created_at": campaign.created_at,
        "finished_at": campaign.finished_at,
        "targeted": campaign.targeted,
        "sent": campaign.sent,
        "failed": failed,
        "pending": pending,
    }


def present_detail(incident: Incident, reader: User) -> dict:
    """The incident with its timeline and prefilled alert; operators and admins also get the
    delivery of the alerts sent from it (OPD staff read the incident, not the campaigns)."""
    events = timeline(incident)
    detail = present_incident(incident) | {
        "timeline": [present_event(event) for event in events],
        "alert_draft": alert_texts(incident),
    }
    if works_incidents(reader):
        detail["alerts"] = [present_delivery(campaign) for campaign in alert_campaigns(events)]
    return detail
