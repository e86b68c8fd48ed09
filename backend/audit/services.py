"""Writing the audit trail. Call `record` in the same transaction as the action it records, so an
action that rolls back leaves no row and one that commits always leaves one.

Rows are never changed or deleted by the app, with two exceptions the database trigger (migration
0017, 0021) also allows: `pseudonymise` for an account's deletion, and `purge_older_than` for retention."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum

from flask import g, has_request_context, request
from sqlalchemy import delete, or_, select

from ..accounts.models import User
from ..extensions import db
from .models import AuditEntry, AuditPurge

# The keys of `details` that may name a person; pseudonymisation removes them.
PERSONAL_KEYS = ("name", "email", "phone", "login", "contact")


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
        details=_plain(details or {}),
    )
    if has_request_context():
        entry.ip_address = request.remote_addr
        entry.user_agent = (request.user_agent.string or "")[:255] or None
    db.session.add(entry)
    return entry


def record_export(action: str, filters: dict) -> None:
    """Audit an export with the filters it was asked for, committed before its first byte leaves."""
    record(action, details={"filters": {name: value for name, value in filters.items() if value is not None}})
    db.session.commit()


def pseudonymise(user_id: int) -> int:
    """For a deleted account: the rows it acted in, or that name it as their target, keep what was
    done and when, but lose the address, browser and any name or contact in their details. The
    actor id stays (the account row is kept, anonymised). Runs in the caller's transaction; the
    number of rows touched."""
    rows = db.session.scalars(
        select(AuditEntry).where(
            or_(
                AuditEntry.actor_id == user_id,
                (AuditEntry.target_type == "user") & (AuditEntry.target_id == str(user_id)),
            )
        )
    ).all()
    for row in rows:
        row.ip_address = row.user_agent = None
        if any(key in row.details for key in PERSONAL_KEYS):
            row.details = {key: value for key, value in row.details.items() if key not in PERSONAL_KEYS}
    return len(rows)


def purge_older_than(cutoff: datetime) -> int:
    """Delete the rows older than `cutoff` (the retention job's one use), in the caller's
    transaction; the number deleted."""
    with purge_allowed():
        return db.session.execute(delete(AuditEntry).where(AuditEntry.at < cutoff)).rowcount


@contextmanager
def purge_allowed() -> Iterator[None]:
    """Let the statements inside delete audit rows. The mark is taken away before the transaction
    ends, so no other transaction ever sees it; if the statements fail, the transaction is rolled
    back here, so that no later commit can keep the mark."""
    mark = AuditPurge()
    db.session.add(mark)
    db.session.flush()
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    db.session.delete(mark)
    db.session.flush()


def _plain(value):
    """Details as JSON can store them: times as ISO 8601, enums as their value."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _signed_in_user() -> User | None:
    """The user of this request's access token, if one was verified (flask-jwt-extended keeps it
    in `g`; `current_user` raises outside a protected view)."""
    loaded = g.get("_jwt_extended_jwt_user")
    return loaded["loaded_user"] if loaded else None
