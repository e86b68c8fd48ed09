"""BMKG's earthquake feeds (autogempa.json, gempaterkini.json, gempadirasakan.json) read into
events, and the city pack's rule that decides which are a city-wide alert."""

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, update

from ..database import utcnow
from ..extensions import db
from ..places.models import Kecamatan, Kelurahan
from ..places.services import get_city
from .alerting import DEFAULT_LIFETIME
from .fetch import Fetched
from .models import OfficialWarning, WarningKind, WarningSource, WarningStatus
from .storing import PollReport, commit_acting_on, known_identifiers, store_warning

FEEDS = ("autogempa.json", "gempaterkini.json", "gempadirasakan.json")
MAX_BYTES = 2 * 1024 * 1024
EARTH_RADIUS_KM = 6371.0
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


class FeedError(ValueError):
    """The document is not one of BMKG's earthquake feeds."""


@dataclass(frozen=True)
class Quake:
    time: datetime  # UTC
    lat: float
    long: float
    magnitude: float
    depth_km: float
    region: str  # BMKG's `Wilayah`
    felt: str  # `Dirasakan`: felt intensity (MMI) by place; empty when not given
    tsunami: str  # `Potensi`: BMKG's tsunami statement; empty when not given

    @property
    def identifier(self) -> str:
        """The same event in every feed has the same key: its time and epicentre as BMKG gives them
        (no comma or space, so that it can stand in a CAP `references` triple)."""
        return f"bmkg-gempa-{self.time:%Y%m%dT%H%M%SZ}_{self.lat:.2f}_{self.long:.2f}"


def parse_feed(document: bytes) -> tuple[list[Quake], list[str]]:
    """The events of one feed, and what was wrong with the entries left out."""
    if len(document) > MAX_BYTES:
        raise FeedError(f"too large: {len(document)} bytes")
    try:
        entries = json.loads(document)["Infogempa"]["gempa"]
    except (ValueError, KeyError, TypeError) as error:
        raise FeedError(f"not a BMKG earthquake feed: {type(error).__name__} {error}"[:200]) from error
    entries = [entries] if isinstance(entries, dict) else entries
    if not isinstance(entries, list):
        raise FeedError("not a BMKG earthquake feed: `gempa` is neither an event nor a list")
    quakes, problems = [], []
    for entry in entries:
        try:
            quakes.append(_quake(entry))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            problems.append(f"an event left out: {type(error).__name__} {error}"[:200])
    return quakes, problems


def _quake(entry: dict) -> Quake:
    time = datetime.fromisoformat(entry["DateTime"])
    if time.tzinfo is None:
        raise ValueError(f"DateTime without a time zone: {entry['DateTime']!r}")
    lat, long = (float(part) for part in entry["Coordinates"].split(","))
    if not (-90 <= lat <= 90 and -180 <= long <= 180):
        raise ValueError(f"coordinates off the globe: {entry['Coordinates']!r}")
    return Quake(
        time=time.astimezone(UTC),
        lat=lat,
        long=long,
        magnitude=float(entry["Magnitude"]),
        depth_km=_number(entry.get("Kedalaman", "")),
        region=str(entry.get("Wilayah", ""))[:300],
        felt=str(entry.get("Dirasakan", ""))[:500],
        tsunami=str(entry.get("Potensi", ""))[:300],
    )


def _number(text: str) -> float:
    found = NUMBER.search(str(text))
    if not found:
        raise ValueError(f"no number in {text!r}")
    return float(found[0])


def distance_km(lat1: float, long1: float, lat2: float, long2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(long2 - long1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def meets_rule(details: dict, rule: dict) -> bool:
    """The pack's rule: strong enough and near enough, or felt in one of the named places."""
    strong_and_near = (
        details["magnitude"] >= rule["min_magnitude"] and details["distance_km"] <= rule["max_distance_km"]
    )
    felt = details["felt"].casefold()
    return strong_and_near or any(name.casefold() in felt for name in rule["felt_names"] if name)


def details_of(quake: Quake, centre: dict) -> dict:
    """What the alert says: magnitude, depth, epicentre, distance from the city centre, felt, tsunami."""
    return {
        "magnitude": quake.magnitude,
        "depth_km": quake.depth_km,
        "lat": quake.lat,
        "long": quake.long,
        "distance_km": round(distance_km(centre["lat"], centre["long"], quake.lat, quake.long), 1),
        "region": quake.region,
        "felt": quake.felt,
        "tsunami": quake.tsunami,
    }


def take_earthquakes(source: WarningSource, fetched: Fetched, settings: dict, report: PollReport) -> None:
    """Store each new event once, whichever feed brings it first: city-wide when it meets the pack's
    rule and is still in force, else SEEN. An event kept as SEEN that another feed later
    says was felt in the city is accepted then (still only once)."""
    quakes, problems = parse_feed(fetched.body)
    report.problems.extend(problems)
    if not quakes:
        return
    centre, rule = get_city().center, settings["earthquake_rule"]
    everywhere = _whole_city()
    known = known_identifiers([quake.identifier for quake in quakes])
    for quake in quakes:
        if quake.identifier in known:
            report.known += 1
            _learn_felt(quake, rule, everywhere, report)
            continue
        details = details_of(quake, centre)
        # BMKG gives no expiry: an event is in force for alerting's DEFAULT_LIFETIME, and an older
        # one is kept as SEEN (the feeds list weeks of events; a first poll must not alert them).
        expires = quake.time + DEFAULT_LIFETIME
        accepted = utcnow() < expires and meets_rule(details, rule)
        warning = OfficialWarning(
            kind=WarningKind.EARTHQUAKE,
            source=source.name,
            identifier=quake.identifier,
            sent_at=quake.time,
            effective_at=quake.time,
            expires_at=expires,
            event="Gempa bumi",
            urgency="Immediate",
            texts={"id": {"description": quake.region}},  # BMKG's `Wilayah`, in Indonesian only
            details=details,
            document_url=fetched.url,
            document=fetched.body.decode("utf-8", errors="replace"),
            **(everywhere if accepted else {}),
        )
        store_warning(warning, accepted, report)


def _whole_city() -> dict:
    rows = db.session.execute(select(Kelurahan.code, Kecamatan.code).join(Kelurahan.kecamatan)).all()
    return {
        "kelurahan_codes": sorted(kelurahan for kelurahan, _ in rows),
        "kecamatan_codes": sorted({kecamatan for _, kecamatan in rows}),
    }


def _learn_felt(quake: Quake, rule: dict, everywhere: dict, report: PollReport) -> None:
    """A SEEN event now said to be felt (gempadirasakan after gempaterkini): kept, and accepted
    when that meets the rule. The conditional update makes it once, whatever polls overlap."""
    if not quake.felt:
        return
    warning = db.session.scalar(select(OfficialWarning).where(OfficialWarning.identifier == quake.identifier))
    if warning.status != WarningStatus.SEEN or warning.details.get("felt"):
        return
    details = warning.details | {"felt": quake.felt, "tsunami": warning.details["tsunami"] or quake.tsunami}
    accepted = utcnow() < warning.expires_at and meets_rule(details, rule)
    changes = {"details": details}
    changes |= {"status": WarningStatus.DRAFT, **everywhere} if accepted else {}
    changed = db.session.execute(
        update(OfficialWarning)
        .where(OfficialWarning.id == warning.id, OfficialWarning.status == WarningStatus.SEEN)
        .values(**changes)
    ).rowcount
    db.session.refresh(warning)
    commit_acting_on(warning, bool(changed) and accepted, report)
