"""Plain factory functions for tests."""

import itertools
import json
from io import BytesIO

import pyotp
from PIL import Image
from sqlalchemy import select

from backend.accounts import services as accounts
from backend.accounts import two_factor
from backend.accounts.models import TwoFactor, User
from backend.accounts.sessions import start_session
from backend.citypacks import load_pack
from backend.database import utcnow
from backend.demo import DEMO_TOTP_SECRET
from backend.extensions import db
from backend.places.models import Opd
from backend.security import Role

PASSWORD = "kata-sandi-uji-1"
# What registration accepts: the current privacy notice of the bundled city pack.
PRIVACY_VERSION = load_pack("balikpapan")["privacy"]["notices"][-1]["version"]
# The authenticator app of every test (and demo) admin and operator: two-factor sign-in is
# required for them.
TOTP_SECRET = DEMO_TOTP_SECRET
_numbers = itertools.count(1)


def make_user(
    role: Role = Role.RESIDENT, opd_code: str | None = None, two_factor_on: bool | None = None, **fields
) -> User:
    """A user with PASSWORD; admins and operators with two-factor sign-in on (TOTP_SECRET) unless
    `two_factor_on` says otherwise."""
    number = next(_numbers)
    opd = db.session.scalar(select(Opd).where(Opd.code == opd_code)) if opd_code else None
    data = {
        "name": f"Pengguna {number}",
        "email": f"pengguna{number}@contoh.id",
        "password": PASSWORD,
        "role": role,
        "opd": opd,
    } | fields
    user = accounts.create_user(data)
    if two_factor_on or (two_factor_on is None and two_factor.is_required(user)):
        two_factor.enable(user, TOTP_SECRET)
    return user


def auth_headers(user: User) -> dict:
    """A Bearer header for a fresh login of the user, past the second factor."""
    return {"Authorization": f"Bearer {start_session(user, 'pytest', second_factor=True).access_token}"}


def fresh_totp(user: User, secret: str = TOTP_SECRET) -> str:
    """The app's current code, made acceptable again: the helpers sign one account in many times a
    minute, so the step the server accepted last is forgotten first (replays are tested in
    tests/accounts/test_two_factor.py, without this)."""
    db.session.commit()  # a new transaction, to see what the server accepted meanwhile
    row = db.session.get(TwoFactor, user.id, populate_existing=True)
    if row is not None:
        row.last_step = 0
        db.session.commit()
    return pyotp.TOTP(secret).at(utcnow())


def error_shape(response, code: int) -> dict:
    """Assert the one JSON error shape and return the body."""
    assert response.status_code == code, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) <= {"code", "status", "message", "errors"}
    assert body["code"] == code
    assert isinstance(body["status"], str) and body["status"]
    assert isinstance(body["message"], str) and body["message"]
    return body


def warnings_logged(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]


def make_request(
    service_code: str = "jalan-berlubang",
    reporter: User | None = None,
    status: str = "submitted",
    **fields,
):
    """A request filed through the real filing service, then moved to `status` directly. Without a
    location it is pinned inside its kelurahan (or at CITY_POINT)."""
    from backend.service_requests.filing import file_request

    data = {
        "service_code": service_code,
        "description": "Laporan uji",
        "attributes": valid_attributes(service_code),
    } | _pinned(fields)
    request = file_request(data, reporter, [], None).request
    if status != "submitted":
        request.status = status
        if status in ("resolved", "closed"):
            request.resolved_at = utcnow()
        db.session.commit()
    return request


def add_comment(request, author: User):
    from backend.service_requests.workflow import add_comment as comment

    return comment(request.code, author, "Komentar uji")


SAMPLE_VALUES = {
    "string": "3171234567890001",
    "number": 2,
    "datetime": "2026-11-01T08:00:00+08:00",
    "text": "Keterangan uji",
}


