"""Reading requests: one by code, the public list, mine, nearby, the timeline (the staff inbox: inbox.py)."""

import math
import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ..accounts.models import User
from ..audit.services import record
from ..catalog.models import Service
from ..errors import NotFound
from ..extensions import db
from ..pagination import Page, keyset_page
from ..places.models import Kecamatan, Kelurahan
from . import access, codes
from .models import OPEN_STATUSES, EventKind, RequestEvent, ServiceRequest, Support

NEARBY_METRES = 150
NEARBY_LIMIT = 10
EARTH_RADIUS_M = 6_371_000
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


def _matching_text(query, q: str):
    """Requests whose code, address or description contain `q`, in any case. lower() LIKE rather
    than ILIKE: the same on SQLite and PostgreSQL."""
    pattern = _contains(q.strip())
    columns = (ServiceRequest.code, ServiceRequest.address, ServiceRequest.description)
    return query.where(or_(*(func.lower(column).like(pattern, escape=LIKE_ESCAPE) for column in columns)))


def get_request(code: str, for_update: bool = False) -> ServiceRequest:
    """A request by code; `for_update` locks its row (PostgreSQL) so that two changes never cross."""
    query = select(ServiceRequest).where(ServiceRequest.code == codes.normalise_code(code))
    if for_update:
        query = query.with_for_update(of=ServiceRequest).execution_options(populate_existing=True)
    request = db.session.scalar(query)
    if request is None:
        raise NotFound("Unknown request.")
    return request


def get_visible_request(code: str, viewer: User | None, token: str | None = None) -> ServiceRequest:
    """The request when the viewer may see it; else 404, so a private request's existence stays hidden."""
    request = get_request(code)
    has_token = bool(token) and request.tracking_token_hash == codes.token_hash(token)
    if not access.may_view(request, viewer, has_token):
        raise NotFound("Unknown request.")
    return request


def note_contact_read(request: ServiceRequest, viewer: User) -> None:
    """Staff were shown the reporter's name and contacts: personal data, so each read is audited."""
    record("request.contact_viewed", target_type="request", target_id=request.code, actor=viewer)
    db.session.commit()


def find_by_token(token: str) -> ServiceRequest:
    request = db.session.scalar(
        select(ServiceRequest).where(ServiceRequest.tracking_token_hash == codes.token_hash(token))
    )
    if request is None:
        raise NotFound("Unknown request.")
    return request


def _id_of(model, code: str) -> int:
    """The id behind a code, looked up first so that the planner sees a plain value (-1: none)."""
    return db.session.scalar(select(model.id).where(model.code == code)) or -1


def filter_requests(query, args: dict):
    """The filters shared by the public list and the staff inbox (inbox.py). `q` is a tracking code
    typed exactly, or text in the code, address or description."""
    code = exact_code(args.get("q"))
    if code:
        query = query.where(ServiceRequest.code == code)
    elif (args.get("q") or "").strip():
        query = _matching_text(query, args["q"])
    if args.get("service"):
        query = query.where(ServiceRequest.service_id == _id_of(Service, args["service"]))
    if args.get("status"):
        query = query.where(ServiceRequest.status.in_(args["status"]))
    if args.get("kecamatan"):
        query = query.where(ServiceRequest.kecamatan_id == _id_of(Kecamatan, args["kecamatan"]))
    if args.get("kelurahan"):
        query = query.where(ServiceRequest.kelurahan_id == _id_of(Kelurahan, args["kelurahan"]))
    if args.get("bbox"):
        south, west, north, east = args["bbox"]
        query = query.where(ServiceRequest.lat.between(south, north), ServiceRequest.long.between(west, east))
    if args.get("since"):
        query = query.where(ServiceRequest.created_at >= args["since"])
    return query


def with_people(query):
    """Load reporters and originals of duplicates with the page, not one query per row."""
    return query.options(selectinload(ServiceRequest.reporter), selectinload(ServiceRequest.duplicate_of))


