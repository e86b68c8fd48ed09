"""Users and their login sessions."""

from datetime import datetime
from enum import StrEnum
from uuid import uuid4

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import TimestampMixin, UTCDateTime, utcnow
from ..extensions import db
from ..places.models import Opd
from ..security import Role

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
    two_factor: Mapped["TwoFactor | None"] = relationship(
        lazy="joined", cascade="all, delete-orphan", passive_deletes=True
    )
    sessions: Mapped[list["LoginSession"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    @property
    def can_log_in(self) -> bool:
        return self.is_active and self.deleted_at is None

    @property
    def has_two_factor(self) -> bool:
        return self.two_factor is not None and self.two_factor.confirmed_at is not None


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
    # Signed in with the second factor (or set it up in this session): what roles that require
    # two-factor sign-in need to reach anything beyond setting it up (security.role_required).
    second_factor: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

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


class TwoFactor(db.Model):
    """A user's authenticator app (TOTP, RFC 6238): the secret encrypted with a key derived from
    SECRET_KEY, set up (confirmed_at None) until one code confirms it."""

    __tablename__ = "two_factor"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    secret_encrypted: Mapped[str] = mapped_column(String(255))
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The last 30-second step a code was accepted for: that code, and older ones, never work again.
    last_step: Mapped[int] = mapped_column(Integer, default=0)


class RecoveryCode(db.Model):
    """One of the single-use codes that stand in for a lost authenticator, kept only as an HMAC."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Invitation(db.Model):
    """An admin's invitation of a staff member, operator or admin: the e-mailed link (its token kept
    only as a hash) lets the invitee choose their own password, once, within INVITATION_TTL_HOURS."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), index=True)
    role: Mapped[str] = mapped_column(String(20))
    opd_id: Mapped[int | None] = mapped_column(ForeignKey("opds.id"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    opd: Mapped[Opd | None] = relationship(lazy="joined")
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id], lazy="joined")

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None
