"""What each viewer sees of a request: personal data and internal details only for staff."""

from ..accounts.models import User
from ..catalog.attributes import public_values
from ..database import utcnow
from . import access
from .models import RequestEvent, ServiceRequest, Status
from .photos import photo_urls

OPEN311_CLOSED = (Status.RESOLVED, Status.CLOSED, Status.REJECTED)


def _place(row) -> dict | None:
    return {"code": row.code, "name": row.name} if row is not None else None


def _opd(opd) -> dict | None:
    return {"code": opd.code, "name": opd.short_name} if opd is not None else None


def _viewer(request: ServiceRequest, viewer: User | None, supported: bool) -> dict:
    is_reporter = access.is_reporter(request, viewer)
    may_work = viewer is not None and access.may_change_status(request, viewer)
    return {
        "is_reporter": is_reporter,
        "has_supported": supported,
        "can_reopen": is_reporter and request.can_reopen(utcnow()),
        "can_rate": is_reporter and request.can_be_rated(),
        "allowed_transitions": list(request.allowed_transitions()) if may_work else [],
    }


def present_request(request: ServiceRequest, viewer: User | None, supported: bool = False,
                    token_holder: bool = False, external: bool = False) -> dict:  # fmt: skip
    """The request as `viewer` may see it (None: the public; token_holder: its anonymous reporter)."""
    staff = access.works_on(request, viewer)
    personal = staff or token_holder or access.is_reporter(request, viewer)
    answer = {
        "code": request.code,
        "service": {"code": request.service.code, "name": request.service.name},
        "status": request.status,
        "open311_status": "closed" if request.status in OPEN311_CLOSED else "open",
        "description": request.description,
        "attributes": request.attribute_values
        if personal
        else public_values(request.service, request.attribute_values),
        "location": {"lat": request.lat, "long": request.long, "address": request.address},
        "kelurahan": _place(request.kelurahan),
        "kecamatan": _place(request.kecamatan),
        "opd": _opd(request.opd),
        "photos": [photo_urls(request, photo, external) for photo in request.report_photos],
        "is_public": request.is_public,
        "created_at": request.created_at,
        "updated_at": request.updated_at,
        "first_response_at": request.first_response_at,
        "resolved_at": request.resolved_at,
        "closed_at": request.closed_at,
        "sla_due_at": request.sla_due_at,
        "is_overdue": request.is_overdue,
        "supporter_count": request.supporter_count,
        "rating": request.rating,
        "duplicate_of": request.duplicate_of.code if request.duplicate_of else None,
        "viewer": _viewer(request, viewer, supported),
    }
    if staff:
        reporter = request.reporter
        contact = request.contact or {}
        answer["reporter"] = {
            "name": reporter.name if reporter else contact.get("name"),
            "email": reporter.email if reporter else contact.get("email"),
            "phone": reporter.phone if reporter else contact.get("phone"),
        }
        answer["is_hidden"] = request.is_hidden
    return answer


def present_event(event: RequestEvent) -> dict:
    request = event.request
    return {
        "id": event.id,
        "kind": event.kind,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "from_opd": _opd(event.from_opd),
        "to_opd": _opd(event.to_opd),
        "author": {"role": event.author_role, "opd": _opd(event.author_opd)} if event.author_role else None,
        "text": event.text,
        "photos": [photo_urls(request, photo) for photo in event.photos],
        "is_internal": event.is_internal,
        "is_hidden": event.is_hidden,
        "created_at": event.created_at,
    }
