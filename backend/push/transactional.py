"""Pushes that follow what happens: a request's updates to its reporter and supporters, and a
published article to the news topic (or to everyone, for a warning), within its area."""

from sqlalchemy import select

from .. import events
from ..extensions import db
from ..jobs import job
from ..news.models import Article, Category
from ..service_requests.models import EventKind, RequestEvent, ServiceRequest, Support
from . import campaigns, messages, services
from .delivery import deliver, target_of
from .models import PushSubscription, TargetKind
from .sender import Message

REQUEST_TTL = 7 * 24 * 3600


def _followers(request: ServiceRequest) -> list[int]:
    supporters = db.session.scalars(select(Support.user_id).where(Support.request_id == request.id)).all()
    return list({*supporters, *([request.reporter_id] if request.reporter_id else [])})


def _texts(event: RequestEvent, locale: str) -> tuple[str, str]:
    code = event.request.code
    if event.kind == EventKind.COMMENT:
        return messages.request_update("comment", locale, code, text=event.text or "")
    if event.kind == EventKind.REROUTE:
        return messages.request_update("reroute", locale, code, opd=event.to_opd.short_name)
    return messages.request_update("status", locale, code, message=event.text, status=event.to_status)


@job
def notify_followers(event_id: int) -> None:
    """Tell the reporter's and supporters' devices; the request's code is the Topic, so that a
    newer update replaces an older one still waiting on an offline phone."""
    event = db.session.get(RequestEvent, event_id)
    if event is None or event.is_internal:
        return
    request = event.request
    rows = db.session.scalars(
        select(PushSubscription).where(PushSubscription.user_id.in_(_followers(request)))
    ).all()
    locales = {row.id: row.locale for row in rows}

    def message_for(target):
        title, body = _texts(event, locales[target.subscription_id])
        url = f"/laporan/{request.code}"
        return Message(messages.payload(title, body, url, request.code), REQUEST_TTL, "normal", request.code)

    services.apply_outcomes(deliver([target_of(row) for row in rows], message_for))
    db.session.commit()


@job
def announce_article(article_id: int) -> None:
    """A published article becomes a campaign: warnings reach every device, other news the devices
    that asked for it; an article for one kecamatan reaches only that kecamatan."""
    article = db.session.get(Article, article_id)
    if article is None or not article.is_readable or campaigns.announces(article.id):
        return
    target = (TargetKind.KECAMATAN, [article.kecamatan.code]) if article.kecamatan else (TargetKind.ALL, [])
    warning = article.category == Category.PERINGATAN
    campaign = {
        "title": article.title[:100],
        "body": (article.summary or article.title)[:300],
        "url": f"/berita/{article.slug}",
        "urgency": "high" if warning else "normal",
        "ttl": 24 * 3600 if warning else 3 * 24 * 3600,
        "target_kind": target[0],
        "target_values": target[1],
        "news_only": not warning,
    }
    if campaigns.reaches_anyone(campaign):  # no campaign that nobody would get
        campaigns.create_campaign(campaign, author=None, article_id=article.id)


def _on_request_event(request, event, **extra):
    notify_followers.enqueue(event.id)


def _on_article_published(article, **extra):
    announce_article.enqueue(article.id)


def connect_listeners() -> None:
    """Listen to the other areas' domain events (idempotent: blinker ignores a repeat connect)."""
    for signal in (events.request_status_changed, events.request_commented, events.request_rerouted):
        signal.connect(_on_request_event)
    events.article_published.connect(_on_article_published)
