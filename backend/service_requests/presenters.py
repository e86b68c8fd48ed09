"""What depends on the viewer in a request: personal data and internal details only for staff.
The rest of the answer is read from the request by schemas.RequestSchema."""

from marshmallow import missing

from ..accounts.models import User
from ..catalog.attributes import public_values
from ..database import utcnow
from ..schemas import Viewed
from . import access
from .models import ServiceRequest


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


def present_request(
    request: ServiceRequest,
    viewer: User | None,
    supported: bool = False,
    token_holder: bool = False,
    contact: bool = True,
    **more,
) -> Viewed:
    """The request as `viewer` may see it (None: the public; token_holder: its anonymous reporter).
    Staff see the reporter's name and contacts unless `contact` is False: lists leave them out,
    so that every read of them is one audited request (GET /requests/<code>). `more` are other
    parts of the answer that the route knows (a tracking token, a distance)."""
    staff = access.works_on(request, viewer)
    personal = staff or token_holder or access.is_reporter(request, viewer)
    return Viewed(
        request,
        viewer=_viewer(request, viewer, supported),
        attributes=request.attribute_values
        if personal
        else public_values(request.service, request.attribute_values),
        reporter=_reporter(request) if staff and contact else missing,
        is_hidden=request.is_hidden if staff else missing,
        **more,
    )


def _reporter(request: ServiceRequest) -> dict:
    # Past the city's retention a closed request no longer says who reported it.
    reporter = None if request.contacts_removed_at else request.reporter
    given = request.contact or {}
    return {
        "name": reporter.name if reporter else given.get("name"),
        "email": reporter.email if reporter else given.get("email"),
        "phone": reporter.phone if reporter else given.get("phone"),
    }
