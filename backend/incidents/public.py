"""The incidents residents see (PublicIncidentSchema says what of them: never a person): an active
or resolved one, and the active ones a new report would be part of ("Sedang ditangani")."""

from sqlalchemy import select

from ..catalog.models import Service
from ..errors import NotFound
from ..extensions import db
from ..places.services import kelurahan_at
from .models import PUBLIC_STATES, Incident, IncidentState
from .services import get_incident


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
