"""Working a request: status transitions, reroutes, notes, comments, support, rating, reopening,
moderation. Every change writes a timeline event; public changes are announced as domain events."""

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from .. import events
from ..accounts.models import User
from ..audit.services import record
from ..database import utcnow
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..extensions import db
from ..places.services import get_opd
from ..security import Role
from . import access, photos
from .models import OPEN_STATUSES, EventKind, RequestEvent, ServiceRequest, Status, Support
from .queries import get_request
from .timeline import record_event

NOTE_REQUIRED = {Status.RESOLVED: "Say what was done.", Status.REJECTED: "Say why it is rejected."}


def _record_first_response(request: ServiceRequest, actor: User) -> None:
    if request.first_response_at is None and actor.role != Role.RESIDENT:
        request.first_response_at = utcnow()


def _mark_duplicate(request: ServiceRequest, original_code: str) -> None:
    original = get_request(original_code)
    if original.id == request.id or original.duplicate_of_id == request.id:
        raise Invalid(errors={"duplicate_of": ["A request cannot duplicate itself."]})
    if not access.is_publicly_visible(original):
        # Naming a private request would show its code, and make the reporter follow it.
        raise Invalid(errors={"duplicate_of": ["The original must be a public request."]})
    request.duplicate_of = original
    if request.reporter_id and request.reporter_id != original.reporter_id:
        _add_support(original, request.reporter_id)


def change_status(code: str, actor: User, to: str, note: str | None, duplicate_of: str | None = None,
                  after_photos: list | None = None) -> ServiceRequest:  # fmt: skip
    """Move a request along the workflow graph; an edge not in the graph answers 409 naming the allowed."""
    request = get_request(code, for_update=True)
    if not access.may_change_status(request, actor):
        raise Forbidden()
    allowed = request.allowed_transitions()
    if to not in allowed:
        raise Conflict(
            f"A request that is {request.status} cannot become {to}. Allowed: {', '.join(allowed) or '-'}."
        )
    if to in NOTE_REQUIRED and not (note or "").strip():
        raise Invalid(errors={"note": [NOTE_REQUIRED[to]]})
    if duplicate_of and to != Status.REJECTED:
        raise Invalid(errors={"duplicate_of": ["Only a rejection names a duplicate."]})
    if duplicate_of:
        _mark_duplicate(request, duplicate_of)
    stored = photos.store_photos(after_photos or [], field="photo") if to == Status.RESOLVED else []

    now = utcnow()
    _record_first_response(request, actor)
    event = record_event(
        request, actor, EventKind.STATUS, from_status=request.status, to_status=to, text=note
    )
    request.status = to
    if to == Status.RESOLVED:
        request.resolved_at = now
        event.photos = [photos.photo_record(image, request=request) for image in stored]
    if to in (Status.CLOSED, Status.REJECTED):
        request.closed_at = now
    _audit(request, "request.status_changed", {"from": event.from_status, "to": to}, actor)
    _commit_or_discard(stored)
    events.request_status_changed.send(request, event=event)
    return request


def resolve_with_incident(code: str, actor: User, note: str, opd=None) -> bool:
    """Resolve an open request as part of closing its incident: one status event with the closing
    message (so one update to its followers), straight from any open state, counted for `opd` (the
    incident's lead OPD) when given. A request no longer open is left alone (False), so a retried
    or doubled close changes and sends nothing twice. Who may close is the incident's rule."""
    request = get_request(code, for_update=True)
    from_status = request.status
    # Claimed by a conditional UPDATE: of two closes at once, one changes the row, the other nothing.
    claimed = db.session.execute(
        update(ServiceRequest)
        .where(ServiceRequest.id == request.id, ServiceRequest.status.in_(OPEN_STATUSES))
        .values(status=Status.RESOLVED, resolved_at=utcnow())
    ).rowcount
    if not claimed:
        db.session.rollback()
        return False
    event = record_event(
        request, actor, EventKind.STATUS, from_status=from_status, to_status=Status.RESOLVED, text=note
    )
    if opd is not None and opd.id != request.opd_id:
        event.from_opd_id, event.to_opd_id = request.opd_id, opd.id
        request.opd = opd
    _record_first_response(request, actor)
    db.session.commit()
    events.request_status_changed.send(request, event=event)
    return True


def reopen(code: str, actor: User, reason: str) -> ServiceRequest:
    """The reporter reopens a resolved request within 7 days; it goes back to the OPD's work."""
    request = get_request(code, for_update=True)
    if not access.is_reporter(request, actor):
        raise Forbidden("Only the reporter can reopen a request.")
    if request.status != Status.RESOLVED:
        raise Conflict("Only a resolved request can be reopened.")
    if not request.can_reopen(utcnow()):
        raise Conflict("A request can only be reopened within 7 days of being resolved.")
    event = record_event(
        request,
        actor,
        EventKind.STATUS,
        from_status=request.status,
        to_status=Status.IN_PROGRESS,
        text=reason,
    )
    request.status = Status.IN_PROGRESS
    request.resolved_at = None
    db.session.commit()
    events.request_status_changed.send(request, event=event)
    return request


