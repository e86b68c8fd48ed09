"""What a person's data export holds: one section per area, each a JSON file of the ZIP made from
the rows tied to the account and nothing of anyone else. A new kind of personal data is one more
function in SECTIONS."""

from collections.abc import Callable, Iterator
from datetime import datetime

from sqlalchemy import or_, select

from ..accounts.models import LoginSession, OneTimeCode, User
from ..accounts.one_time_codes import target_of
from ..extensions import db
from ..push.models import PushSubscription
from ..security import STAFF
from ..service_requests.models import EventKind, RequestEvent, ServiceRequest, Support
from .models import Consent


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _code(place) -> str | None:
    return place.code if place else None


def profile(user: User) -> dict:
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "phone": user.phone,
        "role": user.role,
        "opd": _code(user.opd),
        "locale": user.locale,
        "created_at": _when(user.created_at),
        "last_login_at": _when(user.last_login_at),
    }


def _own_requests(user: User) -> list[ServiceRequest]:
    return db.session.scalars(
        select(ServiceRequest).where(ServiceRequest.reporter_id == user.id).order_by(ServiceRequest.id)
    ).all()


def _shown_to(user: User, event: RequestEvent) -> bool:
    """The timeline as the reporter sees it, less other residents' comments (their data, not this
    person's); staff replies and status changes stay."""
    if event.author_id == user.id:
        return True
    if event.is_internal or event.is_hidden:
        return False
    return event.kind != EventKind.COMMENT or event.author_role in STAFF


def _timeline_entry(user: User, event: RequestEvent) -> dict:
    return {
        "kind": event.kind,
        "from_status": event.from_status,
        "to_status": event.to_status,
        "from_opd": _code(event.from_opd),
        "to_opd": _code(event.to_opd),
        "author": "me" if event.author_id == user.id else event.author_role,
        "text": event.text,
        "created_at": _when(event.created_at),
    }


def requests(user: User) -> list[dict]:
    """The person's reports, each with its timeline and the names of its photos in the ZIP."""
    answer = []
    for request in _own_requests(user):
        events = db.session.scalars(
            select(RequestEvent).where(RequestEvent.request_id == request.id).order_by(RequestEvent.id)
        )
        answer.append(
            {
                "code": request.code,
                "service": request.service.code,
                "status": request.status,
                "description": request.description,
                "attributes": request.attribute_values,
                "location": {"lat": request.lat, "long": request.long, "address": request.address},
                "kelurahan": _code(request.kelurahan),
                "is_public": request.is_public,
                "created_at": _when(request.created_at),
                "resolved_at": _when(request.resolved_at),
                "closed_at": _when(request.closed_at),
                "photos": [path for path, _ in _photos_of(request)],
                "timeline": [_timeline_entry(user, event) for event in events if _shown_to(user, event)],
            }
        )
    return answer


def comments(user: User) -> list[dict]:
    rows = db.session.execute(
        select(ServiceRequest.code, RequestEvent)
        .join(ServiceRequest, RequestEvent.request_id == ServiceRequest.id)
        .where(RequestEvent.author_id == user.id, RequestEvent.kind == EventKind.COMMENT)
        .order_by(RequestEvent.id)
    )
    return [
        {
            "request": code,
            "text": event.text,
            "is_hidden": event.is_hidden,
            "created_at": _when(event.created_at),
        }
        for code, event in rows
    ]


def ratings(user: User) -> list[dict]:
    return [
        {
            "request": request.code,
            "rating": request.rating,
            "feedback": request.feedback,
            "at": _when(request.rated_at),
        }
        for request in _own_requests(user)
        if request.rating is not None
    ]


def supports(user: User) -> list[dict]:
    rows = db.session.execute(
        select(ServiceRequest.code, Support.created_at)
        .join(ServiceRequest, Support.request_id == ServiceRequest.id)
        .where(Support.user_id == user.id)
        .order_by(Support.id)
    )
    return [{"request": code, "created_at": _when(created_at)} for code, created_at in rows]


def devices(user: User) -> list[dict]:
    found = db.session.scalars(
        select(PushSubscription).where(PushSubscription.user_id == user.id).order_by(PushSubscription.id)
    )
    return [
        {
            "endpoint": device.endpoint,
            "locale": device.locale,
            "topics": device.topics,
            "kecamatan": _code(device.kecamatan),
            "kelurahan": _code(device.kelurahan),
            "created_at": _when(device.created_at),
            "last_success_at": _when(device.last_success_at),
        }
        for device in found
    ]


def sign_ins(user: User) -> list[dict]:
    found = db.session.scalars(
        select(LoginSession).where(LoginSession.user_id == user.id).order_by(LoginSession.created_at)
    )
    return [
        {
            "device": login.user_agent,
            "signed_in_at": _when(login.created_at),
            "last_used_at": _when(login.last_used_at),
            "ended_at": _when(login.revoked_at),
            "ended_because": login.revoked_reason,
        }
        for login in found
    ]


def code_sends(user: User) -> list[dict]:
    """The one-time codes sent to the person's contacts (kept only as long as the send limits count
    them); never the codes themselves."""
    contacts = (("email", user.email), ("phone", user.phone))
    targets = [target_of(kind, value) for kind, value in contacts if value]
    found = db.session.scalars(
        select(OneTimeCode)
        .where(or_(OneTimeCode.user_id == user.id, OneTimeCode.target.in_(targets)))
        .order_by(OneTimeCode.id)
    )
    return [
        {
            "purpose": code.purpose,
            "channel": code.channel,
            "to": code.address,
            "requested_at": _when(code.created_at),
            "sent_at": _when(code.sent_at),
            "used_at": _when(code.used_at),
        }
        for code in found
    ]


def consents(user: User) -> list[dict]:
    """Every consent given or withdrawn (and each privacy notice accepted), oldest first."""
    found = db.session.scalars(select(Consent).where(Consent.user_id == user.id).order_by(Consent.id))
    return [
        {
            "purpose": row.purpose,
            "granted": row.granted,
            "at": _when(row.at),
            "notice_version": row.notice_version,
        }
        for row in found
    ]


SECTIONS: dict[str, Callable[[User], object]] = {
    "profile.json": profile,
    "requests.json": requests,
    "comments.json": comments,
    "ratings.json": ratings,
    "supports.json": supports,
    "devices.json": devices,
    "sign_ins.json": sign_ins,
    "code_sends.json": code_sends,
    "consents.json": consents,
}


def _photos_of(request: ServiceRequest) -> Iterator[tuple[str, str]]:
    for photo in request.report_photos:
        yield f"photos/{request.code}/{photo.name}", photo.name


def photo_files(user: User) -> Iterator[tuple[str, str]]:
    """(path in the ZIP, stored name) of each photo the person took for their reports."""
    for request in _own_requests(user):
        yield from _photos_of(request)
