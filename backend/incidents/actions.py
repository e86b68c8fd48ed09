"""One action for many: an area alert to the incident's kelurahan, a public status update, and
closing the incident with one message that resolves every linked open request."""

from datetime import timedelta

from sqlalchemy import select

from ..accounts.models import User
from ..database import utcnow
from ..errors import Conflict
from ..extensions import db
from ..jobs import job
from ..news import services as news
from ..news.models import Article, Category
from ..places.services import get_opd, incident_settings, warning_settings
from ..push.campaigns import create_campaign
from ..service_requests.models import OPEN_STATUSES, ServiceRequest
from ..service_requests.workflow import resolve_with_incident
from . import linking
from .models import EventKind, Incident, IncidentRequest, IncidentState
from .services import get_incident

ALERT_TTL = 6 * 3600
NOT_ACTIVE = "Confirm the incident first."


def _active(incident_id: int) -> Incident:
    incident = get_incident(incident_id)
    if incident.state != IncidentState.ACTIVE:
        raise Conflict(NOT_ACTIVE)
    return incident


def area_name(incident: Incident) -> str:
    return ", ".join(area.common_name or area.name for area in incident.kelurahan)


ALERT_TEXTS = {
    "title": "Penanganan {kind} di {area}",
    "body": "Petugas sedang menangani laporan {kind} di {area}. Ikuti kabar terbaru di aplikasi.",
    "title_en": "{Kind} in {area}: being handled",
    "body_en": "City staff are handling reports of {kind} in {area}. Follow the updates in the app.",
}
LIMITS = {"title": 100, "body": 300, "title_en": 100, "body_en": 300}


def alert_texts(incident: Incident) -> dict:
    """The alert the composer starts from: the kind and area in both languages."""
    area, name = area_name(incident), incident.group.name
    texts = {}
    for key, template in ALERT_TEXTS.items():
        kind = name.get("en", name["id"]) if key.endswith("_en") else name["id"]
        texts[key] = template.format(kind=kind.lower(), Kind=kind, area=area)[: LIMITS[key]]
    return texts


def send_alert(incident_id: int, actor: User, texts: dict, idempotency_key: str | None = None):
    """An area alert through the normal campaign path, to the devices of the incident's kelurahan;
    the texts the operator left out are the prefilled ones."""
    incident = _active(incident_id)
    data = alert_texts(incident) | {key: value for key, value in texts.items() if value}
    data |= {
        "url": f"/insiden/{incident.id}",
        "urgency": "high",
        "ttl": ALERT_TTL,
        "target_kind": "kelurahan",
        "target_values": incident.kelurahan_codes,
        "is_alert": True,
        "topic_key": f"incident-{incident.id}",  # a later alert replaces an earlier one on the device
    }
    # Not audited as a campaign: the incident.alert_sent row below says it, with the incident.
    campaign, replayed = create_campaign(data, actor, idempotency_key=idempotency_key, audited=False)
    if not replayed:
        incident = get_incident(incident_id)
        linking.record(incident, EventKind.ALERT, actor, campaign.title, {"campaign": campaign.id})
        linking.audit(incident, "incident.alert_sent", actor, {"campaign": campaign.id})
        db.session.commit()
    return campaign


def publish_update(incident_id: int, actor: User, data: dict) -> Article:
    """A public status update: a published `peringatan` article limited to the incident's kelurahan,
    signed by the lead OPD (or the OPD that signs the warnings' articles). It sends no push of its
    own: the area alert is the incident's push."""
    incident = _active(incident_id)
    kecamatan = {area.kecamatan.code for area in incident.kelurahan}
    fields = {
        "title": data["title"],
        "summary": data["summary"],
        "body": data.get("body") or data["summary"],
        "category": Category.PERINGATAN,
        "expires_at": utcnow() + timedelta(hours=incident_settings()["update_hours"]),
        "kecamatan": kecamatan.pop() if len(kecamatan) == 1 else None,
    }
    article = news.add_article(incident.lead_opd or get_opd(warning_settings()["opd"]), fields, actor.id)
    article.kelurahan = list(incident.kelurahan)
    news.publish(article)
    db.session.flush()
    linking.record(incident, EventKind.UPDATE, actor, data["title"], {"article": article.slug})
    linking.audit(incident, "incident.update_published", actor, {"article": article.id})
    db.session.commit()
    return article


def close(incident_id: int, actor: User, message: str) -> Incident:
    """Resolve the incident and, in a job, every linked open request with `message`. Retrying
    with the same message finishes what is left and sends nothing twice."""
    incident = get_incident(incident_id, for_update=True)
    if incident.state == IncidentState.RESOLVED and incident.close_message == message:
        db.session.rollback()
    elif incident.state != IncidentState.ACTIVE:
        raise Conflict(NOT_ACTIVE if incident.state == IncidentState.PROPOSED else "This incident is closed.")
    else:
        incident.state, incident.resolved_at = IncidentState.RESOLVED, utcnow()
        incident.close_message = message
        linking.record(incident, EventKind.CLOSED, actor, message)
        linking.audit(incident, "incident.closed", actor)
        db.session.commit()
    resolve_linked_requests.enqueue(incident.id, actor.id)
    return incident


def open_linked_codes(incident_id: int) -> list[str]:
    return list(
        db.session.scalars(
            select(ServiceRequest.code)
            .join(IncidentRequest, IncidentRequest.request_id == ServiceRequest.id)
            .where(
                IncidentRequest.incident_id == incident_id,
                IncidentRequest.unlinked_at.is_(None),
                ServiceRequest.status.in_(OPEN_STATUSES),
            )
            .order_by(ServiceRequest.id)
        )
    )


@job
def resolve_linked_requests(incident_id: int, actor_id: int) -> None:
    """Resolve each linked open request through the workflow, one commit (and one push) each; safe
    to run twice, since a resolved request is skipped."""
    incident = db.session.get(Incident, incident_id)
    actor = db.session.get(User, actor_id)
    if incident is None or incident.state != IncidentState.RESOLVED:
        return
    for code in open_linked_codes(incident_id):
        resolve_with_incident(code, actor, incident.close_message, incident.lead_opd)
