"""An incident's situation report, which operators print: everything its detail holds, plus the
linked reports per hour, the area alerts sent (with their delivery) and the public updates."""

from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import select

from ..database import utcnow
from ..extensions import db
from ..news.models import Article
from ..push.models import Campaign
from .models import EventKind, Incident
from .presenters import present_detail

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


def _ids(timeline: list[dict], kind: EventKind, key: str) -> list:
    return [
        event["data"][key] for event in timeline if event["kind"] == kind and key in (event["data"] or {})
    ]


def _alerts(campaign_ids: list[int]) -> list[dict]:
    campaigns = db.session.scalars(
        select(Campaign).where(Campaign.id.in_(campaign_ids)).order_by(Campaign.id)
    )
    return [
        {
            "id": campaign.id,
            "title": campaign.title,
            "body": campaign.body,
            "title_en": campaign.title_en,
            "body_en": campaign.body_en,
            "status": campaign.status,
            "created_at": campaign.created_at,
            "finished_at": campaign.finished_at,
            "targeted": campaign.targeted,
            "sent": campaign.sent,
            "failed": campaign.failed,
            "clicked": campaign.clicked,
        }
        for campaign in campaigns
    ]


def _updates(slugs: list[str]) -> list[dict]:
    """The updates published, expired ones too (they were part of the response)."""
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


def present_situation(incident: Incident) -> dict:
    detail = present_detail(incident)
    timeline = detail["timeline"]
    return detail | {
        "generated_at": utcnow(),
        "hourly": hourly_counts(incident, [request["created_at"] for request in detail["requests"]]),
        "alerts": _alerts(_ids(timeline, EventKind.ALERT, "campaign")),
        "updates": _updates(_ids(timeline, EventKind.UPDATE, "article")),
    }
