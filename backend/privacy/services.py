"""Consents per purpose: recorded as rows appended on every change, read as the newest row of each
purpose. Withdrawing push consent removes the person's device subscriptions in the same commit."""

import hashlib
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..accounts.models import User
from ..extensions import db
from ..push.devices import forget_devices
from . import notices
from .models import TOGGLED, Consent, Purpose

if TYPE_CHECKING:
    from ..service_requests.models import ServiceRequest


def device_of(endpoint: str) -> str:
    """A browser without an account is known by its push endpoint's SHA-256, not the endpoint."""
    return hashlib.sha256(endpoint.encode()).hexdigest()


def _latest(purpose: Purpose, user: User | None = None, device: str | None = None) -> Consent | None:
    if user is not None and user.id is None:  # an account being made has no consents yet
        return None
    subject = Consent.user_id == user.id if user is not None else Consent.device == device
    query = select(Consent).where(subject, Consent.purpose == purpose).order_by(Consent.id.desc())
    return db.session.scalars(query.limit(1)).first()


def _record(
    purpose: Purpose,
    granted: bool,
    *,
    user: User | None = None,
    device: str | None = None,
    request: "ServiceRequest | None" = None,
    version: str | None = None,
) -> None:
    """Append a row when the state changes (a repeat adds nothing; for the notice, a new version is
    a change); an anonymous report's consent always comes with that report. The caller commits."""
    version = version or notices.current_version()
    latest = _latest(purpose, user, device) if request is None else None
    if latest is not None and latest.granted == granted:
        if purpose != Purpose.NOTICE or latest.notice_version == version:
            return
    db.session.add(
        Consent(
            user=user,
            device=device,
            request=request,
            purpose=purpose,
            granted=granted,
            notice_version=version,
        )
    )


def accepted_notice(user: User) -> Consent | None:
    """The person's newest acceptance of the privacy notice."""
    return _latest(Purpose.NOTICE, user)


def record_notice_accepted(user: User, version: str) -> None:
    """The account accepted this notice version (registration, or a newer notice). The caller commits."""
    _record(Purpose.NOTICE, True, user=user, version=version)


def accept_notice(user: User, version: str) -> dict:
    """A signed-in person accepts the current notice (shown to them once it is newer than theirs)."""
    notices.require_current(version, "version")
    record_notice_accepted(user, version)
    db.session.commit()
    return consents_of(user)


def record_push_granted(user: User | None, endpoint: str) -> None:
    """A browser subscribed to push: the person's consent, or the device's without an account.
    The caller commits."""
    if user is not None:
        _record(Purpose.PUSH, True, user=user)
    else:
        _record(Purpose.PUSH, True, device=device_of(endpoint))


def record_push_withdrawn_by_device(endpoint: str) -> None:
    """A browser without an account turned push off. The caller commits."""
    device = device_of(endpoint)
    if _latest(Purpose.PUSH, device=device) is not None:
        _record(Purpose.PUSH, False, device=device)


def record_location_granted(reporter: User | None, request: "ServiceRequest") -> None:
    """A report was filed with the device's precise location: the reporter's consent, or for an
    anonymous report the consent given with it. The caller commits."""
    if reporter is not None:
        _record(Purpose.LOCATION, True, user=reporter)
    else:
        _record(Purpose.LOCATION, True, request=request)


def set_consents(user: User, changes: dict[str, bool]) -> dict:
    """Give or withdraw consents; withdrawing push removes every subscription of the person's
    devices at once, so no later campaign reaches them."""
    for purpose in TOGGLED:
        if purpose.value in changes:
            _record(purpose, changes[purpose.value], user=user)
    if changes.get(Purpose.PUSH.value) is False:
        forget_devices(user)
    db.session.commit()
    return consents_of(user)


def consents_of(user: User) -> dict:
    """The notice the person accepted, the state of each consent, and every change, newest first."""
    rows = db.session.scalars(
        select(Consent).where(Consent.user_id == user.id).order_by(Consent.id.desc())
    ).all()
    notice = next((row for row in rows if row.purpose == Purpose.NOTICE), None)
    return {
        "notice": {
            "accepted_version": notice.notice_version if notice else None,
            "accepted_at": notice.at if notice else None,
            "current_version": notices.current_version(),
        },
        "items": [_state(purpose, rows) for purpose in TOGGLED],
        "history": rows,
    }


def _state(purpose: Purpose, rows: list[Consent]) -> dict:
    latest = next((row for row in rows if row.purpose == purpose), None)
    return {
        "purpose": purpose.value,
        "granted": bool(latest and latest.granted),
        "at": latest.at if latest else None,
        "notice_version": latest.notice_version if latest else None,
    }
