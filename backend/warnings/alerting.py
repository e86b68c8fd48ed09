"""What an accepted warning does: its peringatan article and its area alert (push campaign), or
the replacement or withdrawal of an earlier one.

Interface for the warnings ingest (one call per newly stored warning, in the transaction that
stored it, which the ingest then commits): `act_on(warning)`. The alert's fan-out is queued once
that transaction commits. An operator sends a draft with `send_warning(id)` (one tap).

A warning, its updates and its cancel share one push Topic (`topic_key`), so that on a device each
message replaces the one before. An update goes to the devices of its own area (those outside it
that had the earlier message keep it until its time runs out; an update that leaves the city
tells them it is over); a cancel goes only to the devices that got the warning.
"""

import hashlib
from datetime import timedelta

from sqlalchemy import func, select, update

from ..audit.services import record
from ..database import utcnow
from ..errors import Conflict, NotFound
from ..extensions import db
from ..news import services as news
from ..news.models import Article, ArticleStatus, Category
from ..places.models import Kelurahan, Opd
from ..places.services import warning_settings
from ..push import campaigns
from ..push.models import Campaign, CampaignStatus, TargetKind
from ..push.schemas import MAX_TTL
from . import texts
from .models import OfficialWarning, WarningKind, WarningStatus

# A warning with no expiry of its own (BMKG gives earthquakes none) is in force this long.
DEFAULT_LIFETIME = timedelta(hours=6)
UNFINISHED_CAMPAIGNS = (CampaignStatus.DRAFT, CampaignStatus.SCHEDULED, CampaignStatus.SENDING)
EXPIRED = "This warning has expired: it is no longer sent."
NOT_A_DRAFT = "Only a draft warning can be sent; this one is {status}."


def act_on(warning: OfficialWarning) -> None:
    """Publish (or draft, by the city pack's send policy) the article and campaign of a new Alert,
    replace the earlier warning for an Update, withdraw it for a Cancel."""
    db.session.flush()  # the warning's id, for the rows that point to it
    if warning.msg_type == "Cancel":
        _withdraw(warning)
    elif warning.msg_type == "Update":
        _replace(warning)
    else:
        _announce(warning, _policy_sends_now(warning))


def send_warning(warning_id: int) -> OfficialWarning:
    """An operator's one tap: publish a draft warning's article and start its campaign, once."""
    warning = db.session.get(OfficialWarning, warning_id)
    if warning is None:
        raise NotFound("Unknown warning.")
    if warning.status != WarningStatus.DRAFT:
        raise Conflict(NOT_A_DRAFT.format(status=warning.status))
    if _expired(warning):
        raise Conflict(EXPIRED)
    claimed = db.session.execute(
        update(OfficialWarning)
        .where(OfficialWarning.id == warning.id, OfficialWarning.status == WarningStatus.DRAFT)
        .values(status=WarningStatus.SENT)
    ).rowcount
    if not claimed:  # another tap came first
        db.session.rollback()
        raise Conflict(NOT_A_DRAFT.format(status=WarningStatus.SENT))
    _go_out(warning)
    details = {"kind": warning.kind, "event": warning.event, "severity": warning.severity}
    record("warning.sent", target_type="warning", target_id=warning.id, details=details)
    db.session.commit()
    return warning


def topic_key(warning: OfficialWarning) -> str:
    """The push Topic and notification tag of a warning and of every update and cancel that
    follows it: from the identifier of the first alert (32 URL-safe characters at most)."""
    root, seen = warning, {warning.id}
    while root.references:
        earlier = db.session.scalar(
            select(OfficialWarning)
            .where(OfficialWarning.identifier.in_(root.references))
            .order_by(OfficialWarning.sent_at, OfficialWarning.id)
            .limit(1)
        )
        if earlier is None or earlier.id in seen:
            break
        root = earlier
        seen.add(root.id)
    return "w" + hashlib.sha256(root.identifier.encode()).hexdigest()[:31]


def _policy_sends_now(warning: OfficialWarning) -> bool:
    send = warning_settings()["send"]
    if warning.kind == WarningKind.EARTHQUAKE:
        return send["earthquake"] == "now"
    return send["weather"].get(warning.severity, "draft") == "now"


def _expired(warning: OfficialWarning) -> bool:
    return warning.expires_at is not None and warning.expires_at <= utcnow()


def _ttl(warning: OfficialWarning) -> int:
    """Seconds until the warning expires: the push services drop the message then."""
    return max(0, min(MAX_TTL, int((warning.expires_at - utcnow()).total_seconds())))


