"""BMKG's weather warnings: the nowcast RSS list, and the CAP documents of the city's province.

Each list item is one CAP document. The item's `guid` is the CAP identifier, whose second-to-last
dotted part is the province (Kemendagri code): items of other provinces are skipped before their
documents are fetched, and known identifiers are never fetched again. The documents are fetched
from the list's own folder (`.../id/<CODE>_alert.xml`, the English one from `.../en/`), whatever
host an item's link names. A document that fails (not XML, hostile, too large, not valid CAP, gone)
is remembered as a SEEN warning with the reason in `details["refused"]`, so it never again costs a
request. A document whose server is down or slow is left for the next poll (the list's validators
are not kept, so the next poll reads the whole list again); after MAX_UNAVAILABLE such documents the
poll fetches no more, so a struggling server costs a few seconds at most.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import shapely
from flask import current_app

from ..database import utcnow
from ..places.services import city_boundaries
from .cap import CapAlert, CapError, parse_cap, parse_xml
from .fetch import Fetched, Refused, Unavailable, fetch
from .models import OfficialWarning, WarningKind, WarningSource
from .storing import PollReport, known_identifiers, references_live_warning, store_warning

DOCUMENT_NAME = re.compile(r"^[A-Za-z0-9_.-]{1,100}\.xml$")
MAX_UNAVAILABLE = 2


@dataclass(frozen=True)
class NowcastItem:
    identifier: str
    document_name: str  # CGT20260924002_alert.xml
    published: datetime | None

    @property
    def province(self) -> str:
        parts = self.identifier.split(".")
        return parts[-2] if len(parts) >= 2 else ""


def parse_list(document: bytes) -> list[NowcastItem]:
    """The items of the RSS list; CapError when it is not an RSS list."""
    root = parse_xml(document)
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise CapError(f"not an RSS list: the root element is {root.tag[:80]!r}")
    return [item for item in map(_item, channel.findall("item")) if item is not None]


def _item(element) -> NowcastItem | None:
    identifier = (element.findtext("guid") or "").strip()
    name = urlsplit((element.findtext("link") or "").strip()).path.rsplit("/", 1)[-1]
    if not identifier or len(identifier) > 200 or not DOCUMENT_NAME.match(name):
        return None
    try:
        published = parsedate_to_datetime((element.findtext("pubDate") or "").strip())
    except (TypeError, ValueError):
        published = None
    return NowcastItem(identifier, name, published)


def document_urls(list_url: str, item: NowcastItem) -> tuple[str, str | None]:
    """The Indonesian document beside the list, and the English one (`/id/` → `/en/`)."""
    id_url = urljoin(list_url, item.document_name)
    head, found, tail = id_url.rpartition("/id/")
    return id_url, (f"{head}/en/{tail}" if found else None)


def take_nowcast(source: WarningSource, fetched: Fetched, settings: dict, report: PollReport) -> None:
    """Take in the list's new items of the city's province, up to the per-poll limit."""
    items = parse_list(fetched.body)
    province = settings["province_code"]
    ours = [item for item in items if province is None or item.province == province]
    report.other_province = len(items) - len(ours)
    known = known_identifiers([item.identifier for item in ours])
    report.known = len(known)
    new = list({item.identifier: item for item in ours if item.identifier not in known}.values())
    pending = new[: current_app.config["WARNINGS_DOCUMENTS_PER_POLL"]]
    report.left, unavailable = len(new) - len(pending), 0
    for index, item in enumerate(pending):
        try:
            _take_item(source, item, report)
        except Unavailable as error:
            report.left += 1
            report.problems.append(f"{item.document_name}: {error}; tried again at the next poll"[:300])
            unavailable += 1
            if unavailable == MAX_UNAVAILABLE:
                report.left += len(pending) - index - 1
                return


def _take_item(source: WarningSource, item: NowcastItem, report: PollReport) -> None:
    id_url, en_url = document_urls(source.url, item)
    deadline = current_app.config["WARNINGS_FETCH_SECONDS"]
    try:
        fetched = fetch(id_url, deadline)
        alert = parse_cap(fetched.body)
        if alert.identifier != item.identifier:
            raise CapError(f"the document's identifier is {alert.identifier!r}, not the list's")
    except (Refused, CapError) as error:
        _refuse(source, item, id_url, str(error), report)
        return
    warning = weather_warning(alert, fetched, source.name)
    _add_english(warning, en_url, deadline, report)
    store_warning(warning, _accepted(warning, alert), report)


def _refuse(source: WarningSource, item: NowcastItem, url: str, reason: str, report: PollReport) -> None:
    report.problems.append(f"{item.document_name} refused: {reason}"[:300])
    warning = OfficialWarning(
        kind=WarningKind.WEATHER,
        source=source.name,
        identifier=item.identifier,
        sent_at=item.published or utcnow(),
        details={"refused": reason[:300]},
        document_url=url,
    )
    store_warning(warning, False, report)


def weather_warning(alert: CapAlert, fetched: Fetched, source_name: str) -> OfficialWarning:
    """The warning of a CAP document, targeted at the kelurahan its polygons overlap."""
    info = alert.info("id")
    warning = OfficialWarning(
        kind=WarningKind.WEATHER,
        source=source_name,
        identifier=alert.identifier,
        msg_type=alert.msg_type,
        references=alert.references,
        sent_at=alert.sent,
        texts={language: _texts(other) for language, other in alert.infos.items()},
        details={"status": alert.status, "sender": alert.sender},
        document_url=fetched.url,
        document=fetched.body.decode("utf-8", errors="replace"),
        polygons=info.rings if info else [],
    )
    if info:
        warning.event, warning.effective_at, warning.expires_at = info.event, info.effective, info.expires
        warning.severity, warning.urgency, warning.certainty = info.severity, info.urgency, info.certainty
    _target(warning)
    return warning


def _texts(info) -> dict:
    return info.texts | {"event": info.event}


def _add_english(warning: OfficialWarning, en_url: str | None, deadline: float, report: PollReport) -> None:
    """The English document's texts (texts["en"]); a missing or broken one leaves the warning in
    Indonesian. A server that is down or slow raises Unavailable: the item waits for the next poll."""
    if en_url is None:
        return
    try:
        english = parse_cap(fetch(en_url, deadline).body)
        if english.identifier != warning.identifier:
            raise CapError(f"the English document's identifier is {english.identifier!r}")
    except (Refused, CapError) as error:
        report.problems.append(f"{warning.identifier}: no English text: {error}"[:300])
        return
    if "en" in english.infos:
        warning.texts = warning.texts | {"en": _texts(english.infos["en"])}
        warning.details = warning.details | {"document_url_en": en_url}


def _target(warning: OfficialWarning) -> None:
    boundaries = city_boundaries()
    geometry = area_of(warning.polygons)
    areas = boundaries.kelurahan_intersecting(geometry) if boundaries and geometry else []
    warning.kelurahan_codes = sorted(area.code for area in areas)
    warning.kecamatan_codes = sorted({area.kecamatan_code for area in areas})


def area_of(rings: list) -> shapely.Geometry | None:
    """The rings as one shape; an invalid ring (self-crossing) is repaired, one left empty skipped."""
    parts = []
    for ring in rings:
        polygon = shapely.Polygon(ring)
        if not polygon.is_valid:
            polygon = shapely.make_valid(polygon)
        parts.extend(
            part for part in shapely.get_parts(polygon) if part.geom_type in ("Polygon", "MultiPolygon")
        )
    parts = [part for part in parts if not part.is_empty]
    return shapely.union_all(parts) if parts else None


def _accepted(warning: OfficialWarning, alert: CapAlert) -> bool:
    """An actual, unexpired Alert over at least one kelurahan; an Update over one, or replacing an
    accepted warning; a Cancel of an accepted warning."""
    if alert.status != "Actual" or (warning.expires_at and warning.expires_at <= utcnow()):
        return False
    if warning.msg_type == "Alert":
        return bool(warning.kelurahan_codes)
    if warning.msg_type == "Update" and warning.kelurahan_codes:
        return True
    return references_live_warning(warning)
