"""An incident's situation report, which operators print: its detail plus the linked reports per
hour, the words of the area alerts sent (besides their delivery), the public updates (expired ones
too) and the linked requests still open."""

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from ..schemas import Viewed
from ..service_requests.models import OPEN_STATUSES, ServiceRequest
from .models import Incident, linked_request_ids
from .services import alert_campaigns

HOUR = timedelta(hours=1)
MOST_HOURS = 7 * 24  # a week of hours still prints as one chart


def _hour(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def hourly_counts(incident: Incident, reported: list[datetime]) -> list[dict]:
    """Linked reports per hour, every hour from that of the first report (or of the opening, if
    earlier) to that of the close (or now), empty hours too; the last `MOST_HOURS` at most."""
    last = _hour(incident.resolved_at or incident.dismissed_at or utcnow())
    first = max(_hour(min([incident.created_at, *reported])), last - (MOST_HOURS - 1) * HOUR)
    counts = Counter(_hour(moment) for moment in reported)
    hours = (first + number * HOUR for number in range(int((last - first) / HOUR) + 1))
    return [{"hour": hour, "count": counts[hour]} for hour in hours]


def _linked(incident: Incident):
    return ServiceRequest.id.in_(linked_request_ids(incident.id))


def _reported_times(incident: Incident) -> list[datetime]:
    return list(db.session.scalars(select(ServiceRequest.created_at).where(_linked(incident))))


def _open_requests(incident: Incident) -> list[ServiceRequest]:
    return list(
        db.session.scalars(
            select(ServiceRequest)
            .where(_linked(incident), ServiceRequest.status.in_(OPEN_STATUSES))
            .order_by(ServiceRequest.created_at, ServiceRequest.id)
        )
    )


def situation_report(incident: Incident) -> Viewed:
    """The incident with what its report adds, for the situation schema to dump."""
    return Viewed(
        incident,
        generated_at=utcnow(),
        hourly=hourly_counts(incident, _reported_times(incident)),
        alerts=alert_campaigns(incident),
        open_requests=_open_requests(incident),
    )