def valid_attributes(service_code: str) -> dict:
    """A value for every required attribute of the service, valid for its datatype."""
    from backend.catalog.services import get_service

    values = {}
    for attribute in get_service(service_code).active_attributes:
        if not attribute.required:
            continue
        if attribute.datatype == "singlevaluelist":
            values[attribute.code] = attribute.value_keys[0]
        elif attribute.datatype == "multivaluelist":
            values[attribute.code] = attribute.value_keys[:1]
        else:
            values[attribute.code] = SAMPLE_VALUES[attribute.datatype]
    return values


REQUESTS = "/api/v1/requests"
# Inside Balikpapan, in Kelurahan Sumber Rejo.
CITY_POINT = (-1.2500, 116.8500)
CITY_POINT_KELURAHAN = "64.71.04.1006"


def point_in(kelurahan_code: str) -> tuple[float, float]:
    """A point inside the kelurahan's boundary."""
    from backend.places.services import city_boundaries

    point = city_boundaries().geometry_of(kelurahan_code).representative_point()
    return round(point.y, 6), round(point.x, 6)


def _pinned(fields: dict) -> dict:
    """The fields of a filing, with a pin where they give none: inside the kelurahan they name (when it
    is one), else at CITY_POINT."""
    from backend.places.services import city_boundaries

    code = fields.get("kelurahan")
    known = code and any(area.code == code for area in city_boundaries().areas)
    lat, long = point_in(code) if known else CITY_POINT
    return {"lat": lat, "long": long} | fields


def set_fields(row, **fields):
    """Put a row in a state the API would take long to reach (an old date, a status), and commit."""
    for name, value in fields.items():
        setattr(row, name, value)
    db.session.commit()
    return row


def jpeg(size: tuple[int, int] = (64, 48), color: str = "orange", exif=None) -> bytes:
    """A small JPEG made on the spot, optionally carrying EXIF (a Pillow Image.Exif)."""
    out = BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG", **({"exif": exif} if exif is not None else {}))
    return out.getvalue()


def request_body(service_code: str = "jalan-berlubang", **fields) -> dict:
    """A valid body for POST /api/v1/requests: the service's required attributes and a point in the city."""
    body = {"service_code": service_code, "description": "Laporan uji"}
    if "attributes" not in fields:
        body["attributes"] = valid_attributes(service_code)
    return body | _pinned(fields)


def post_request(client, user: User | None = None, photos=(), headers: dict | None = None, **fields):
    """File through the API: JSON, or multipart when photos (bytes) are given; anonymous without user."""
    headers = (auth_headers(user) if user else {}) | (headers or {})
    body = request_body(**fields)
    if not photos:
        return client.post(REQUESTS, json=body, headers=headers)
    form = {name: value for name, value in body.items() if value is not None}
    form["attributes"] = json.dumps(form["attributes"])
    form["photos"] = [(BytesIO(content), f"foto{number}.jpg") for number, content in enumerate(photos)]
    return client.post(REQUESTS, data=form, headers=headers, content_type="multipart/form-data")


def listed_codes(response) -> list[str]:
    """The request codes of a list answer, in order."""
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["code"] for item in response.get_json()["items"]]


def hide_request(client, admin: User, code: str, hidden: bool = True) -> None:
    """Hide (or show again) a request through admin moderation."""
    response = client.post(
        f"{REQUESTS}/{code}/moderation",
        json={"hidden": hidden, "reason": "Spam"},
        headers=auth_headers(admin),
    )
    assert response.status_code == 200


def add_unsendable_device(name: str) -> None:
    """A subscription at a real push service's address that no test sends to, so that a campaign
    (a scheduled one) has someone to reach."""
    from backend.push.models import PushSubscription

    db.session.add(
        PushSubscription(endpoint=f"https://fcm.googleapis.com/fcm/send/{name}", p256dh="k", auth="a")
    )
    db.session.commit()


