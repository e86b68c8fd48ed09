"""Incidents, the requests and warnings tied to them, their timeline, and detection's schedule."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column, Float, ForeignKey, Integer, String, Table, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..catalog.models import ServiceGroup
from ..database import TimestampMixin, UTCDateTime, utcnow
from ..extensions import db
from ..news.models import Article
from ..places.models import Kelurahan, Opd
from ..warnings.models import OfficialWarning


class IncidentState(StrEnum):
    PROPOSED = "proposed"  # detection saw a surge; an operator decides
    ACTIVE = "active"  # confirmed (or opened by hand): being handled
    RESOLVED = "resolved"  # closed with one message to every reporter
    DISMISSED = "dismissed"  # not an incident (with a reason), or merged into another


OPEN_STATES = (IncidentState.PROPOSED, IncidentState.ACTIVE)
PUBLIC_STATES = (IncidentState.ACTIVE, IncidentState.RESOLVED)


class EventKind(StrEnum):
    PROPOSED = "proposed"
    OPENED = "opened"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    MERGED = "merged"  # another incident was merged into this one
    MERGED_INTO = "merged_into"
    LINKED = "linked"
    UNLINKED = "unlinked"
    JOINED = "joined"  # new reports of the area and kind joined on their own
    WARNING = "warning"  # an official warning covering the area was linked
    LEAD_OPD = "lead_opd"
    NOTE = "note"
    ALERT = "alert"
    UPDATE = "update"
    CLOSED = "closed"


incident_kelurahan = Table(
    "incident_kelurahan",
    db.metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("kelurahan_id", ForeignKey("kelurahan.id", ondelete="CASCADE"), primary_key=True, index=True),
)

incident_warnings = Table(
    "incident_warnings",
    db.metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("warning_id", ForeignKey("warnings.id", ondelete="CASCADE"), primary_key=True),
)


class Incident(TimestampMixin, db.Model):
    """Many reports of one kind (a service group) in one area (kelurahan). Detection records why it
    fired: the count in its window and the usual count at that time of the week."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    state: Mapped[str] = mapped_column(String(12), default=IncidentState.PROPOSED, index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("service_groups.id"))
    source: Mapped[str] = mapped_column(String(12), default="detection")  # or "manual"
    # Why it fired, per language ("id", "en"); for one opened by hand, what the operator wrote.
    reason: Mapped[dict] = mapped_column(JSON, default=dict)
    window_count: Mapped[int | None] = mapped_column(Integer)
    baseline: Mapped[float | None] = mapped_column(Float)
    lead_opd_id: Mapped[int | None] = mapped_column(ForeignKey("opds.id"))
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dismissed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dismiss_reason: Mapped[str | None] = mapped_column(String(300))
    close_message: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("incidents.id", ondelete="SET NULL"))

    group: Mapped[ServiceGroup] = relationship(lazy="joined")
    lead_opd: Mapped[Opd | None] = relationship(lazy="joined")
    kelurahan: Mapped[list[Kelurahan]] = relationship(
        secondary=incident_kelurahan, lazy="selectin", order_by=Kelurahan.code
    )
    warnings: Mapped[list[OfficialWarning]] = relationship(secondary=incident_warnings, lazy="selectin")
    # Its timeline, oldest first; entries are added by linking.record(), never through this list.
    events: Mapped[list["IncidentEvent"]] = relationship(order_by="IncidentEvent.id", viewonly=True)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def kelurahan_codes(self) -> list[str]:
        return [area.code for area in self.kelurahan]

    @property
    def started_at(self) -> datetime:
        """When it started, as residents see it: when it was confirmed, else when it was opened."""
        return self.confirmed_at or self.created_at

    @property
    def report_count(self) -> int:
        """How many requests are linked to it."""
        return db.session.scalar(
            select(func.count())
            .select_from(IncidentRequest)
            .where(IncidentRequest.incident_id == self.id, IncidentRequest.unlinked_at.is_(None))
        )

    @property
    def update_articles(self) -> list[Article]:
        """The articles it published as status updates, expired and hidden ones too, oldest first."""
        updates = select(IncidentEvent.data).where(
            IncidentEvent.incident_id == self.id, IncidentEvent.kind == EventKind.UPDATE
        )
        slugs = [data["article"] for data in db.session.scalars(updates)]
        query = select(Article).where(Article.slug.in_(slugs)).order_by(Article.published_at, Article.id)
        return list(db.session.scalars(query))

    @property
    def public_updates(self) -> list[Article]:
        """The status updates residents may read, newest first."""
        readable = [article for article in self.update_articles if article.is_readable]
        return sorted(readable, key=lambda article: article.published_at, reverse=True)


class IncidentRequest(db.Model):
    """A request tied to an incident; a request belongs to one incident at most, and keeps its own
    code and Open311 id. An unlinked request keeps its row (with `unlinked_at`), so that detection
    never ties it again on its own."""

    __tablename__ = "incident_requests"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("service_requests.id", ondelete="CASCADE"), primary_key=True
    )
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    unlinked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


def linked_request_ids(incident_id: int):
    """A subquery of the ids of the requests linked to the incident (the dashboards' filter)."""
    return select(IncidentRequest.request_id).where(
        IncidentRequest.incident_id == incident_id, IncidentRequest.unlinked_at.is_(None)
    )


class IncidentEvent(db.Model):
    """One entry of an incident's timeline: who did what, with the details (codes, ids) in `data`."""

    __tablename__ = "incident_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    text: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship(lazy="joined")


class DetectionSchedule(db.Model):
    """When detection may run next: claimed by one conditional UPDATE, so that however many ticks
    and workers overlap, it runs at most once per interval."""

    __tablename__ = "incident_detection"

    id: Mapped[int] = mapped_column(primary_key=True)
    next_run_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
