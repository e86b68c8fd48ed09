"""The staff inbox's search: one query from the filters, text search and a tracking code typed exactly.

`matching_text` is kept apart so that the public request list can offer the same `q` later."""

import re

from sqlalchemy import func, or_, select

from ..accounts.models import Role, User
from ..catalog.models import Service
from ..database import utcnow
from ..errors import Invalid
from ..extensions import db
from ..pagination import Page, keyset_page
from ..places.models import Kecamatan, Opd
from . import codes
from .models import OPEN_STATUSES, ServiceRequest
from .queries import filter_requests, with_people

# A tracking code as a person types it: the area's prefix, a dash, five characters (BPN-7K3Q9).
CODE_PATTERN = re.compile(rf"^[A-Z]{{2,6}}-[{codes.ALPHABET}]{{{codes.CODE_LENGTH}}}$")
LIKE_ESCAPE = "\\"


def exact_code(q: str | None) -> str | None:
    """The tracking code when `q` is one typed exactly (any case, stray spaces), else None."""
    code = codes.normalise_code(q or "")
    return code if CODE_PATTERN.match(code) else None


def _contains(text: str) -> str:
    """A LIKE pattern for `text` anywhere, with its own % and _ taken literally."""
    escaped = text.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", r"\%").replace("_", r"\_")
    return f"%{escaped.lower()}%"


def matching_text(query, q: str):
    """Requests whose code, address or description contain `q`, in any case. lower() LIKE rather
    than ILIKE: the same on SQLite and PostgreSQL."""
    pattern = _contains(q.strip())
    columns = (ServiceRequest.code, ServiceRequest.address, ServiceRequest.description)
    return query.where(or_(*(func.lower(column).like(pattern, escape=LIKE_ESCAPE) for column in columns)))


def _known(model, code: str | None, field: str, message: str) -> str | None:
    """The code when it names a row; an unknown one answers 422 instead of an empty list."""
    if code and db.session.scalar(select(model.id).where(model.code == code)) is None:
        raise Invalid(errors={field: [message]})
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
    code = exact_code(args.get("q"))
    if code:
        query, filters["status"] = query.where(ServiceRequest.code == code), None
    else:
        filters["status"] = filters["status"] or list(OPEN_STATUSES)
        if (args.get("q") or "").strip():
            query = matching_text(query, args["q"])
    if args.get("overdue"):
        query = query.where(ServiceRequest.sla_due_at < utcnow())
    return keyset_page(
        filter_requests(query, args | filters),
        [ServiceRequest.sla_due_at, ServiceRequest.id],
        args.get("cursor"),
        args["limit"],
        descending=False,
    )
