"""The staff inbox's search: one query from the filters, text search and a tracking code typed exactly."""

from sqlalchemy import select

from ..accounts.models import User
from ..catalog.models import Service
from ..database import utcnow
from ..lookups import by_code
from ..pagination import Page, keyset_page
from ..places.models import Kecamatan, Opd
from ..security import Role
from .models import OPEN_STATUSES, ServiceRequest
from .queries import exact_code, filter_requests, with_people


def _known(model, code: str | None, field: str, message: str) -> str | None:
    """The code when it names a row; an unknown one answers 422 instead of an empty list."""
    by_code(model, code or None, field, message)
    return code


def search_inbox(user: User, args: dict) -> Page:
    """The OPD's requests by SLA deadline, the most overdue first, narrowed by status (open ones
    unless asked), service, kecamatan, overdue and `q`; operators and admins may pick an OPD.
    A `q` that is a tracking code finds that request whatever its status."""
    query = with_people(select(ServiceRequest))
    if user.role == Role.OPD_STAFF:
        query = query.where(ServiceRequest.opd_id == user.opd_id)
    elif _known(Opd, args.get("opd"), "opd", "Unknown OPD."):
        query = query.where(ServiceRequest.opd.has(Opd.code == args["opd"]))
    filters = {
        "service": _known(Service, args.get("service_code") or args.get("service"), "service_code",
                          "Unknown service."),
        "kecamatan": _known(Kecamatan, args.get("kecamatan"), "kecamatan", "Unknown kecamatan."),
        "status": args.get("status"),
    }  # fmt: skip
    if exact_code(args.get("q")):
        filters["status"] = None
    else:
        filters["status"] = filters["status"] or list(OPEN_STATUSES)
    if args.get("overdue"):
        query = query.where(ServiceRequest.sla_due_at < utcnow())
    return keyset_page(
        filter_requests(query, args | filters),
        [ServiceRequest.sla_due_at, ServiceRequest.id],
        args.get("cursor"),
        args["limit"],
        descending=False,
    )
