"""Filing a request: validation, idempotency, photos, routing to the OPD and the SLA deadline."""

import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import events
from ..accounts.models import User
from ..catalog import services as catalog
from ..catalog.attributes import clean_attributes
from ..database import utcnow
from ..errors import Conflict, Invalid, Unauthorized
from ..extensions import db
from ..lookups import by_code
from ..places import services as places
from ..places.models import Kelurahan
from ..privacy.services import record_location_granted
from . import codes, photos
from .models import EventKind, ServiceRequest, Status
from .timeline import record_event

OTHER_CONTENT = "This Idempotency-Key was already used for a different request."


@dataclass
class Filed:
    request: ServiceRequest
    tracking_token: str | None
    replayed: bool


def content_hash(data: dict, photo_bytes: list[bytes]) -> str:
    """What a resubmission must repeat to count as the same request."""
    canonical = {key: data.get(key) for key in sorted(data)} | {
        "photos": [hashlib.sha256(content).hexdigest() for content in photo_bytes]
    }
    return hashlib.sha256(json.dumps(canonical, sort_keys=True, default=str).encode()).hexdigest()


def already_filed(key: str, reporter: User | None) -> bool:
    """Whether this reporter has filed a request under this Idempotency-Key: a resend, then."""
    filed = db.session.execute(
        select(ServiceRequest.reporter_id).where(ServiceRequest.idempotency_key == key)
    ).first()
    return filed is not None and filed.reporter_id == (reporter.id if reporter else None)


def _replay(key: str, digest: str, reporter: User | None) -> Filed | None:
    existing = db.session.scalar(select(ServiceRequest).where(ServiceRequest.idempotency_key == key))
    if existing is None:
        return None
    if existing.content_hash != digest or existing.reporter_id != (reporter.id if reporter else None):
        raise Conflict(OTHER_CONTENT, errors={"idempotency_key": [OTHER_CONTENT]})
    token = codes.tracking_token(existing.code) if existing.tracking_token_hash else None
    return Filed(existing, token, replayed=True)


def _location(service, data: dict) -> dict:
    """Where the request is: a pin decides its kelurahan; without one, the kelurahan picked, if any."""
    lat, long = data.get("lat"), data.get("long")
    if (lat is None) != (long is None):
        raise Invalid(errors={"lat" if lat is None else "long": ["Give both latitude and longitude."]})
    if lat is None and service.needs_location and not data.get("address"):
        raise Invalid(errors={"lat": ["This service needs a location."]})
    kelurahan = by_code(Kelurahan, data.get("kelurahan") or None, "kelurahan", "Unknown kelurahan.")
    if lat is not None:
        kelurahan = _kelurahan_of_pin(lat, long, kelurahan)
    return {
        "lat": lat,
        "long": long,
        "address": data.get("address"),
        "kelurahan": kelurahan,
        "kecamatan": kelurahan.kecamatan if kelurahan else None,
    }


def _kelurahan_of_pin(lat: float, long: float, picked: Kelurahan | None) -> Kelurahan | None:
    """The kelurahan whose boundary holds the pin (the picked one when the city has no boundaries)."""
    if not places.get_city().contains(lat, long):
        raise Invalid(errors={"lat": ["The location is outside the city."]})
    boundaries = places.city_boundaries()
    if boundaries is None:
        return picked
    touching = [area.code for area in boundaries.kelurahan_touching(lat, long)]
    if not touching:
        raise Invalid(errors={"lat": [places.OUTSIDE_EVERY_KELURAHAN]})
    if picked is not None and picked.code in touching:  # on a shared border, either side is right
        return picked
    pinned = places.kelurahan_by_code(touching[0])
    if picked is not None:
        message = f"The location is in Kelurahan {pinned.name} ({pinned.code}), not {picked.name}."
        raise Invalid(errors={"kelurahan": [message]})
    return pinned


def _unused_code(prefix: str) -> str:
    while True:
        code = codes.new_code(prefix)
        if db.session.scalar(select(ServiceRequest.id).where(ServiceRequest.code == code)) is None:
            return code


def file_request(
    data: dict, reporter: User | None, files: list, idempotency_key: str | None, source: str = "app"
) -> Filed:
    """Check and store a new request; the same Idempotency-Key with the same content answers the original."""
    photo_bytes = [file.stream.read() for file in files]
    for file in files:
        file.stream.seek(0)
    digest = content_hash(data, photo_bytes)
    if idempotency_key and (replay := _replay(idempotency_key, digest, reporter)):
        return replay

    service = catalog.get_service(data["service_code"])
    if reporter is None and not data.get("contact") and not service.allows_anonymous:
        raise Unauthorized("Please log in to file this request.")
    timezone = places.city_timezone()
    attribute_values = clean_attributes(service, data.get("attributes"), timezone)
    location = _location(service, data)
    stored = photos.store_photos(files)

    now = utcnow()
    request = ServiceRequest(
        code=_unused_code(places.get_city().request_prefix),
        service=service,
        opd=service.opd,
        status=Status.SUBMITTED,
        description=data.get("description", ""),
        attribute_values=attribute_values,
        reporter=reporter,
        contact=data.get("contact"),
        source=source,
        is_public=service.is_public and data.get("public", True),
        idempotency_key=idempotency_key,
        content_hash=digest,
        response_due_at=now + timedelta(hours=service.sla_response_hours),
        sla_due_at=now + timedelta(hours=service.sla_resolution_hours),
        created_at=now,
        **location,
    )
    token = None
    if reporter is None:
        token = codes.tracking_token(request.code)
        request.tracking_token_hash = codes.token_hash(token)
    request.photos = [photos.photo_record(image) for image in stored]
    db.session.add(request)
    event = record_event(request, reporter, EventKind.CREATED, at=now, to_status=request.status)
    if data.get("precise_location") and request.lat is not None:
        record_location_granted(reporter, request)
    try:
        db.session.commit()
    except IntegrityError:
        # A concurrent twin with the same Idempotency-Key won the race; answer as it would.
        db.session.rollback()
        photos.discard_photos(stored)
        if idempotency_key and (replay := _replay(idempotency_key, digest, reporter)):
            return replay
        raise
    events.request_created.send(request, event=event)
    return Filed(request, token, replayed=False)
