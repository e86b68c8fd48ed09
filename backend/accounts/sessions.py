"""Login sessions: access tokens, rotating refresh tokens and their revocation."""

from dataclasses import dataclass
from datetime import timedelta

from flask import current_app
from flask_jwt_extended import create_access_token, create_refresh_token, get_jti
from sqlalchemy import update

from ..audit.services import record
from ..database import utcnow
from ..errors import Unauthorized
from ..extensions import db
from ..security import STAFF
from .models import LoginSession, User

SESSION_ENDED = "Your session has ended. Please log in again."


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    user: User


def _issue_tokens(session: LoginSession) -> Tokens:
    claims = {"sid": session.id}
    refresh_token = create_refresh_token(identity=session.user, additional_claims=claims)
    session.refresh_jti = get_jti(refresh_token)
    session.last_used_at = utcnow()
    access_token = create_access_token(identity=session.user, additional_claims=claims)
    return Tokens(access_token, refresh_token, session.user)


def start_session(user: User, user_agent: str | None, second_factor: bool = False) -> Tokens:
    """Open a new login for the user and give its first token pair. `second_factor`: the person
    passed two-factor sign-in (two_factor.py), or the login carries on one that had."""
    session = LoginSession(
        user=user, user_agent=(user_agent or "")[:255] or None, refresh_jti="", second_factor=second_factor
    )
    db.session.add(session)
    db.session.flush()
    tokens = _issue_tokens(session)
    user.last_login_at = utcnow()
    db.session.commit()
    return tokens


def sign_in(user: User, user_agent: str | None, method: str, second_factor: bool = False) -> Tokens:
    """A person signing in (not a refresh): staff, operators and admins leave an audit row."""
    if user.role in STAFF:
        details = {"method": method, "second_factor": second_factor}
        record("auth.sign_in", target_type="user", target_id=user.id, details=details, actor=user)
    return start_session(user, user_agent, second_factor)


def rotate_session(session_id: str, refresh_jti: str) -> Tokens:
    """Trade a refresh token for a new pair. A token that was already traded ends the whole login,
    since only a thief or a replay would present it again; except the one traded last, within
    REFRESH_RETRY_SECONDS of its trade: a phone that left the page before the new cookie arrived
    asks again with it. (A thief inside that window gets a pair, but the owner's next refresh then
    presents a token that is neither, which ends the login for both.)"""
    session = db.session.get(LoginSession, session_id, with_for_update=True, populate_existing=True)
    if session is None or not session.is_active or not session.user.can_log_in:
        raise Unauthorized(SESSION_ENDED)
    if session.refresh_jti == refresh_jti:
        session.previous_jti, session.rotated_at = refresh_jti, utcnow()
    elif not _is_retry(session, refresh_jti):
        session.revoke("reuse")
        db.session.commit()
        raise Unauthorized(SESSION_ENDED)
    tokens = _issue_tokens(session)
    db.session.commit()
    return tokens


def _is_retry(session: LoginSession, refresh_jti: str) -> bool:
    """The token traded last, presented again soon after its trade (its answer never arrived)."""
    window = timedelta(seconds=current_app.config["REFRESH_RETRY_SECONDS"])
    return (
        session.previous_jti == refresh_jti
        and session.rotated_at is not None
        and utcnow() - session.rotated_at <= window
    )


def end_session(session_id: str) -> None:
    session = db.session.get(LoginSession, session_id)
    if session is not None:
        session.revoke("logout")
        db.session.commit()


def revoke_all_sessions(user: User, reason: str, keep: str | None = None) -> None:
    """End every login of the user but `keep` (password change, deactivation, deletion). The
    caller commits."""
    db.session.execute(
        update(LoginSession)
        .where(
            LoginSession.user_id == user.id,
            LoginSession.revoked_at.is_(None),
            LoginSession.id != (keep or ""),
        )
        .values(revoked_at=utcnow(), revoked_reason=reason)
    )


def passed_second_factor(session_id: str | None) -> bool:
    session = db.session.get(LoginSession, session_id) if session_id else None
    return session is not None and session.second_factor


def is_session_active(session_id: str | None) -> bool:
    if not session_id:
        return False
    session = db.session.get(LoginSession, session_id)
    return session is not None and session.is_active