def _announce(warning: OfficialWarning, send_now: bool) -> None:
    """The warning's article and campaign, both drafts until sent (now, or by an operator)."""
    if warning.expires_at is None:
        warning.expires_at = warning.sent_at + DEFAULT_LIFETIME
    area = db.session.scalars(
        select(Kelurahan).where(Kelurahan.code.in_(warning.kelurahan_codes)).order_by(Kelurahan.code)
    ).all()
    if _expired(warning) or not area:
        warning.status = WarningStatus.SEEN
        return
    city_wide = len(area) == db.session.scalar(select(func.count()).select_from(Kelurahan))
    names = None if city_wide else [kelurahan.name for kelurahan in area]
    kecamatan = {kelurahan.kecamatan.code for kelurahan in area}
    article = news.add_article(
        _opd(),
        texts.article(warning, names)
        | {
            "category": Category.PERINGATAN,
            "expires_at": warning.expires_at,
            "kecamatan": kecamatan.pop() if len(kecamatan) == 1 else None,
        },
    )
    article.kelurahan = [] if city_wide else list(area)
    db.session.flush()
    warning.article_id = article.id
    target = (TargetKind.ALL, []) if city_wide else (TargetKind.KELURAHAN, [k.code for k in area])
    campaigns.add_system_campaign(
        texts.push(warning, names) | _alert_fields(warning, target, topic_key(warning), article),
        send=False,
    )
    warning.status = WarningStatus.DRAFT
    if send_now:
        _go_out(warning)


def _alert_fields(warning: OfficialWarning, target: tuple, key: str, article: Article | None) -> dict:
    return {
        "url": f"/berita/{article.slug}" if article else "/",
        "urgency": "high",
        "ttl": _ttl(warning),
        "target_kind": target[0],
        "target_values": target[1],
        "is_alert": True,
        "warning_id": warning.id,
        "topic_key": key,
        "article_id": article.id if article else None,
    }


def _go_out(warning: OfficialWarning) -> None:
    """Publish the draft article and start the draft campaign (fanned out after the commit)."""
    article = db.session.get(Article, warning.article_id) if warning.article_id else None
    if article is not None and article.status == ArticleStatus.DRAFT:
        news.publish(article)
    campaign = db.session.scalar(
        select(Campaign).where(Campaign.warning_id == warning.id, Campaign.status == CampaignStatus.DRAFT)
    )
    if campaign is not None:
        campaigns.start_draft(campaign, _ttl(warning))
    warning.status = WarningStatus.SENT


def _opd() -> Opd:
    return db.session.scalar(select(Opd).where(Opd.code == warning_settings()["opd"]))


def _referenced(warning: OfficialWarning) -> list[OfficialWarning]:
    """The earlier warnings an update or cancel names that are still in force (or drafts)."""
    return list(
        db.session.scalars(
            select(OfficialWarning).where(
                OfficialWarning.identifier.in_(warning.references),
                OfficialWarning.status.in_((WarningStatus.SEEN, WarningStatus.DRAFT, WarningStatus.SENT)),
                OfficialWarning.id != warning.id,
            )
        )
    )


def _retire(old: OfficialWarning, status: WarningStatus) -> None:
    """Archive the warning's article and stop its campaign (a draft is never sent)."""
    article = db.session.get(Article, old.article_id) if old.article_id else None
    if article is not None:
        news.archive(article)
    db.session.execute(
        update(Campaign)
        .where(Campaign.warning_id == old.id, Campaign.status.in_(UNFINISHED_CAMPAIGNS))
        .values(status=CampaignStatus.CANCELLED, finished_at=utcnow())
    )
    old.status = status


def _replace(warning: OfficialWarning) -> None:
    """An update: the earlier warning is replaced; the update is announced to its own area, at
    once when the earlier one had gone out (its readers must hear of the change), else by policy.
    An update that no longer covers the city tells those who got the warning that it is over."""
    earlier = _referenced(warning)
    went_out = [old for old in earlier if old.status == WarningStatus.SENT]
    for old in earlier:
        _retire(old, WarningStatus.REPLACED)
        old.replaced_by_id = warning.id
    _announce(warning, bool(went_out) or _policy_sends_now(warning))
    if warning.status == WarningStatus.SEEN and went_out:
        _tell_recipients(warning, went_out, "left_the_city")


def _withdraw(warning: OfficialWarning) -> None:
    """A cancel: the earlier warning is withdrawn, and the devices that got it are told. A draft
    is simply dropped."""
    earlier = _referenced(warning)
    went_out = [old for old in earlier if old.status == WarningStatus.SENT]
    for old in earlier:
        _retire(old, WarningStatus.CANCELLED)
    warning.status = WarningStatus.SEEN
    if went_out:
        _tell_recipients(warning, went_out, "withdrawn")


def _tell_recipients(warning: OfficialWarning, went_out: list, reason: str) -> None:
    """A short message, under the same Topic, to the devices that got the earlier warning (or an
    update of it); nothing once the earlier warning would have expired anyway."""
    warning.expires_at = warning.expires_at or max(old.expires_at for old in went_out)
    if _expired(warning):
        return
    key = topic_key(warning)
    alerts = db.session.scalars(select(Campaign.id).where(Campaign.topic_key == key)).all()
    target = (TargetKind.RECIPIENTS, [str(campaign_id) for campaign_id in alerts])
    campaigns.add_system_campaign(
        texts.withdrawal(went_out[0], reason) | _alert_fields(warning, target, key, None), send=True
    )
    warning.status = WarningStatus.SENT
