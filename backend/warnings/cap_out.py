"""The city's own alerts as CAP 1.2 documents and their Atom feed.

Published: every campaign marked as an alert (by an operator, or made from an official warning) once
it went out, that is once its sending started; a draft, or a scheduled campaign cancelled before its
time, never is. Each document has the city as sender, one `info` block per language and one `area`
per kelurahan reached, with its polygons from the city pack and its Kemendagri code.
"""

import re
from datetime import datetime, timedelta
from functools import cache
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, SubElement, tostring

import shapely
from flask import current_app, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from ..database import utcnow
from ..errors import NotFound
from ..extensions import db
from ..news.atom import ATOM, add
from ..places.boundaries import Boundaries
from ..places.models import Kecamatan, Kelurahan
from ..places.services import city_boundaries, city_timezone, get_city
from ..push.models import Campaign, TargetKind
from .models import OfficialWarning, WarningKind

CAP = "urn:oasis:names:tc:emergency:cap:1.2"
FEED_SIZE = 50
# About 220 m and 11 m: a kelurahan keeps its shape, and a city-wide alert (34 kelurahan, in both
# languages) is about 30 KB, 4 KB gzipped.
POLYGON_TOLERANCE_DEGREES = 0.002
POLYGON_DECIMALS = 4
LANGUAGES = {"id": "id-ID", "en": "en-US"}
CATEGORIES = {WarningKind.WEATHER: "Met", WarningKind.EARTHQUAKE: "Geo"}
OPERATOR_EVENT = {"id": "Peringatan Pemerintah Kota", "en": "City government alert"}
REPLACING = ("Update", "Cancel")
# The values CAP allows; anything else a source sent is published as Unknown.
ALLOWED = {
    "urgency": {"Immediate", "Expected", "Future", "Past", "Unknown"},
    "severity": {"Extreme", "Severe", "Moderate", "Minor", "Unknown"},
    "certainty": {"Observed", "Likely", "Possible", "Unlikely", "Unknown"},
}
IDENTIFIER = re.compile(r"satupintu-[\w.-]+-alert-([0-9]{1,9})", re.ASCII)


def sender() -> str:
    """CAP_SENDER, or alerts@ the host the app is served at (the same for every document)."""
    return current_app.config["CAP_SENDER"] or f"alerts@{urlsplit(request.host_url).hostname}"


def identifier_of(campaign: Campaign) -> str:
    """Stable per campaign, and free of the spaces, commas, < and & that CAP forbids."""
    city_code = re.sub(r"[^A-Za-z0-9.-]", "", get_city().code)
    return f"satupintu-{city_code}-alert-{campaign.id}"


def cap_time(moment: datetime) -> str:
    """CAP's dateTime: whole seconds with the city's offset, never Z."""
    return moment.astimezone(city_timezone()).replace(microsecond=0).isoformat()


def document_url(campaign: Campaign) -> str:
    return url_for("alerts.alert_document", identifier=identifier_of(campaign), _external=True)


def _published():
    return select(Campaign).where(Campaign.is_alert.is_(True), Campaign.started_at.is_not(None))


def latest_alerts() -> list[Campaign]:
    """The newest published alerts, for the feed."""
    query = _published().order_by(Campaign.started_at.desc(), Campaign.id.desc()).limit(FEED_SIZE)
    return list(db.session.scalars(query))


def published_alert(identifier: str) -> Campaign:
    """The published alert with this CAP identifier; NotFound for any other identifier."""
    found = IDENTIFIER.fullmatch(identifier)
    campaign = db.session.scalar(_published().where(Campaign.id == int(found[1]))) if found else None
    if campaign is None or identifier_of(campaign) != identifier:
        raise NotFound("Unknown alert.")
    return campaign


def _replaced(campaign: Campaign, warning: OfficialWarning | None) -> list[Campaign]:
    """The published alerts an Update or Cancel warning's campaign replaces: those of the warnings
    it names, sent before it."""
    if warning is None or warning.msg_type not in REPLACING or not warning.references:
        return []
    query = (
        _published()
        .join(OfficialWarning, Campaign.warning_id == OfficialWarning.id)
        .where(OfficialWarning.identifier.in_(warning.references), Campaign.started_at < campaign.started_at)
        .order_by(Campaign.started_at, Campaign.id)
    )
    return list(db.session.scalars(query))


def document(campaign: Campaign) -> bytes:
    """The campaign's CAP 1.2 alert document."""
    warning = db.session.get(OfficialWarning, campaign.warning_id) if campaign.warning_id else None
    replaced = _replaced(campaign, warning)
    root = Element("alert", xmlns=CAP)
    _add(root, "identifier", identifier_of(campaign))
    _add(root, "sender", sender())
    _add(root, "sent", cap_time(campaign.started_at))
    _add(root, "status", "Actual")
    # An Update or Cancel of something never published here is, for this sender, a new alert.
    _add(root, "msgType", warning.msg_type if replaced else "Alert")
    _add(root, "scope", "Public")
    if replaced:
        triples = (f"{sender()},{identifier_of(c)},{cap_time(c.started_at)}" for c in replaced)
        _add(root, "references", " ".join(triples))
    kelurahan = _kelurahan_reached(campaign)
    for language in LANGUAGES:
        _add_info(root, campaign, warning, language, kelurahan)
    return _xml(root)


