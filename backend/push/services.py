"""Subscriptions (one per browser endpoint) and clicks."""

import base64
import binascii
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..database import utcnow
from ..errors import Invalid, NotFound
from ..extensions import db
from ..lookups import by_code
from ..places.models import Kecamatan, Kelurahan
from ..privacy import services as consents
from .models import Campaign, CampaignClick, PushSubscription
from .sender import Outcome, Result

# The push services of Chrome/Android (FCM), Firefox, Safari and Edge. Anything else is refused,
# so that nobody can make this server send requests to a URL of their choosing.
PUSH_HOSTS = ("fcm.googleapis.com", ".push.services.mozilla.com", ".push.apple.com", ".notify.windows.com")
BAD_ENDPOINT = "Not a push service endpoint this server sends to."


def _check_endpoint(endpoint: str) -> None:
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    if parts.scheme == "https" and any(
        host == h or (h.startswith(".") and host.endswith(h)) for h in PUSH_HOSTS
    ):
        return
    local = current_app.config["PUSH_ALLOW_LOCAL_ENDPOINTS"]
    if local and parts.scheme == "http" and host == "127.0.0.1":
        return
    raise Invalid(errors={"endpoint": [BAD_ENDPOINT]})


def _decoded_length(value: str) -> int:
    try:
        return len(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError):
        return -1


def _check_keys(p256dh: str, auth: str) -> None:
    raw = (
        base64.urlsafe_b64decode(p256dh + "=" * (-len(p256dh) % 4)) if _decoded_length(p256dh) == 65 else b""
    )
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        message = "Must be a 65-byte uncompressed P-256 public key."
        raise Invalid(errors={"keys": {"p256dh": [message]}}) from None
    if _decoded_length(auth) != 16:
        raise Invalid(errors={"keys": {"auth": ["Must be a 16-byte secret."]}})


def _area(data: dict) -> dict:
    """kecamatan and kelurahan ids from codes; a kelurahan also sets its kecamatan."""
    area = {}
    if "kelurahan" in data:
        kelurahan = by_code(Kelurahan, data["kelurahan"] or None, "kelurahan", "Unknown kelurahan.")
        area["kelurahan_id"] = kelurahan.id if kelurahan else None
        if kelurahan:
            area["kecamatan_id"] = kelurahan.kecamatan_id
    if "kecamatan" in data and "kecamatan_id" not in area:
        kecamatan = by_code(Kecamatan, data["kecamatan"] or None, "kecamatan", "Unknown kecamatan.")
        area["kecamatan_id"] = kecamatan.id if kecamatan else None
    return area


def _preferences(data: dict) -> dict:
    values = _area(data)
    if "topics" in data:
        values["wants_news"] = "news" in data["topics"]
    if "locale" in data:
        values["locale"] = data["locale"]
    return values


def subscribe(data: dict, user: User | None) -> PushSubscription:
    """Save a browser's subscription, or update it when the endpoint is known (upsert)."""
    _check_endpoint(data["endpoint"])
    _check_keys(data["keys"]["p256dh"], data["keys"]["auth"])
    values = {"p256dh": data["keys"]["p256dh"], "auth": data["keys"]["auth"]} | _preferences(data)
    if user is not None:
        values["user_id"] = user.id
    subscription = find(data["endpoint"], missing_ok=True) or PushSubscription(endpoint=data["endpoint"])
    for name, value in values.items():
        setattr(subscription, name, value)
    db.session.add(subscription)
    consents.record_push_granted(user, data["endpoint"])
    try:
        db.session.commit()
    except IntegrityError:  # the same browser subscribed twice at once; the other one won
        db.session.rollback()
        return subscribe(data, user)
    return subscription


def find(endpoint: str, missing_ok: bool = False) -> PushSubscription | None:
    subscription = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == endpoint))
    if subscription is None and not missing_ok:
        raise NotFound("Unknown subscription.")
    return subscription


def update_preferences(data: dict) -> PushSubscription:
    subscription = find(data["endpoint"])
    for name, value in _preferences(data).items():
        setattr(subscription, name, value)
    db.session.commit()
    return subscription


def unsubscribe(endpoint: str) -> None:
    """Forget the browser's subscription; one without an account thereby withdraws its consent."""
    subscription = find(endpoint, missing_ok=True)
    if subscription is not None:
        if subscription.user_id is None:
            consents.record_push_withdrawn_by_device(endpoint)
        db.session.delete(subscription)
        db.session.commit()


def record_click(campaign_id: int, endpoint: str) -> None:
    """Count a notification tap once per device and campaign. Only a subscribed device counts: its
    endpoint is a secret between the browser and us, so made-up endpoints cannot inflate the count."""
    if db.session.get(Campaign, campaign_id) is None:
        raise NotFound("Unknown campaign.")
    if db.session.scalar(select(PushSubscription.id).where(PushSubscription.endpoint == endpoint)) is None:
        raise NotFound("Unknown device.")
    digest = consents.device_of(endpoint)
    db.session.add(CampaignClick(campaign_id=campaign_id, subscription_endpoint_hash=digest))
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        return
    db.session.execute(
        update(Campaign).where(Campaign.id == campaign_id).values(clicked=Campaign.clicked + 1)
    )
    db.session.commit()


def apply_outcomes(outcomes: list[Outcome]) -> None:
    """Forget gone subscriptions and keep the health of the others. The caller commits."""
    by_result: dict[Result, list[int]] = {}
    for outcome in outcomes:
        by_result.setdefault(outcome.result, []).append(outcome.subscription_id)
    if by_result.get(Result.GONE):
        db.session.execute(
            PushSubscription.__table__.delete().where(PushSubscription.id.in_(by_result[Result.GONE]))
        )
    if by_result.get(Result.SENT):
        db.session.execute(
            update(PushSubscription)
            .where(PushSubscription.id.in_(by_result[Result.SENT]))
            .values(last_success_at=utcnow(), failure_count=0)
        )
    failed = by_result.get(Result.FAILED, []) + by_result.get(Result.TOO_LARGE, [])
    if failed:
        db.session.execute(
            update(PushSubscription)
            .where(PushSubscription.id.in_(failed))
            .values(failure_count=PushSubscription.failure_count + 1)
        )
