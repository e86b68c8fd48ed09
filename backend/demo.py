"""Demo data for `flask seed --demo`: one account per role and the city pack's demo articles (a month
of requests is in demo_requests.py). Every step is idempotent: what already exists is left alone."""

import json
from datetime import UTC, timedelta

from sqlalchemy import select

from .accounts import services as accounts
from .accounts import two_factor
from .accounts.models import User
from .citypacks import pack_path
from .database import utcnow
from .extensions import db
from .news.markdown import render
from .news.models import Article, ArticleStatus
from .news.services import unique_slug
from .places.models import Kecamatan, Opd
from .places.services import city_timezone
from .security import Role

DEMO_PASSWORD = "satupintu-demo"
# The demo admin's and operator's authenticator app (two-factor sign-in is required for them): add
# it to any TOTP app by hand, or `flask seed --demo` prints the otpauth address (README).
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
DEMO_RESIDENT_EMAIL = "warga@demo.satupintu.id"
DEMO_ACCOUNTS = [
    ("Warga Demo", DEMO_RESIDENT_EMAIL, Role.RESIDENT, None),
    ("Staf DPU Demo", "staf.dpu@demo.satupintu.id", Role.OPD_STAFF, "DPU"),
    ("Staf DLH Demo", "staf.dlh@demo.satupintu.id", Role.OPD_STAFF, "DLH"),
    ("Operator Demo", "operator@demo.satupintu.id", Role.OPERATOR, None),
    ("Admin Demo", "admin@demo.satupintu.id", Role.ADMIN, None),
]


def _opd(code: str | None) -> Opd | None:
    return db.session.scalar(select(Opd).where(Opd.code == code)) if code else None


def seed_demo_accounts() -> list[tuple[str, str]]:
    """One account per role with a known password; the roles that require two-factor sign-in with
    DEMO_TOTP_SECRET."""
    for name, email, role, opd_code in DEMO_ACCOUNTS:
        if db.session.scalar(select(User.id).where(User.email == email)) is None:
            user = accounts.create_user(
                {"name": name, "email": email, "role": role, "opd": _opd(opd_code), "password": DEMO_PASSWORD}
            )
            if two_factor.is_required(user):
                two_factor.enable(user, DEMO_TOTP_SECRET)
    return [(role.value, email) for _, email, role, _ in DEMO_ACCOUNTS]


def _demo_file(city_pack: str):
    path = pack_path(city_pack)
    return path.with_name(path.stem + ".demo.json")


def seed_demo_articles(city_pack: str) -> int:
    """The pack's demo articles, dated relative to today; those already there are skipped."""
    path = _demo_file(city_pack)
    if not path.is_file():
        return 0
    now, added = utcnow(), 0
    for data in json.loads(path.read_text(encoding="utf-8"))["articles"]:
        if db.session.scalar(select(Article.id).where(Article.title == data["title"])) is not None:
            continue
        db.session.add(_demo_article(data, now))
        added += 1
    db.session.commit()
    return added


def _demo_article(data: dict, now) -> Article:
    published_at = now - timedelta(days=data["days_ago"])
    event = data.get("event")
    starts = None
    if event:
        day = (now + timedelta(days=event["starts_in_days"])).astimezone(city_timezone())
        starts = day.replace(hour=event["hour"], minute=0, second=0, microsecond=0).astimezone(UTC)
    kecamatan = data.get("kecamatan")
    return Article(
        slug=unique_slug(data["title"]),
        title=data["title"],
        summary=data["summary"],
        body_markdown=data["body"],
        body_html=render(data["body"]),
        category=data["category"],
        opd=_opd(data["opd"]),
        is_pinned=data["pinned"],
        status=ArticleStatus.SCHEDULED if data["days_ago"] < 0 else ArticleStatus.PUBLISHED,
        published_at=published_at,
        kecamatan=db.session.scalar(select(Kecamatan).where(Kecamatan.code == kecamatan))
        if kecamatan
        else None,
        event_starts_at=starts,
        event_ends_at=starts + timedelta(hours=event["duration_hours"]) if event else None,
        event_place=event["place"] if event else None,
        expires_at=now + timedelta(hours=data["expires_in_hours"]) if data.get("expires_in_hours") else None,
    )