def list_public(args: dict) -> Page:
    """Public, visible requests, newest first."""
    query = with_people(select(ServiceRequest)).where(
        ServiceRequest.is_public.is_(True), ServiceRequest.is_hidden.is_(False)
    )
    return keyset_page(
        filter_requests(query, args),
        [ServiceRequest.created_at, ServiceRequest.id],
        args.get("cursor"),
        args["limit"],
    )


def list_mine(user: User, args: dict) -> Page:
    query = with_people(select(ServiceRequest)).where(ServiceRequest.reporter_id == user.id)
    return keyset_page(
        query, [ServiceRequest.created_at, ServiceRequest.id], args.get("cursor"), args["limit"]
    )


def moderation_requests(args: dict) -> Page:
    """Public requests, hidden ones included (or only them, or none), newest first: the moderators' list."""
    query = with_people(select(ServiceRequest)).where(ServiceRequest.is_public.is_(True))
    if args.get("hidden") is not None:
        query = query.where(ServiceRequest.is_hidden.is_(args["hidden"]))
    return keyset_page(
        query, [ServiceRequest.created_at, ServiceRequest.id], args.get("cursor"), args["limit"]
    )


def moderation_comments(args: dict) -> Page:
    """Comments on public requests, newest first, with their request loaded: the moderators' list."""
    query = (
        select(RequestEvent)
        .join(RequestEvent.request)
        .where(RequestEvent.kind == EventKind.COMMENT, ServiceRequest.is_public.is_(True))
        .options(selectinload(RequestEvent.request))
    )
    if args.get("hidden") is not None:
        query = query.where(RequestEvent.is_hidden.is_(args["hidden"]))
    return keyset_page(query, [RequestEvent.id], args.get("cursor"), args["limit"])


def distance_m(lat1: float, long1: float, lat2: float, long2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = math.radians(lat2 - lat1), math.radians(long2 - long1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def nearby(lat: float, long: float, service_code: str) -> list[tuple[ServiceRequest, float]]:
    """Open public requests of the service within about 150 m, nearest first (the duplicate hint)."""
    d_lat = NEARBY_METRES / 111_320
    scale = max(math.cos(math.radians(lat)), 0.01)
    d_long = d_lat / scale
    # Squared degrees with longitude scaled to metres-alike: enough to order candidates by distance.
    closeness = (ServiceRequest.lat - lat) * (ServiceRequest.lat - lat) + (ServiceRequest.long - long) * (
        ServiceRequest.long - long
    ) * (scale * scale)
    query = (
        select(ServiceRequest)
        .where(
            ServiceRequest.service_id == _id_of(Service, service_code),
            ServiceRequest.status.in_(OPEN_STATUSES),
            ServiceRequest.lat.between(lat - d_lat, lat + d_lat),
            ServiceRequest.long.between(long - d_long, long + d_long),
            ServiceRequest.is_public.is_(True),
            ServiceRequest.is_hidden.is_(False),
        )
        .order_by(closeness)
        .limit(NEARBY_LIMIT)
    )
    found = [
        (request, distance_m(lat, long, request.lat, request.long)) for request in db.session.scalars(query)
    ]
    return [pair for pair in found if pair[1] <= NEARBY_METRES]


def timeline(request: ServiceRequest, viewer: User | None) -> list[RequestEvent]:
    """The events the viewer may see: staff see internal notes and hidden comments, others neither."""
    query = select(RequestEvent).where(RequestEvent.request_id == request.id).order_by(RequestEvent.id)
    if not access.works_on(request, viewer):
        query = query.where(RequestEvent.is_internal.is_(False), RequestEvent.is_hidden.is_(False))
    return list(db.session.scalars(query))


def has_supported(request: ServiceRequest, user: User) -> bool:
    return (
        db.session.scalar(
            select(Support.id).where(Support.request_id == request.id, Support.user_id == user.id).limit(1)
        )
        is not None
    )
