"""Open311 use cases: partner keys, and the spec's views of services and requests."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select

from ..accounts.models import User
from ..audit.services import record
from ..catalog import services as catalog
from ..catalog.models import Service
from ..database import utcnow
from ..errors import Forbidden, NotFound
from ..extensions import db
from ..service_requests import filing, queries
from ..service_requests.models import OPEN_STATUSES, EventKind, RequestEvent, ServiceRequest, Status
from .models import Open311Key

DEFAULT_DAYS = 90
MAX_PAGE_SIZE = 1000
CLOSED = (Status.RESOLVED, Status.CLOSED, Status.REJECTED)


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue_key(name: str, admin: User) -> tuple[Open311Key, str]:
    """A new key for a partner; the plain key is returned once and never stored."""
    plain = secrets.token_urlsafe(32)
    key = Open311Key(name=name, key_hash=_hash(plain), key_prefix=plain[:8], created_by_id=admin.id)
    db.session.add(key)
    db.session.flush()
    record(
        "open311_key.issued",
        target_type="open311_key",
        target_id=key.id,
        details={"partner": name},
        actor=admin,
    )
    db.session.commit()
    return key, plain


def list_keys() -> list[Open311Key]:
    return list(db.session.scalars(select(Open311Key).order_by(Open311Key.id.desc())))


def revoke_key(key_id: int) -> None:
    key = db.session.get(Open311Key, key_id)
    if key is None:
        raise NotFound()
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        record(
            "open311_key.revoked", target_type="open311_key", target_id=key.id, details={"partner": key.name}
        )
        db.session.commit()


def check_key(plain: str | None) -> Open311Key:
    key = db.session.scalar(select(Open311Key).where(Open311Key.key_hash == _hash(plain or "")))
    if not plain or key is None or not key.is_active:
        raise Forbidden("The api_key is missing or not valid.")
    key.last_used_at = utcnow()
    return key


def file_request(key: Open311Key, data: dict, idempotency_key: str | None) -> ServiceRequest:
    """A partner's request; its contact details (if any) stay visible to staff only."""
    return filing.file_request(data, None, [], idempotency_key, source=f"open311:{key.name}"[:60]).request


def list_services() -> list[Service]:
    return catalog.list_services()


def get_service(code: str) -> Service:
    return catalog.get_service(code)


def find_requests(args: dict) -> list[ServiceRequest]:
    """The spec's query: by ids, or by service, status and dates (last 90 days by default), newest first."""
    query = select(ServiceRequest).where(
        ServiceRequest.is_public.is_(True), ServiceRequest.is_hidden.is_(False)
    )
    if args.get("service_request_id"):
        return list(db.session.scalars(query.where(ServiceRequest.code.in_(args["service_request_id"]))))
    if args.get("service_code"):
        query = query.join(ServiceRequest.service).where(Service.code.in_(args["service_code"]))
    if args.get("status"):
        wanted = [s for name in args["status"] for s in (OPEN_STATUSES if name == "open" else CLOSED)]
        query = query.where(ServiceRequest.status.in_(wanted))
    end = args.get("end_date") or utcnow()
    start = args.get("start_date") or end - timedelta(days=DEFAULT_DAYS)
    query = query.where(ServiceRequest.created_at.between(start, end))
    size = min(args.get("page_size") or MAX_PAGE_SIZE, MAX_PAGE_SIZE)
    page = args.get("page") or 1
    query = query.order_by(ServiceRequest.created_at.desc(), ServiceRequest.id.desc())
    return list(db.session.scalars(query.limit(size).offset((page - 1) * size)))


def status_notes(requests: list[ServiceRequest]) -> dict[int, str]:
    """The text of each request's latest public status change, in one query."""
    rows = db.session.execute(
        select(RequestEvent.request_id, RequestEvent.text)
        .where(
            RequestEvent.request_id.in_([item.id for item in requests]),
            RequestEvent.kind == EventKind.STATUS,
            RequestEvent.is_internal.is_(False),
        )
        .order_by(RequestEvent.id)
    )
    return {request_id: text for request_id, text in rows if text}


def get_request(code: str) -> ServiceRequest:
    return queries.get_visible_request(code, None)


def find_by_token(token: str) -> ServiceRequest:
    return queries.find_by_token(token)