def subscribe_devices(devices, user_id: int | None = None, kelurahan: str | None = None) -> None:
    """Store the fake push service's devices as subscriptions, straight into the database (the API
    accepts only the real push services' https endpoints), optionally in a kelurahan."""
    from backend.places.models import Kelurahan
    from backend.push.models import PushSubscription

    area = db.session.scalar(select(Kelurahan).where(Kelurahan.code == kelurahan)) if kelurahan else None

    db.session.add_all(
        PushSubscription(
            endpoint=device.endpoint,
            p256dh=device.subscription["keys"]["p256dh"],
            auth=device.subscription["keys"]["auth"],
            user_id=user_id,
            kelurahan_id=area.id if area else None,
            kecamatan_id=area.kecamatan_id if area else None,
        )
        for device in devices
    )
    db.session.commit()


# Two kelurahan of Kec. Balikpapan Kota that a synthetic warning covers (tests say it is synthetic).
WARNED_KELURAHAN = ("64.71.06.1002", "64.71.06.1003")  # Telaga Sari, Klandasan Ulu


def make_warning(kelurahan=WARNED_KELURAHAN, status: str = "sent", hours: float = 3, **fields):
    """A synthetic BMKG-style weather warning (not a real document) whose polygons lie inside
    `kelurahan`, stored directly, with its peringatan article limited to them when it is sent."""
    from datetime import timedelta

    from backend.places.services import city_boundaries
    from backend.warnings.models import OfficialWarning

    now = utcnow()
    rings = []
    for code in kelurahan:
        inside = city_boundaries().geometry_of(code).buffer(-0.0005).simplify(0.0005)
        part = max(getattr(inside, "geoms", [inside]), key=lambda polygon: polygon.area)
        rings.append([[round(x, 5), round(y, 5)] for x, y in part.exterior.coords])
    number = next(_numbers)
    warning = OfficialWarning(
        kind="weather",
        source="nowcast",
        identifier=f"CBT20261204{number:04d}_uji_sintetis",
        status=status,
        sent_at=now,
        effective_at=now,
        expires_at=now + timedelta(hours=hours),
        event="Hujan Lebat",
        severity="Severe",
        urgency="Immediate",
        certainty="Likely",
        texts={
            "id": {"headline": "Peringatan Dini Cuaca: Hujan lebat di Balikpapan Kota (uji)"},
            "en": {"headline": "Weather Early Warning: heavy rain in Balikpapan Kota (test)"},
        },
        polygons=rings,
        kelurahan_codes=list(kelurahan),
        kecamatan_codes=sorted({code.rsplit(".", 1)[0] for code in kelurahan}),
    )
    for name, value in fields.items():
        setattr(warning, name, value)
    if status == "sent":
        warning.article_id = _warning_article(warning, kelurahan).id
    db.session.add(warning)
    db.session.commit()
    return warning


def _warning_article(warning, kelurahan):
    from backend.news.models import Article, ArticleStatus, Category
    from backend.places.models import Kelurahan

    article = Article(
        slug=f"peringatan-{warning.identifier.lower()}",
        title=warning.texts["id"]["headline"],
        summary="Waspadai hujan lebat disertai petir dan angin kencang.",
        category=Category.PERINGATAN,
        status=ArticleStatus.PUBLISHED,
        opd=db.session.scalar(select(Opd).where(Opd.code == "BPBD")),
        published_at=warning.sent_at,
        expires_at=warning.expires_at,
        kelurahan=list(db.session.scalars(select(Kelurahan).where(Kelurahan.code.in_(kelurahan)))),
    )
    db.session.add(article)
    db.session.flush()
    return article


def add_warning_campaign(warning, status: str = "sending", **counts):
    """The campaign a warning made, with its delivery so far (`targeted`, `sent`, `failed`, `gone`)."""
    from backend.push.models import Campaign

    campaign = Campaign(
        title=warning.texts["id"]["headline"][:100],
        body="Waspadai hujan lebat.",
        target_kind="kelurahan",
        target_values=list(warning.kelurahan_codes),
        urgency="high",
        status=status,
        is_alert=True,
        warning_id=warning.id,
        **counts,
    )
    db.session.add(campaign)
    db.session.commit()
    return campaign
