"""One row per privileged action. Rows are only ever added; pseudonymisation is the one update."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..accounts.models import User
from ..database import UTCDateTime, utcnow
from ..extensions import db


class AuditEntry(db.Model):
    __tablename__ = "audit_entries"
    __table_args__ = (
        Index("ix_audit_entries_at", "at"),
        Index("ix_audit_entries_actor_at", "actor_id", "at"),
        Index("ix_audit_entries_action_at", "action", "at"),
        Index("ix_audit_entries_target", "target_type", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # None for the system (a scheduled job); accounts are never hard-deleted, so the id stays valid.
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The role at the time of the action: a later role change must not rewrite history.
    actor_role: Mapped[str | None] = mapped_column(String(20))
    # "<area>.<verb>", e.g. "request.status_changed", "auth.sign_in", "user.role_changed"
    action: Mapped[str] = mapped_column(String(48))
    target_type: Mapped[str | None] = mapped_column(String(24))
    target_id: Mapped[str | None] = mapped_column(String(40))
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    ip_address: Mapped[str | None] = mapped_column(String(45))
    user_agent: Mapped[str | None] = mapped_column(String(255))

    actor: Mapped[User | None] = relationship(lazy="joined")


class AuditPurge(db.Model):
    """A row here exists only inside a transaction that deletes audit rows (services.purge_allowed):
    the database refuses a delete from audit_entries while this table is empty (migration 0021)."""

    __tablename__ = "audit_purges"

    id: Mapped[int] = mapped_column(primary_key=True)
