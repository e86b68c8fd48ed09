"""Users and their login sessions."""

from datetime import datetime
from enum import StrEnum
from uuid import uuid4

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import TimestampMixin, UTCDateTime, utcnow
from ..extensions import db
from ..places.models import Opd


class Role(StrEnum):
    RESIDENT = "resident"
    OPD_STAFF = "opd_staff"
    OPERATOR = "operator"
    ADMIN = "admin"


STAFF_ROLES = (Role.OPD_STAFF, Role.OPERATOR, Role.ADMIN)
DELETED_NAME = "Pengguna terhapus"


class User(TimestampMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # Stored normalised (e-mail lower-cased, phone as +62...), so uniqueness is case-insensitive.
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default=Role.RESIDENT, index=True)
    opd_id: Mapped[int | None] = mapped_column(ForeignKey("opds.id"), index=True)
    locale: Mapped[str] = mapped_column(String(5), default="id")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    opd: Mapped[Opd | None] = relationship(lazy="joined")
    sessions: Mapped[list["LoginSession"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    @property
    def can_log_in(self) -> bool:
        return self.is_active and self.deleted_at is None


class LoginSession(db.Model):
    """One login on one device. Its refresh token rotates; replaying an old one revokes it."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=lambda: str(uuid4()))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    refresh_jti: Mapped[str] = mapped_column(String(36))
    # The token traded last and when: presented again within the grace window it is a retry whose
    # answer was lost (a page left mid-refresh), not a replay (sessions.rotate_session).
    previous_jti: Mapped[str | None] = mapped_column(String(36))
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_agent: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_reason: Mapped[str | None] = mapped_column(String(32))

    user: Mapped[User] = relationship(back_populates="sessions")

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def revoke(self, reason: str) -> None:
        if self.revoked_at is None:
            self.revoked_at = utcnow()
            self.revoked_reason = reason


class CodePurpose(StrEnum):
    REGISTER = "register"
    SIGN_IN = "sign_in"
    RESET = "reset"
    CONTACT = "contact"


class OneTimeCode(db.Model):
    """A code sent to an e-mail address or phone number, kept only as an HMAC (one_time_codes.py).

    Every request for a code makes a row, whether or not an account has the contact: the answer and
    its cost are then the same either way, and the send limits count the contact, not the account."""

    __tablename__ = "one_time_codes"
    __table_args__ = (Index("ix_one_time_codes_target_created", "target", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(16))
    # "email:budi@contoh.id" or "phone:+6281234567890"
    target: Mapped[str] = mapped_column(String(280))
    channel: Mapped[str] = mapped_column(String(16))
    locale: Mapped[str] = mapped_column(String(5), default="id")
    code_hash: Mapped[str] = mapped_column(String(64))
    # The account a contact change is for; registrations, resets and sign-ins find theirs by target.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # A registration's name, password hash and second contact, until the code creates the account.
    payload: Mapped[dict | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # When a message actually left (the job): the city's daily budget of SMS counts these.
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def kind(self) -> str:
        return self.target.split(":", 1)[0]

    @property
    def address(self) -> str:
        return self.target.split(":", 1)[1]
