"""Reading CAP 1.2 documents safely and checking the fields the intake needs.

XML from the network is parsed with defusedxml: a DTD (and so any entity, internal or external) is
refused outright, which stops entity expansion ("billion laughs") and file:// or http:// entities.
The document's size is limited before parsing; the polygons are checked and counted.
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"
MAX_BYTES = 2 * 1024 * 1024
MAX_POLYGONS = 500  # BMKG sends up to about 150
MAX_POINTS = 50_000  # and about 3,000 points
MSG_TYPES = {"Alert", "Update", "Cancel"}  # Ack and Error are not warnings
STATUSES = {"Actual", "Exercise", "System", "Test", "Draft"}
URGENCIES = {"Immediate", "Expected", "Future", "Past", "Unknown"}
SEVERITIES = {"Extreme", "Severe", "Moderate", "Minor", "Unknown"}
CERTAINTIES = {"Observed", "Likely", "Possible", "Unlikely", "Unknown"}
TEXT_FIELDS = ("headline", "description", "instruction")


class CapError(ValueError):
    """The document is not a CAP 1.2 warning the intake can use; the message says why."""


@dataclass
class CapInfo:
    """One `info` block: the warning in one language."""

    language: str  # two letters: "id", "en"
    event: str
    urgency: str
    severity: str
    certainty: str
    effective: datetime | None
    expires: datetime | None
    texts: dict  # headline, description, instruction, area (the areaDesc texts)
    rings: list = field(default_factory=list)  # each a closed ring of [long, lat] (GeoJSON order)


@dataclass
class CapAlert:
    identifier: str
    sender: str
    sent: datetime
    status: str
    msg_type: str
    references: list[str]  # the identifiers of the alerts it updates or cancels
    infos: dict[str, CapInfo]  # by language

    def info(self, language: str) -> CapInfo | None:
        """The info block in that language, else the first one (None: a Cancel may have none)."""
        return self.infos.get(language) or next(iter(self.infos.values()), None)


def parse_xml(document: bytes) -> Element:
    """The document's root element; CapError for anything too large, hostile or not XML."""
    if len(document) > MAX_BYTES:
        raise CapError(f"too large: {len(document)} bytes (the limit is {MAX_BYTES})")
    try:
        return fromstring(document, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise CapError(f"refused XML: {type(error).__name__}") from error
    except (ParseError, ValueError) as error:
        raise CapError(f"not XML: {error}") from error


def parse_cap(document: bytes) -> CapAlert:
    root = parse_xml(document)
    if root.tag != f"{CAP}alert":
        raise CapError(f"not a CAP 1.2 alert: the root element is {root.tag[:80]!r}")
    msg_type = _one_of(root, "msgType", MSG_TYPES)
    infos = [_info(element) for element in root.findall(f"{CAP}info")]
    if not infos and msg_type != "Cancel":
        raise CapError("no info block")
    points = sum(len(ring) for info in infos for ring in info.rings)
    if points > MAX_POINTS:
        raise CapError(f"too many polygon points: {points} (the limit is {MAX_POINTS})")
    references = _references(_text(root, "references")) if msg_type != "Alert" else []
    if msg_type != "Alert" and not references:
        raise CapError(f"a {msg_type} without references")
    return CapAlert(
        identifier=_identifier(_required(root, "identifier")),
        sender=_required(root, "sender")[:200],
        sent=_time(_required(root, "sent"), "sent"),
        status=_one_of(root, "status", STATUSES),
        msg_type=msg_type,
        references=references,
        infos={info.language: info for info in reversed(infos)},  # the first of a language wins
    )


def _info(element: Element) -> CapInfo:
    areas = element.findall(f"{CAP}area")
    rings = [_ring(polygon.text or "") for area in areas for polygon in area.findall(f"{CAP}polygon")]
    if len(rings) > MAX_POLYGONS:
        raise CapError(f"too many polygons: {len(rings)} (the limit is {MAX_POLYGONS})")
    effective, expires = _text(element, "effective"), _text(element, "expires")
    area_names = [_text(area, "areaDesc") for area in areas]
    return CapInfo(
        language=(_text(element, "language") or "en-US")[:2].lower(),
        event=_required(element, "event")[:120],
        urgency=_one_of(element, "urgency", URGENCIES),
        severity=_one_of(element, "severity", SEVERITIES),
        certainty=_one_of(element, "certainty", CERTAINTIES),
        effective=_time(effective, "effective") if effective else None,
        expires=_time(expires, "expires") if expires else None,
        texts={name: _text(element, name) for name in TEXT_FIELDS}
        | {"area": ", ".join(name for name in area_names if name)},
        rings=rings,
    )


def _ring(text: str) -> list[list[float]]:
    """CAP's `lat,lon lat,lon ...` as a closed ring of [long, lat]."""
    try:
        points = [[float(lon), float(lat)] for lat, lon in (pair.split(",") for pair in text.split())]
    except ValueError as error:
        raise CapError(f"a polygon is not lat,lon pairs: {text[:60]!r}") from error
    if any(not (-90 <= lat <= 90 and -180 <= lon <= 180) for lon, lat in points):
        raise CapError("a polygon has a point off the globe")
    if points and points[0] != points[-1]:
        points.append(points[0])
    if len(points) < 4:
        raise CapError("a polygon has fewer than 3 distinct points")
    return points


def _references(text: str) -> list[str]:
    """CAP's space-separated `sender,identifier,sent` triples, as identifiers."""
    triples = [triple.split(",") for triple in text.split()]
    if any(len(triple) != 3 for triple in triples):
        raise CapError(f"references are not sender,identifier,sent triples: {text[:80]!r}")
    return [_identifier(identifier) for _, identifier, _ in triples]


def _identifier(text: str) -> str:
    if len(text) > 200 or any(character in text for character in " ,<&"):
        raise CapError(f"an unusable identifier: {text[:80]!r}")
    return text


def _time(text: str, name: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise CapError(f"{name} is not a date and time: {text[:40]!r}") from error
    if value.tzinfo is None:
        raise CapError(f"{name} has no time zone: {text[:40]!r}")
    return value.astimezone(UTC)


def _one_of(element: Element, name: str, allowed: set[str]) -> str:
    value = _required(element, name)
    if value not in allowed:
        raise CapError(f"{name} {value[:40]!r} is not one of {sorted(allowed)}")
    return value


def _required(element: Element, name: str) -> str:
    value = _text(element, name)
    if not value:
        raise CapError(f"no {name}")
    return value


def _text(element: Element, name: str) -> str:
    child = element.find(f"{CAP}{name}")
    return (child.text or "").strip() if child is not None else ""
