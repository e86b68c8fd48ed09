"""Device subscriptions, campaigns, their batches and their clicks."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import TimestampMixin, UTCDateTime, utcnow
from ..extensions import db
from ..places.models import Kecamatan, Kelurahan


class PushSubscription(TimestampMixin, db.Model):
    """One browser's push endpoint. Alerts always reach it; news if it asked; its area's messages."""

    __tablename__ = "push_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    endpoint: Mapped[str] = mapped_column(String(1024), unique=True)
    p256dh: Mapped[str] = mapped_column(String(100))
    auth: Mapped[str] = mapped_column(String(40))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    locale: Mapped[str] = mapped_column(String(5), default="id")
    wants_news: Mapped[bool] = mapped_column(Boolean, default=True)
    kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id"), index=True)
    kelurahan_id: Mapped[int | None] = mapped_column(ForeignKey("kelurahan.id"), index=True)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    failure_count: Mapped[int] = mapped_column(Integer, default=0)

    kecamatan: Mapped[Kecamatan | None] = relationship(lazy="joined")
    kelurahan: Mapped[Kelurahan | None] = relationship(lazy="joined")

    @property
    def topics(self) -> list[str]:
        return ["alerts", "news"] if self.wants_news else ["alerts"]


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"


class TargetKind(StrEnum):
    ALL = "all"
    KECAMATAN = "kecamatan"
    KELURAHAN = "kelurahan"
    TOPIC = "topic"
    RECIPIENTS = "recipients"  # the devices that got the campaigns named (ids): a warning's withdrawal


class Campaign(TimestampMixin, db.Model):
    """An alert to many devices. Counts grow as its batches finish."""

    __tablename__ = "push_campaigns"
    __table_args__ = (UniqueConstraint("created_by_id", "idempotency_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(String(300))
    # English text for devices set to English; without it every device gets `title` and `body`.
    title_en: Mapped[str | None] = mapped_column(String(100))
    body_en: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str] = mapped_column(String(300), default="/")
    urgency: Mapped[str] = mapped_column(String(10), default="normal")
    ttl: Mapped[int] = mapped_column(Integer, default=86400)
    target_kind: Mapped[str] = mapped_column(String(12))
    target_values: Mapped[list] = mapped_column(JSON, default=list)
    # Article announcements go only to devices that asked for news (warnings go to all).
    news_only: Mapped[bool] = mapped_column(Boolean, default=False)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(12), default=CampaignStatus.DRAFT, index=True)
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    targeted: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    gone: Mapped[int] = mapped_column(Integer, default=0)
    clicked: Mapped[int] = mapped_column(Integer, default=0)
    # Devices that may have had the alert twice: those in flight when a worker died (at most the
    # send concurrency per death). The Topic header makes a push service replace such a repeat.
    duplicates_at_most: Mapped[int] = mapped_column(Integer, default=0)
    idempotency_key: Mapped[str | None] = mapped_column(String(100))
    # Published as CAP 1.2 (/alerts.atom): an operator marked it as an alert, or a warning made it.
    is_alert: Mapped[bool] = mapped_column(Boolean, default=False)
    # The official warning it was made from (its source document is kept on the warning).
    warning_id: Mapped[int | None] = mapped_column(ForeignKey("warnings.id", ondelete="SET NULL"), index=True)
    # Messages sharing a topic key replace each other on the device (a warning's update or cancel).
    topic_key: Mapped[str | None] = mapped_column(String(32))

    @property
    def topic(self) -> str:
        """The push Topic header: a re-sent message replaces the pending one at the push service."""
        return self.topic_key or f"campaign-{self.id}"


class CampaignBatch(db.Model):
    """A slice of a campaign's targets by subscription id. Each device's outcome is recorded once,
    so a re-run (a worker killed mid-batch) never counts twice; `attempts` shows that it re-ran."""

    __tablename__ = "push_campaign_batches"
    __table_args__ = (UniqueConstraint("campaign_id", "first_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("push_campaigns.id", ondelete="CASCADE"), index=True)
    first_id: Mapped[int] = mapped_column(Integer)
    last_id: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    is_done: Mapped[bool] = mapped_column(Boolean, default=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    gone: Mapped[int] = mapped_column(Integer, default=0)
    duplicates_at_most: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    campaign: Mapped[Campaign] = relationship()


class CampaignDelivery(db.Model):
    """One device's outcome in a campaign, written as it happens (in small group commits), so that
    a batch run again after a crash skips every device already served."""

    __tablename__ = "push_campaign_deliveries"
    __table_args__ = (UniqueConstraint("campaign_id", "subscription_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("push_campaigns.id", ondelete="CASCADE"))
    # Not a foreign key: a subscription the push service says is gone is deleted, its outcome kept.
    subscription_id: Mapped[int] = mapped_column(Integer)
    result: Mapped[str] = mapped_column(String(10))
    status: Mapped[int | None] = mapped_column(Integer)


class CampaignClick(db.Model):
    __tablename__ = "push_campaign_clicks"
    __table_args__ = (UniqueConstraint("campaign_id", "subscription_endpoint_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("push_campaigns.id", ondelete="CASCADE"))
    subscription_endpoint_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
