"""Who may see and work a request."""

from ..accounts.models import User
from ..security import Role, works_for
from .models import ServiceRequest


def is_reporter(request: ServiceRequest, user: User | None) -> bool:
    return user is not None and request.reporter_id is not None and request.reporter_id == user.id


def works_on(request: ServiceRequest, user: User | None) -> bool:
    """Staff of the request's OPD, operators and admins."""
    if user is None:
        return False
    return user.role == Role.OPERATOR or works_for(user, request.opd_id)


def may_change_status(request: ServiceRequest, user: User) -> bool:
    """Staff of the request's OPD and admins; operators dispatch, they do not work requests."""
    return works_for(user, request.opd_id)


def is_publicly_visible(request: ServiceRequest) -> bool:
    return request.is_public and not request.is_hidden


def may_view(request: ServiceRequest, user: User | None, has_token: bool = False) -> bool:
    """Staff, the reporter and the holder of the tracking token see it; everyone else only while public."""
    if works_on(request, user) or is_reporter(request, user) or has_token:
        return True
    return is_publicly_visible(request)