def _add_info(
    root: Element,
    campaign: Campaign,
    warning: OfficialWarning | None,
    language: str,
    kelurahan: list[Kelurahan],
) -> None:
    english = language == "en"
    texts = (warning.texts.get(language) or warning.texts.get("id") or {}) if warning else {}
    info = _add(root, "info")
    _add(info, "language", LANGUAGES[language])
    _add(info, "category", CATEGORIES.get(warning.kind, "Safety") if warning else "Safety")
    _add(info, "event", (warning and warning.event) or OPERATOR_EVENT[language])
    for name, value in _assessment(campaign, warning).items():
        _add(info, name, value if value in ALLOWED[name] else "Unknown")
    expires = (warning and warning.expires_at) or campaign.started_at + timedelta(seconds=campaign.ttl)
    _add(info, "expires", cap_time(expires))
    _add(info, "senderName", get_city().name)
    _add(info, "headline", (english and campaign.title_en) or campaign.title)
    _add(info, "description", texts.get("description") or (english and campaign.body_en) or campaign.body)
    if texts.get("instruction"):
        _add(info, "instruction", texts["instruction"])
    _add(info, "web", url_for("web.pwa", path="", _external=True).rstrip("/") + campaign.url)
    boundaries = city_boundaries()
    for place in kelurahan:
        _add_area(info, place, boundaries)


def _assessment(campaign: Campaign, warning: OfficialWarning | None) -> dict[str, str]:
    """The warning's own; for an operator's alert, Immediate when sent with high push urgency (else
    Expected), and severity and certainty Unknown: the form does not ask for them, and a guess of
    Severe would make sirens and signage escalate every notice."""
    if warning:
        return {"urgency": warning.urgency, "severity": warning.severity, "certainty": warning.certainty}
    urgency = "Immediate" if campaign.urgency == "high" else "Expected"
    return {"urgency": urgency, "severity": "Unknown", "certainty": "Unknown"}


def _kelurahan_reached(campaign: Campaign) -> list[Kelurahan]:
    """The campaign's kelurahan: those named, those of the kecamatan named, or all of them."""
    query = (
        select(Kelurahan)
        .join(Kelurahan.kecamatan)
        .options(contains_eager(Kelurahan.kecamatan))
        .order_by(Kelurahan.code)
    )
    if campaign.target_kind == TargetKind.KELURAHAN:
        query = query.where(Kelurahan.code.in_(campaign.target_values))
    elif campaign.target_kind == TargetKind.KECAMATAN:
        query = query.where(Kecamatan.code.in_(campaign.target_values))
    return list(db.session.scalars(query))


def _add_area(info: Element, kelurahan: Kelurahan, boundaries: Boundaries | None) -> None:
    area = _add(info, "area")
    _add(area, "areaDesc", f"Kelurahan {kelurahan.name}, Kecamatan {kelurahan.kecamatan.name}")
    for polygon in _polygons(boundaries, kelurahan.code) if boundaries else ():
        _add(area, "polygon", polygon)
    geocode = _add(area, "geocode")
    _add(geocode, "valueName", "KEMENDAGRI")
    _add(geocode, "value", kelurahan.code)


@cache
def _polygons(boundaries: Boundaries, code: str) -> tuple[str, ...]:
    """The kelurahan's outline as CAP polygons, one per part (CAP has no holes): `lat,lon` pairs,
    the first point repeated last. Worked out once per process."""
    simplified = shapely.simplify(boundaries.geometry_of(code), POLYGON_TOLERANCE_DEGREES)
    parts = getattr(simplified, "geoms", [simplified])
    rings = [part.exterior.coords for part in parts if len(part.exterior.coords) >= 4]
    return tuple(" ".join(_point(long, lat) for long, lat in ring) for ring in rings)


def _point(long: float, lat: float) -> str:
    return f"{lat:.{POLYGON_DECIMALS}f},{long:.{POLYGON_DECIMALS}f}"


def _add(parent: Element, tag: str, text: str | None = None) -> Element:
    element = SubElement(parent, tag)
    element.text = text
    return element


def _xml(root: Element) -> bytes:
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode").encode()


def feed(alerts: list[Campaign]) -> bytes:
    """The published alerts as Atom 1.0, newest first, each entry linking its CAP document."""
    city = get_city()
    root = Element(f"{{{ATOM}}}feed", {"xml:lang": "id"})
    self_url = url_for("alerts.alerts_feed", _external=True)
    add(root, "id", self_url)
    add(root, "title", f"Peringatan {city.name}")
    add(root, "subtitle", f"Peringatan resmi {city.name} dalam format CAP 1.2 (Common Alerting Protocol)")
    add(root, "updated", cap_time(alerts[0].started_at if alerts else utcnow()))
    add(root, "link", rel="self", type="application/atom+xml", href=self_url)
    add(root, "generator", "SatuPintu")
    add(add(root, "author"), "name", city.name)
    for campaign in alerts:
        entry = add(root, "entry")
        add(entry, "id", document_url(campaign))
        add(entry, "title", campaign.title)
        add(entry, "link", rel="alternate", type="application/cap+xml", href=document_url(campaign))
        add(entry, "published", cap_time(campaign.started_at))
        add(entry, "updated", cap_time(campaign.started_at))
        add(entry, "summary", campaign.body)
    return _xml(root)
