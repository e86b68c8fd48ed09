"""What residents see of an incident: its area, status, public updates and how many reported it,
never a person; and the active incident a new report would be part of ("Sedang ditangani")."""

from sqlalchemy import func, select

from ..catalog.models import Service
from ..errors import NotFound
from ..extensions import db
from ..news.models import Article
from ..places.services import kelurahan_at
from .models import PUBLIC_STATES, EventKind, Incident, IncidentEvent, IncidentRequest, IncidentState
from .services import get_incident


def report_count(incident: Incident) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(IncidentRequest)
        .where(IncidentRequest.incident_id == incident.id, IncidentRequest.unlinked_at.is_(None))
    )


def _updates(incident: Incident) -> list[dict]:
    slugs = db.session.scalars(
        select(IncidentEvent.data)
        .where(IncidentEvent.incident_id == incident.id, IncidentEvent.kind == EventKind.UPDATE)
        .order_by(IncidentEvent.id.desc())
    ).all()
    articles = db.session.scalars(
        select(Article).where(Article.slug.in_([data["article"] for data in slugs]))
    )
    readable = [article for article in articles if article.is_readable]
    return [
        {"slug": a.slug, "title": a.title, "summary": a.summary, "published_at": a.published_at}
        for a in sorted(readable, key=lambda article: article.published_at, reverse=True)
    ]


def present_public(incident: Incident) -> dict:
    return {
        "id": incident.id,
        "status": incident.state,
        "kind": {"code": incident.group.code, "name": incident.group.name},
        "area": [{"code": area.code, "name": area.name} for area in incident.kelurahan],
        "started_at": incident.confirmed_at or incident.created_at,
        "resolved_at": incident.resolved_at,
        "closing_message": incident.close_message,
        "report_count": report_count(incident),
        "updates": _updates(incident),
    }


def public_incident(incident_id: int) -> Incident:
    """An active or resolved incident; proposed and dismissed ones are not public."""
    incident = get_incident(incident_id)
    if incident.state not in PUBLIC_STATES:
        raise NotFound("Unknown incident.")
    return incident


def active_at(lat: float, long: float, service_code: str) -> list[Incident]:
    """The active incidents of the service's group whose area holds the point."""
    kelurahan = kelurahan_at(lat, long)
    group_id = db.session.scalar(select(Service.group_id).where(Service.code == service_code))
    if kelurahan is None or group_id is None:
        return []
    return list(
        db.session.scalars(
            select(Incident)
            .where(
                Incident.state == IncidentState.ACTIVE,
                Incident.group_id == group_id,
                Incident.kelurahan.any(id=kelurahan.id),
            )
            .order_by(Incident.id)
        )
    )
