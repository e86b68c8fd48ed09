"""A request's timeline: every entry (filing, status changes, reroutes, notes, comments, ratings)
is added here, with its author as the role and OPD they acted in."""

from datetime import datetime

from ..accounts.models import User
from ..database import utcnow
from ..extensions import db
from ..security import Role
from .models import RequestEvent, ServiceRequest


def record_event(
    request: ServiceRequest, actor: User | None, kind: str, at: datetime | None = None, **fields
) -> RequestEvent:
    event = RequestEvent(
        request=request,
        kind=kind,
        author_id=actor.id if actor else None,
        author_role=actor.role if actor else None,
        author_opd_id=actor.opd_id if actor and actor.role == Role.OPD_STAFF else None,
        created_at=at or utcnow(),
        **fields,
    )
    db.session.add(event)
    return event
