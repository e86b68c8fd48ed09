"""Alert campaigns: created by admins (or by a published article), fanned out in batches of
subscriptions by id range, each batch a job whose outcome is recorded exactly once."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, func, insert, or_, select, true, update
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..database import utcnow
from ..errors import Conflict, Invalid, NotFound
from ..extensions import db
from ..jobs import job, periodic
from ..lookups import ids_by_codes
from ..pagination import Page, keyset_page
from ..places.models import Kecamatan, Kelurahan
from ..warnings.models import OfficialWarning
from . import messages, services
from .delivery import deliver
from .models import (
    Campaign,
    CampaignBatch,
    CampaignDelivery,
    CampaignStatus,
    PushSubscription,
    TargetKind,
)
from .sender import Message, Result, Target

CANCELLABLE = (CampaignStatus.SCHEDULED, CampaignStatus.SENDING)
OTHER_CONTENT = "This Idempotency-Key was already used for a different campaign."


def target_filter(kind: str, values: list[str], news_only: bool = False):
    """The subscriptions a target reaches, as a WHERE clause."""
    if kind == TargetKind.KECAMATAN:
        clause = PushSubscription.kecamatan_id.in_(ids_by_codes(Kecamatan, values, "target_values"))
    elif kind == TargetKind.KELURAHAN:
        clause = _in_kelurahan(ids_by_codes(Kelurahan, values, "target_values"))
    elif kind == TargetKind.TOPIC and "alerts" not in values:
        clause = PushSubscription.wants_news.is_(True)
    elif kind == TargetKind.RECIPIENTS:
        clause = PushSubscription.id.in_(
            select(CampaignDelivery.subscription_id).where(
                CampaignDelivery.campaign_id.in_([int(value) for value in values]),
                CampaignDelivery.result == Result.SENT,
            )
        )
    else:
        clause = true()
    return and_(clause, PushSubscription.wants_news.is_(True)) if news_only else clause


def _in_kelurahan(kelurahan_ids: list[int]):
    """Devices in those kelurahan, and those that chose only their kecamatan, which holds one of
    them: such a device may be in the area, and an alert is better had than missed."""
    their_kecamatan = select(Kelurahan.kecamatan_id).where(Kelurahan.id.in_(kelurahan_ids))
    return or_(
        PushSubscription.kelurahan_id.in_(kelurahan_ids),
        and_(PushSubscription.kelurahan_id.is_(None), PushSubscription.kecamatan_id.in_(their_kecamatan)),
    )


NO_DEVICES = "No device would receive this campaign: choose another target, or wait for subscribers."


def count_targets(kind: str, values: list[str], news_only: bool = False) -> int:
    """How many devices a target reaches now (the composer's live preview)."""
    return db.session.scalar(
        select(func.count()).select_from(PushSubscription).where(target_filter(kind, values, news_only))
    )


def reaches_anyone(data: dict) -> bool:
    """Whether a campaign would reach at least one device now."""
    return count_targets(data["target_kind"], data.get("target_values", []), data.get("news_only", False)) > 0


LOCALES = ("id", "en")


def _payload(campaign: Campaign, endpoint: str | None = None, locale: str = "id") -> bytes:
    """The message in the device's language: the English text when the campaign has one."""
    english = locale == "en" and campaign.title_en and campaign.body_en
    title, body = (campaign.title_en, campaign.body_en) if english else (campaign.title, campaign.body)
    return messages.payload(title, body, campaign.url, campaign.topic, campaign.id, endpoint)


def create_campaign(
    data: dict, author: User | None, article_id: int | None = None, idempotency_key: str | None = None
) -> tuple[Campaign, bool]:
    """Store the campaign and queue its fan-out (now, or at its scheduled time). The same
    Idempotency-Key from the same author with the same content answers the first campaign
    (replayed=True) instead of making a second. A campaign that would reach no device is refused."""
    target_filter(data["target_kind"], data.get("target_values", []))  # refuses unknown codes
    author_id = author.id if author else None
    if idempotency_key and (earlier := _replay(author_id, idempotency_key, data)):
        return earlier, True
    campaign = Campaign(
        created_by_id=author_id, article_id=article_id, idempotency_key=idempotency_key, **data
    )
    scheduled = campaign.scheduled_at is not None and campaign.scheduled_at > utcnow()
    campaign.status = CampaignStatus.SCHEDULED if scheduled else CampaignStatus.SENDING
    db.session.add(campaign)
    try:
        db.session.flush()
    except IntegrityError:  # a twin with the same key was stored a moment ago
        db.session.rollback()
        return _replay(author_id, idempotency_key, data), True
    for locale in LOCALES:  # fits every device
        messages.check_size(_payload(campaign, "x" * messages.MAX_ENDPOINT, locale))
    if not reaches_anyone(data):
        db.session.rollback()
        raise Invalid(NO_DEVICES, errors={"target_kind": [NO_DEVICES]})
    db.session.commit()
    if not scheduled:
        plan_campaign.enqueue(campaign.id)
    return campaign, False


def add_system_campaign(data: dict, send: bool) -> Campaign:
    """A campaign the system makes (a warning's), in the caller's transaction: a draft, or sending
    as soon as that transaction commits. It may reach no device: it then records nothing sent.
    (Its texts are cut to the columns' lengths, which always fit one push message.)"""
    campaign = Campaign(status=CampaignStatus.DRAFT, **data)
    db.session.add(campaign)
    db.session.flush()
    if send:
        start_draft(campaign, campaign.ttl)
    return campaign


def start_draft(campaign: Campaign, ttl: int) -> None:
    """Send a draft campaign, with this TTL, once the caller's transaction commits."""
    campaign.status, campaign.ttl = CampaignStatus.SENDING, ttl
    plan_campaign.enqueue_after_commit(campaign.id)


def _replay(author_id: int | None, key: str, data: dict) -> Campaign | None:
    earlier = db.session.scalar(
        select(Campaign).where(Campaign.created_by_id == author_id, Campaign.idempotency_key == key)
    )
    if earlier is not None and any(getattr(earlier, name) != value for name, value in data.items()):
        raise Conflict(OTHER_CONTENT, errors={"idempotency_key": [OTHER_CONTENT]})
    return earlier


def announces(article_id: int) -> bool:
    """Whether the article already has its announcement campaign."""
    return (
        db.session.scalar(select(Campaign.id).where(Campaign.article_id == article_id).limit(1)) is not None
    )


def list_campaigns(args: dict) -> Page:
    return keyset_page(select(Campaign), [Campaign.id], args.get("cursor"), args["limit"])


def get_campaign(campaign_id: int) -> Campaign:
    campaign = db.session.get(Campaign, campaign_id)
    if campaign is None:
        raise NotFound("Unknown campaign.")
    return campaign


def cancel_campaign(campaign_id: int) -> Campaign:
    """Stop a scheduled or sending campaign; batches not yet sent are skipped."""
    campaign = get_campaign(campaign_id)
    changed = db.session.execute(
        update(Campaign)
        .where(Campaign.id == campaign_id, Campaign.status.in_(CANCELLABLE))
        .values(status=CampaignStatus.CANCELLED, finished_at=utcnow())
    ).rowcount
    if not changed:
        raise Conflict("Only a scheduled or sending campaign can be cancelled.")
    db.session.commit()
    db.session.refresh(campaign)
    return campaign


@periodic
def start_due_campaigns() -> None:
    """Scheduled campaigns whose time has come start sending (each exactly once)."""
    due = db.session.scalars(
        select(Campaign.id).where(
            Campaign.status == CampaignStatus.SCHEDULED, Campaign.scheduled_at <= utcnow()
        )
    ).all()
    for campaign_id in due:
        started = db.session.execute(
            update(Campaign)
            .where(Campaign.id == campaign_id, Campaign.status == CampaignStatus.SCHEDULED)
            .values(status=CampaignStatus.SENDING)
        ).rowcount
        db.session.commit()
        if started:
            plan_campaign.enqueue(campaign_id)


@periodic
def resume_stalled_campaigns() -> None:
    """Campaigns still sending after a batch lease get their unfinished batches queued again
    (a lost job, a broker restart); a batch another worker holds is not sent twice. A campaign
    never planned (its job could not be queued) is planned after one tick."""
    config, now = current_app.config, utcnow()
    lease = now - timedelta(seconds=config["PUSH_BATCH_LEASE_SECONDS"])
    unplanned = now - timedelta(seconds=config["JOB_TICK_SECONDS"])
    stalled = db.session.scalars(
        select(Campaign.id).where(
            Campaign.status == CampaignStatus.SENDING,
            (Campaign.started_at < lease)
            | (Campaign.started_at.is_(None) & (Campaign.updated_at < unplanned)),
        )
    ).all()
    for campaign_id in stalled:
        plan_campaign.enqueue(campaign_id)


@job
def plan_campaign(campaign_id: int) -> None:
    """Cut the campaign's targets into batches by subscription id and queue one job per batch.
    Run again, it re-queues the batches not done yet (a batch job skips work already done)."""
    campaign = get_campaign(campaign_id)
    if campaign.status != CampaignStatus.SENDING:
        return
    if _warning_expired(campaign):  # nothing is sent past a warning's expiry
        campaign.status, campaign.finished_at = CampaignStatus.CANCELLED, utcnow()
        db.session.commit()
        return
    exists = db.session.scalar(
        select(CampaignBatch.id).where(CampaignBatch.campaign_id == campaign_id).limit(1)
    )
    if exists is None:
        _make_batches(campaign)
    pending = db.session.scalars(
        select(CampaignBatch.id).where(
            CampaignBatch.campaign_id == campaign_id, CampaignBatch.is_done.is_(False)
        )
    ).all()
    for batch_id in pending:
        send_batch.enqueue(batch_id)
    _finish_if_done(campaign_id)


def _warning_expired(campaign: Campaign) -> bool:
    if campaign.warning_id is None:
        return False
    expires_at = db.session.scalar(
        select(OfficialWarning.expires_at).where(OfficialWarning.id == campaign.warning_id)
    )
    return expires_at is not None and expires_at <= utcnow()


def _make_batches(campaign: Campaign) -> None:
    size = current_app.config["PUSH_BATCH_SIZE"]
    where = target_filter(campaign.target_kind, campaign.target_values, campaign.news_only)
    after, total = 0, 0
    while True:
        ids = db.session.scalars(
            select(PushSubscription.id)
            .where(where, PushSubscription.id > after)
            .order_by(PushSubscription.id)
            .limit(size)
        ).all()
        if not ids:
            break
        db.session.add(
            CampaignBatch(campaign_id=campaign.id, first_id=ids[0], last_id=ids[-1], size=len(ids))
        )
        after, total = ids[-1], total + len(ids)
    campaign.targeted = total
    campaign.started_at = utcnow()
    db.session.commit()


def _claim(batch_id: int) -> bool:
    """Take the batch unless it is done or another worker is on it (a lease, so a dead worker's
    batch can be taken over once its job is delivered again)."""
    lease = utcnow() - timedelta(seconds=current_app.config["PUSH_BATCH_LEASE_SECONDS"])
    claimed = db.session.execute(
        update(CampaignBatch)
        .where(
            CampaignBatch.id == batch_id,
            CampaignBatch.is_done.is_(False),
            (CampaignBatch.claimed_at.is_(None)) | (CampaignBatch.claimed_at < lease),
        )
        .values(claimed_at=utcnow(), attempts=CampaignBatch.attempts + 1)
    ).rowcount
    db.session.commit()
    return bool(claimed)


@job
def send_batch(batch_id: int) -> None:
    """Send one batch, recording each device's outcome as it comes in; run again (a worker killed
    mid-batch), it sends only to the devices with no outcome yet. A cancelled campaign's batch is
    skipped."""
    if not _claim(batch_id):
        return
    batch = db.session.get(CampaignBatch, batch_id)
    campaign = batch.campaign
    if campaign.status == CampaignStatus.SENDING:
        where = target_filter(campaign.target_kind, campaign.target_values, campaign.news_only)
        served = select(CampaignDelivery.id).where(
            CampaignDelivery.campaign_id == campaign.id,
            CampaignDelivery.subscription_id == PushSubscription.id,
        )
        rows = db.session.execute(
            select(
                PushSubscription.id,
                PushSubscription.endpoint,
                PushSubscription.p256dh,
                PushSubscription.auth,
                PushSubscription.locale,
            ).where(where, PushSubscription.id.between(batch.first_id, batch.last_id), ~served.exists())
        ).all()
        if batch.attempts > 1 and rows:
            _count_possible_duplicates(batch, len(rows))
        # The campaign's JSON is encoded once per language; each device's message only adds its endpoint.
        common = {locale: _payload(campaign, locale=locale) for locale in LOCALES}
        ttl, urgency, topic = campaign.ttl, campaign.urgency, campaign.topic
        languages = {row.id: row.locale if row.locale in common else "id" for row in rows}

        def message_for(target: Target) -> Message:
            encoded = common[languages[target.subscription_id]]
            return Message(messages.with_endpoint(encoded, target.endpoint), ttl, urgency, topic)

        outcomes = deliver(
            [Target(*row[:4]) for row in rows],
            message_for,
            record=lambda outcomes: _record(batch.id, campaign.id, outcomes),
        )
        services.apply_outcomes(outcomes)  # the subscriptions' health, once per batch
    _close(batch_id)
    _finish_if_done(campaign.id)


def _count_possible_duplicates(batch: CampaignBatch, unserved: int) -> None:
    """A re-run batch: the worker before may have died with up to PUSH_CONCURRENCY of these
    devices' messages accepted but not recorded. Say so in the counts rather than hide it."""
    possible = min(unserved, current_app.config["PUSH_CONCURRENCY"])
    db.session.execute(
        update(CampaignBatch)
        .where(CampaignBatch.id == batch.id)
        .values(duplicates_at_most=CampaignBatch.duplicates_at_most + possible)
    )
    db.session.commit()


def _record(batch_id: int, campaign_id: int, outcomes: list) -> None:
    """Each device's outcome and the batch's counts, in one transaction. Each group also renews
    the batch's lease, so a long batch that moves is never taken over."""
    db.session.execute(
        insert(CampaignDelivery),
        [
            {
                "campaign_id": campaign_id,
                "subscription_id": o.subscription_id,
                "result": o.result,
                "status": o.status,
            }
            for o in outcomes
        ],
    )
    counts = {result: sum(1 for o in outcomes if o.result == result) for result in Result}
    db.session.execute(
        update(CampaignBatch)
        .where(CampaignBatch.id == batch_id)
        .values(
            sent=CampaignBatch.sent + counts[Result.SENT],
            failed=CampaignBatch.failed + counts[Result.FAILED] + counts[Result.TOO_LARGE],
            gone=CampaignBatch.gone + counts[Result.GONE],
            claimed_at=utcnow(),
        )
    )
    db.session.commit()


def _close(batch_id: int) -> None:
    """Mark the batch done and add its counts to the campaign's, exactly once (one write to the
    campaign's row per batch, so that many workers do not queue on it)."""
    closed = db.session.execute(
        update(CampaignBatch)
        .where(CampaignBatch.id == batch_id, CampaignBatch.is_done.is_(False))
        .values(is_done=True, finished_at=utcnow())
    ).rowcount
    if closed:
        batch = db.session.execute(
            select(
                CampaignBatch.campaign_id,
                CampaignBatch.sent,
                CampaignBatch.failed,
                CampaignBatch.gone,
                CampaignBatch.duplicates_at_most,
            ).where(CampaignBatch.id == batch_id)
        ).one()
        db.session.execute(
            update(Campaign)
            .where(Campaign.id == batch.campaign_id)
            .values(
                sent=Campaign.sent + batch.sent,
                failed=Campaign.failed + batch.failed,
                gone=Campaign.gone + batch.gone,
                duplicates_at_most=Campaign.duplicates_at_most + batch.duplicates_at_most,
            )
        )
    db.session.commit()


def _finish_if_done(campaign_id: int) -> None:
    pending = select(CampaignBatch.id).where(
        CampaignBatch.campaign_id == campaign_id, CampaignBatch.is_done.is_(False)
    )
    db.session.execute(
        update(Campaign)
        .where(Campaign.id == campaign_id, Campaign.status == CampaignStatus.SENDING, ~pending.exists())
        .values(status=CampaignStatus.DONE, finished_at=utcnow())
    )
    db.session.commit()
