"""Writing the audit trail. Call `record` in the same transaction as the action it records, so an
action that rolls back leaves no row and one that commits always leaves one."""

from datetime import datetime

from flask import g, has_request_context, request
from sqlalchemy import delete, update

from ..accounts.models import User
from ..extensions import db
from .models import AuditEntry


def record(
    action: str,
    *,
    target_type: str | None = None,
    target_id: int | str | None = None,
    details: dict | None = None,
    actor: User | None = None,
) -> AuditEntry:
    """Add one audit row for `action` by `actor`: by default the signed-in user of this request,
    and the system (None) in a job."""
    if actor is None and has_request_context():
        actor = _signed_in_user()
    entry = AuditEntry(
        actor_id=actor.id if actor else None,
        actor_role=actor.role if actor else None,
        action=action,
        target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        details=details or {},
    )
    if has_request_context():
        entry.ip_address = request.remote_addr
        entry.user_agent = (request.user_agent.string or "")[:255] or None
    db.session.add(entry)
    return entry


def _signed_in_user() -> User | None:
    """The user of this request's access token, if one was verified (flask-jwt-extended keeps it
    in `g`; `current_user` raises outside a protected view)."""
    loaded = g.get("_jwt_extended_jwt_user")
    return loaded["loaded_user"] if loaded else None


def pseudonymise(user_id: int) -> None:
    """A deleted account's rows keep what was done and the (renamed) account id, not the address
    or device it was done from. The caller commits."""
    db.session.execute(
        update(AuditEntry).where(AuditEntry.actor_id == user_id).values(ip_address=None, user_agent=None)
    )


def delete_entries_before(cutoff: datetime) -> int:
    """The one deletion the trail allows: rows older than the city pack's audit retention
    (privacy/retention.py). The caller commits."""
    return db.session.execute(delete(AuditEntry).where(AuditEntry.at < cutoff)).rowcount
