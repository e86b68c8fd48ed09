"""An incident's situation report, which operators print: its detail plus the linked reports per
hour, the words of the area alerts sent (besides their delivery), the public updates and the
linked requests still open."""

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import select

from ..accounts.models import User
from ..database import utcnow
from ..extensions import db
from ..news.models import Article
from ..push.models import Campaign
from ..service_requests.models import OPEN_STATUSES, ServiceRequest
from .models import EventKind, Incident, IncidentEvent, linked_request_ids
from .presenters import present_delivery, present_detail, present_linked
from .services import alert_campaigns, timeline

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


def _alert(campaign: Campaign) -> dict:
    words = {"body": campaign.body, "title_en": campaign.title_en, "body_en": campaign.body_en}
    return present_delivery(campaign) | words


def _updates(events: list[IncidentEvent]) -> list[dict]:
    """The updates published, expired ones too (they were part of the response)."""
    slugs = [event.data["article"] for event in events if event.kind == EventKind.UPDATE]
    articles = db.session.scalars(
        select(Article).where(Article.slug.in_(slugs)).order_by(Article.published_at, Article.id)
    )
    return [
        {
            "slug": article.slug,
            "title": article.title,
            "summary": article.summary,
            "published_at": article.published_at,
            "expires_at": article.expires_at,
        }
        for article in articles
    ]


def present_situation(incident: Incident, reader: User) -> dict:
    events = timeline(incident)
    return present_detail(incident, reader) | {
        "generated_at": utcnow(),
        "hourly": hourly_counts(incident, _reported_times(incident)),
        "alerts": [_alert(campaign) for campaign in alert_campaigns(events)],
        "updates": _updates(events),
        "open_requests": [present_linked(request) for request in _open_requests(incident)],
    }
