"""How long personal data is kept (city pack `privacy`): reporters' contacts on requests closed
longer ago than `reporter_contacts_months`, and audit rows older than `audit_trail_months`, are
removed by a periodic job."""

import calendar
from datetime import datetime

from sqlalchemy import and_, or_, select

from ..audit.services import purge_older_than
from ..database import utcnow
from ..extensions import db
from ..jobs import periodic
from ..places.services import retention_settings
from ..service_requests.models import ServiceRequest, Status
from .erasure import Eraser, contact_strings, erase_contacts_from_request

AT_ONCE = 500


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the month's last day when shorter)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _closed_before(cutoff: datetime):
    """Closed or rejected before the cutoff, or resolved then and never reopened nor closed."""
    return or_(
        ServiceRequest.closed_at < cutoff,
        and_(ServiceRequest.status == Status.RESOLVED, ServiceRequest.resolved_at < cutoff),
    )


def _reporters_contacts(request: ServiceRequest) -> Eraser:
    given = request.contact or {}
    strings = contact_strings(given.get("name"), given.get("email"), given.get("phone"))
    if request.reporter is not None:
        strings += contact_strings(request.reporter.name, request.reporter.email, request.reporter.phone)
    return Eraser(strings)


def remove_old_contacts(now: datetime, months: int) -> int:
    """Take the reporter's contacts off requests closed more than `months` ago; staff no longer see
    who reported them. The caller commits."""
    due = db.session.scalars(
        select(ServiceRequest)
        .where(ServiceRequest.contacts_removed_at.is_(None), _closed_before(months_before(now, months)))
        .order_by(ServiceRequest.id)
        .limit(AT_ONCE)
    ).all()
    for request in due:
        erase_contacts_from_request(request, _reporters_contacts(request))
        request.contacts_removed_at = now
    return len(due)


@periodic
def apply_retention() -> None:
    """The city pack's retention: old requests' contacts, then old audit rows."""
    now, settings = utcnow(), retention_settings()
    remove_old_contacts(now, settings["reporter_contacts_months"])
    purge_older_than(months_before(now, settings["audit_trail_months"]))
    db.session.commit()