def reroute(code: str, actor: User, opd_code: str, reason: str) -> ServiceRequest:
    """Send a request to another OPD (its current staff, operators, admins), with a reason."""
    request = get_request(code, for_update=True)
    if not access.works_on(request, actor):
        raise Forbidden()
    if request.status not in OPEN_STATUSES:
        raise Conflict("Only an open request can be rerouted.")
    target = get_opd(opd_code)
    if not target.is_active:
        raise Invalid(errors={"opd": ["Unknown OPD."]})
    if target.id == request.opd_id:
        raise Invalid(errors={"opd": ["The request is already with this OPD."]})
    event = record_event(
        request, actor, EventKind.REROUTE, from_opd_id=request.opd_id, to_opd_id=target.id, text=reason
    )
    _audit(request, "request.rerouted", {"from": request.opd.code, "to": target.code}, actor)
    request.opd = target
    db.session.commit()
    events.request_rerouted.send(request, event=event)
    return request


def add_note(code: str, actor: User, text: str) -> RequestEvent:
    """An internal note: staff only, never in a public answer."""
    request = get_request(code)
    if not access.works_on(request, actor):
        raise Forbidden()
    event = record_event(request, actor, EventKind.NOTE, text=text, is_internal=True)
    _audit(request, "request.note_added", actor=actor)
    db.session.commit()
    return event


def add_comment(code: str, actor: User, text: str) -> RequestEvent:
    """A public comment by the reporter, a supporter, anyone on a public request, or staff."""
    request = get_request(code)
    if not access.may_view(request, actor):
        raise NotFound()
    if request.is_hidden and not access.works_on(request, actor):
        raise Forbidden()
    event = record_event(request, actor, EventKind.COMMENT, text=text)
    if access.works_on(request, actor):
        _record_first_response(request, actor)
        _audit(request, "request.commented", actor=actor)
    db.session.commit()
    events.request_commented.send(request, event=event)
    return event


def _add_support(request: ServiceRequest, user_id: int) -> bool:
    """Count a supporter once; False when they already support it."""
    if db.session.scalar(
        select(Support.id).where(Support.request_id == request.id, Support.user_id == user_id)
    ):
        return False
    db.session.add(Support(request_id=request.id, user_id=user_id))
    db.session.execute(
        update(ServiceRequest)
        .where(ServiceRequest.id == request.id)
        .values(supporter_count=ServiceRequest.supporter_count + 1)
    )
    return True


def support(code: str, actor: User) -> ServiceRequest:
    """ "Me too": once per person, a repeat changes nothing; the reporter already follows their own."""
    request = get_request(code)
    if not access.may_view(request, actor):
        raise NotFound()
    if not access.is_reporter(request, actor):
        try:
            _add_support(request, actor.id)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # a double tap raced itself; the first one counted
    db.session.refresh(request)
    return request


def rate(code: str, actor: User, rating: int, feedback: str | None) -> ServiceRequest:
    """The reporter rates a resolved or closed request, once."""
    request = get_request(code, for_update=True)
    if not access.is_reporter(request, actor):
        raise Forbidden("Only the reporter can rate a request.")
    if not request.can_be_rated():
        if request.rating is not None:
            raise Conflict("This request has already been rated.")
        raise Conflict("A request can be rated once it is resolved.")
    request.rating, request.feedback, request.rated_at = rating, feedback, utcnow()
    record_event(request, actor, EventKind.RATING, text=feedback)
    db.session.commit()
    return request


def set_request_hidden(code: str, hidden: bool, reason: str | None) -> ServiceRequest:
    """Moderation: a hidden request is kept but leaves every public answer."""
    request = get_request(code)
    request.is_hidden, request.hidden_reason = hidden, reason if hidden else None
    _audit(
        request, "request.hidden" if hidden else "request.unhidden", {"reason": reason} if hidden else None
    )
    db.session.commit()
    return request


def set_event_hidden(code: str, event_id: int, hidden: bool) -> RequestEvent:
    request = get_request(code)
    event = db.session.get(RequestEvent, event_id)
    if event is None or event.request_id != request.id or event.kind != EventKind.COMMENT:
        raise NotFound()
    event.is_hidden = hidden
    action = "comment.hidden" if hidden else "comment.unhidden"
    record(action, target_type="comment", target_id=event.id, details={"request": request.code})
    db.session.commit()
    return event


def _audit(request: ServiceRequest, action: str, details: dict | None = None, actor: User | None = None):
    record(action, target_type="request", target_id=request.code, details=details, actor=actor)


def _commit_or_discard(stored: list) -> None:
    try:
        db.session.commit()
    except Exception:
        db.session.rollback()
        photos.discard_photos(stored)
        raise
