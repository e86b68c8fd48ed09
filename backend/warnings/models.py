"""Warnings taken in from official sources, and the health of each source."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..database import TimestampMixin, UTCDateTime
from ..extensions import db


class WarningKind(StrEnum):
    WEATHER = "weather"  # a BMKG nowcast (CAP 1.2)
    EARTHQUAKE = "earthquake"  # a BMKG earthquake (JSON)


class WarningStatus(StrEnum):
    SEEN = "seen"  # kept so it is never taken in twice; sends nothing (outside the city, below the rule)
    DRAFT = "draft"  # accepted; its article and campaign wait for an operator's one tap
    SENT = "sent"  # accepted; its article is published and its campaign created
    REPLACED = "replaced"  # an Update took its place
    CANCELLED = "cancelled"  # a Cancel withdrew it


class OfficialWarning(TimestampMixin, db.Model):
    """One document from a source: a CAP alert, update or cancel, or one earthquake. Past
    `expires_at` it leaves the banner and sends nothing, whatever its status."""

    __tablename__ = "warnings"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    source: Mapped[str] = mapped_column(String(40))  # the WarningSource that brought it
    # The CAP identifier, or the earthquake's own key; a document seen again is a replay.
    identifier: Mapped[str] = mapped_column(String(200), unique=True)
    msg_type: Mapped[str] = mapped_column(String(10), default="Alert")  # CAP: Alert, Update, Cancel
    references: Mapped[list] = mapped_column(JSON, default=list)  # identifiers it updates or cancels
    status: Mapped[str] = mapped_column(String(12), default=WarningStatus.SEEN, index=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)  # when the source issued it
    effective_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    event: Mapped[str] = mapped_column(String(120), default="")
    severity: Mapped[str] = mapped_column(String(12), default="Unknown")
    urgency: Mapped[str] = mapped_column(String(12), default="Unknown")
    certainty: Mapped[str] = mapped_column(String(12), default="Unknown")
    # Per language ("id", "en"): {"headline", "description", "instruction", "area"}.
    texts: Mapped[dict] = mapped_column(JSON, default=dict)
    # The source's polygons in GeoJSON order: a list of rings, each a list of [long, lat].
    polygons: Mapped[list] = mapped_column(JSON, default=list)
    kelurahan_codes: Mapped[list] = mapped_column(JSON, default=list)  # the kelurahan it touches
    kecamatan_codes: Mapped[list] = mapped_column(JSON, default=list)
    # Earthquakes: magnitude, depth_km, lat, long, distance_km, felt, tsunami (BMKG's statement).
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    # The source documents as received (every automatic send records what it was sent from).
    document_url: Mapped[str] = mapped_column(String(500), default="")
    document: Mapped[str] = mapped_column(Text, default="")
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("warnings.id", ondelete="SET NULL"))


class WarningSource(db.Model):
    """One feed polled on its own schedule: its conditional-GET validators, when it last answered
    well or badly, and when it may be asked again (backoff after failures)."""

    __tablename__ = "warning_sources"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    url: Mapped[str] = mapped_column(String(500), default="")
    etag: Mapped[str | None] = mapped_column(String(200))
    last_modified: Mapped[str | None] = mapped_column(String(64))
    last_polled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(300))
    last_duration_ms: Mapped[int | None] = mapped_column(Integer)
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)
    next_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
