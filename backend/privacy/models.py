"""Personal data records: consents (one row per change, never updated, so the history is the
table) and a person's data export (a ZIP made by a job, kept in the store for 24 hours)."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db


class Purpose(StrEnum):
    NOTICE = "privacy_notice"  # the notice was read and accepted (registration, a newer version)
    PUSH = "push"  # push notifications
    LOCATION = "location"  # a precise (GPS) location on reports


TOGGLED = (Purpose.PUSH, Purpose.LOCATION)


class Consent(db.Model):
    """A person (user_id), a browser without an account (device: its push endpoint's SHA-256) or an
    anonymous report (request_id) gave or withdrew consent for a purpose, under a notice version.
    The newest row of a subject and purpose is its current state."""

    __tablename__ = "consents"
    __table_args__ = (
        Index("ix_consents_user_purpose", "user_id", "purpose", "id"),
        Index("ix_consents_device_purpose", "device", "purpose", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    device: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("service_requests.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(20))
    granted: Mapped[bool] = mapped_column(Boolean)
    notice_version: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User | None] = relationship()
    request = relationship("ServiceRequest")


class ExportStatus(StrEnum):
    PENDING = "pending"
    READY = "ready"
    FAILED = "failed"


class DataExport(db.Model):
    __tablename__ = "data_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(10), default=ExportStatus.PENDING)
    # The stored file's random name (storage.EXPORT_NAME); it is also the download link's token.
    file_name: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
