"""Requests, their photos, their timeline and their supporters."""

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..catalog.models import Service
from ..database import TimestampMixin, UTCDateTime, utcnow
from ..extensions import db
from ..places.models import Kecamatan, Kelurahan, Opd


class Status(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REJECTED = "rejected"


OPEN_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.IN_PROGRESS)
OPEN_PREDICATE = "status IN ('submitted', 'accepted', 'in_progress')"

# A status as people read it (notifications, the CSV export); the app's own names are in pwa/src/i18n.
STATUS_LABELS = {
    "id": {
        Status.SUBMITTED: "Diterima sistem",
        Status.ACCEPTED: "Diterima petugas",
        Status.IN_PROGRESS: "Sedang dikerjakan",
        Status.RESOLVED: "Selesai",
        Status.CLOSED: "Ditutup",
        Status.REJECTED: "Ditolak",
    },
    "en": {
        Status.SUBMITTED: "Submitted",
        Status.ACCEPTED: "Accepted",
        Status.IN_PROGRESS: "In progress",
        Status.RESOLVED: "Resolved",
        Status.CLOSED: "Closed",
        Status.REJECTED: "Rejected",
    },
}

# What staff may move a request to. Reopening (resolved -> in_progress) is the reporter's, not staff's.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.SUBMITTED: (Status.ACCEPTED, Status.REJECTED),
    Status.ACCEPTED: (Status.IN_PROGRESS, Status.REJECTED),
    Status.IN_PROGRESS: (Status.RESOLVED, Status.REJECTED),
    Status.RESOLVED: (Status.CLOSED,),
    Status.CLOSED: (),
    Status.REJECTED: (),
}


class EventKind(StrEnum):
    CREATED = "created"
    STATUS = "status"
    COMMENT = "comment"
    NOTE = "note"
    REROUTE = "reroute"
    RATING = "rating"


# How long after its resolution a reporter may reopen a request.
REOPEN_WINDOW = timedelta(days=7)


class ServiceRequest(TimestampMixin, db.Model):
    __tablename__ = "service_requests"
    __table_args__ = (
        Index("ix_service_requests_public_feed", "is_public", "is_hidden", "created_at", "id"),
        Index("ix_service_requests_service_feed", "service_id", "status", "created_at", "id"),
        # The staff inbox reads open requests by deadline: a partial index keeps that walk short
        # however many closed requests pile up.
        Index(
            "ix_service_requests_open_inbox",
            "opd_id",
            "sla_due_at",
            "id",
            postgresql_where=text(OPEN_PREDICATE),
            sqlite_where=text(OPEN_PREDICATE),
        ),
        # The command center: the period's created and resolved requests, and the open ones by deadline.
        Index("ix_service_requests_created", "created_at"),
        # Incident detection: a kelurahan's reports in the same window of past weeks.
        Index("ix_service_requests_kelurahan_created", "kelurahan_id", "created_at"),
        Index("ix_service_requests_resolved", "resolved_at"),
        Index(
            "ix_service_requests_open_due",
            "sla_due_at",
            "id",
            postgresql_where=text(OPEN_PREDICATE),
            sqlite_where=text(OPEN_PREDICATE),
        ),
        Index(
            "ix_service_requests_open_kecamatan",
            "kecamatan_id",
            "sla_due_at",
            "id",
            postgresql_where=text(OPEN_PREDICATE),
            sqlite_where=text(OPEN_PREDICATE),
        ),
        Index("ix_service_requests_nearby", "service_id", "status", "lat", "long"),
        Index("ix_service_requests_reporter", "reporter_id", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"))
    opd_id: Mapped[int] = mapped_column(ForeignKey("opds.id"))
    status: Mapped[str] = mapped_column(String(16), default=Status.SUBMITTED)
    description: Mapped[str] = mapped_column(Text, default="")
    attribute_values: Mapped[dict] = mapped_column(JSON, default=dict)
    lat: Mapped[float | None] = mapped_column(Float)
    long: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str | None] = mapped_column(String(300))
    kelurahan_id: Mapped[int | None] = mapped_column(ForeignKey("kelurahan.id"), index=True)
    kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id"), index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # Contact given by a partner system through Open311 for someone without an account; staff only.
    contact: Mapped[dict | None] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(60), default="app")
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    is_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_reason: Mapped[str | None] = mapped_column(String(300))
    tracking_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    response_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sla_due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rating: Mapped[int | None] = mapped_column(Integer)
    feedback: Mapped[str | None] = mapped_column(Text)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    supporter_count: Mapped[int] = mapped_column(Integer, default=0)
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("service_requests.id"))

    service: Mapped[Service] = relationship(lazy="joined")
    opd: Mapped[Opd] = relationship(lazy="joined")
    kelurahan: Mapped[Kelurahan | None] = relationship(lazy="joined")
    kecamatan: Mapped[Kecamatan | None] = relationship(lazy="joined")
    reporter: Mapped[User | None] = relationship()
    duplicate_of: Mapped["ServiceRequest | None"] = relationship(remote_side=[id])
    photos: Mapped[list["RequestPhoto"]] = relationship(
        back_populates="request", order_by="RequestPhoto.id", lazy="selectin"
    )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.sla_due_at < utcnow()

    @property
    def report_photos(self) -> list["RequestPhoto"]:
        return [photo for photo in self.photos if photo.event_id is None]

    def allowed_transitions(self) -> tuple[str, ...]:
        return TRANSITIONS[self.status]

    def can_reopen(self, now: datetime) -> bool:
        """Its reporter may send it back to work within REOPEN_WINDOW of its resolution."""
        return (
            self.status == Status.RESOLVED
            and self.resolved_at is not None
            and now - self.resolved_at < REOPEN_WINDOW
        )

    def can_be_rated(self) -> bool:
        """Its reporter may rate it once, when it is resolved or closed."""
        return self.status in (Status.RESOLVED, Status.CLOSED) and self.rating is None


class RequestPhoto(db.Model):
    """A stored image (see media.py); report photos have no event, an after-photo belongs to one."""

    __tablename__ = "request_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("request_events.id"), index=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    thumb_name: Mapped[str] = mapped_column(String(64), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    request: Mapped[ServiceRequest] = relationship(back_populates="photos")


class RequestEvent(db.Model):
    """One entry of a request's timeline."""

    __tablename__ = "request_events"
    __table_args__ = (Index("ix_request_events_request", "request_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id"))
    kind: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str | None] = mapped_column(String(16))
    from_opd_id: Mapped[int | None] = mapped_column(ForeignKey("opds.id"))
    to_opd_id: Mapped[int | None] = mapped_column(ForeignKey("opds.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    author_role: Mapped[str | None] = mapped_column(String(20))
    author_opd_id: Mapped[int | None] = mapped_column(ForeignKey("opds.id"))
    text: Mapped[str | None] = mapped_column(Text)
    is_internal: Mapped[bool] = mapped_column(Boolean, default=False)
    is_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    request: Mapped[ServiceRequest] = relationship()
    from_opd: Mapped[Opd | None] = relationship(foreign_keys=[from_opd_id], lazy="joined")
    to_opd: Mapped[Opd | None] = relationship(foreign_keys=[to_opd_id], lazy="joined")
    author_opd: Mapped[Opd | None] = relationship(foreign_keys=[author_opd_id], lazy="joined")
    photos: Mapped[list[RequestPhoto]] = relationship(lazy="selectin", overlaps="photos")


class Support(db.Model):
    """A resident's "me too"; supporters follow the request like its reporter."""

    __tablename__ = "supports"
    __table_args__ = (UniqueConstraint("request_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
