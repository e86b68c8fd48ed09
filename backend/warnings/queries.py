"""The command center's read model of warnings: those active or waiting for an operator, with their
area, their campaigns' delivery, and the health of each source."""

from datetime import timedelta

import shapely
from sqlalchemy import or_, select

from ..database import utcnow
from ..extensions import db
from ..news.models import Article
from ..places.boundaries import SCREEN_DECIMALS, SCREEN_TOLERANCE_DEGREES
from ..places.models import Kelurahan
from ..places.services import warning_settings
from ..push.models import Campaign
from ..schemas import Viewed
from .models import OfficialWarning, WarningSource, WarningStatus

SHOWN = (WarningStatus.SENT, WarningStatus.DRAFT)
LIMIT = 50
# A source without a success for this many poll intervals is unavailable even without an error
# recorded (the ticker has stopped, or each poll hangs until it is killed).
STALE_POLLS = 5


def command_warnings() -> dict:
    """Warnings sent or in draft that have not expired (newest first), and every source's health,
    for CommandWarningsSchema to dump."""
    now = utcnow()
    warnings = list(
        db.session.scalars(
            select(OfficialWarning)
            .where(
                OfficialWarning.status.in_(SHOWN),
                or_(OfficialWarning.expires_at.is_(None), OfficialWarning.expires_at > now),
            )
            .order_by(OfficialWarning.sent_at.desc(), OfficialWarning.id.desc())
            .limit(LIMIT)
        )
    )
    names = _kelurahan_names({code for w in warnings for code in w.kelurahan_codes})
    slugs = _article_slugs({w.article_id for w in warnings if w.article_id})
    campaigns = _campaigns_by_warning([w.id for w in warnings])
    sources = db.session.scalars(select(WarningSource))
    return {
        "warnings": [_warning(w, names, slugs.get(w.article_id), campaigns.get(w.id, [])) for w in warnings],
        "sources": [Viewed(source, state=source_state(source, now)) for source in sources],
    }


def _warning(warning: OfficialWarning, names: dict, slug: str | None, campaigns: list) -> Viewed:
    """The warning with what the command center adds to it: headlines, named kelurahan, polygons
    for the screen, its article's slug and its campaigns' delivery."""
    return Viewed(
        warning,
        headline={lang: text.get("headline", "") for lang, text in warning.texts.items()},
        kelurahan=[{"code": code, "name": names.get(code, code)} for code in warning.kelurahan_codes],
        polygons=screen_rings(warning.polygons),
        article=slug,
        campaigns=campaigns,
    )


def screen_rings(rings: list) -> list:
    """The source's rings ([long, lat]) simplified and rounded like the kelurahan boundaries; a ring
    that crosses itself is first made valid (split into the polygons it outlines)."""
    shown = []
    for ring in rings:
        if len(ring) < 4:
            continue
        polygon = shapely.make_valid(shapely.Polygon(ring))
        simplified = shapely.simplify(polygon, SCREEN_TOLERANCE_DEGREES, preserve_topology=True)
        rounded = shapely.set_precision(simplified, 10**-SCREEN_DECIMALS)
        shown += [
            [[x, y] for x, y in part.exterior.coords]
            for part in shapely.get_parts(rounded)
            if isinstance(part, shapely.Polygon) and not part.is_empty
        ]
    return shown


def source_state(source: WarningSource, now) -> str:
    """ok, unavailable (its last poll failed, or no success for STALE_POLLS intervals) or never
    (not polled yet)."""
    stale_before = now - timedelta(seconds=STALE_POLLS * warning_settings()["poll_seconds"])
    if source.last_success_at is None and source.last_error_at is None:
        return "never"
    if source.last_success_at is None or (
        source.last_error_at is not None and source.last_error_at >= source.last_success_at
    ):
        return "unavailable"
    return "unavailable" if source.last_success_at < stale_before else "ok"


def _kelurahan_names(codes: set[str]) -> dict[str, str]:
    if not codes:
        return {}
    return dict(
        db.session.execute(select(Kelurahan.code, Kelurahan.name).where(Kelurahan.code.in_(codes))).all()
    )


def _article_slugs(ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(db.session.execute(select(Article.id, Article.slug).where(Article.id.in_(ids))).all())


def _campaigns_by_warning(ids: list[int]) -> dict[int, list[dict]]:
    found: dict[int, list[dict]] = {}
    if not ids:
        return found
    rows = db.session.execute(
        select(
            Campaign.warning_id,
            Campaign.id,
            Campaign.status,
            Campaign.targeted,
            Campaign.sent,
            Campaign.failed,
            Campaign.gone,
        )
        .where(Campaign.warning_id.in_(ids))
        .order_by(Campaign.id)
    )
    for row in rows:
        progress = row._asdict()
        found.setdefault(progress.pop("warning_id"), []).append(progress)
    return found
