"""BMKG's earthquake feeds (autogempa.json, gempaterkini.json, gempadirasakan.json) read into
events, and the city pack's rule that decides which are a city-wide alert."""

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime

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
        """The same event in every feed has the same key: its time and epicentre as BMKG gives them."""
        return f"bmkg-gempa-{self.time:%Y%m%dT%H%M%SZ}-{self.lat:.2f},{self.long:.2f}"


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


def texts_of(details: dict) -> dict:
    """The event in both languages; BMKG's own words (region, felt, tsunami) are kept as given."""
    facts = f"M {details['magnitude']:.1f}, {details['depth_km']:g} km"
    felt, tsunami = details["felt"], details["tsunami"]
    return {
        "id": {
            "headline": f"Gempa {facts} — {details['region']}",
            "description": " ".join(
                part
                for part in (
                    f"Gempa magnitudo {details['magnitude']:.1f} pada kedalaman {details['depth_km']:g} km, "
                    f"{details['distance_km']:.0f} km dari pusat kota. {details['region']}.",
                    f"Dirasakan: {felt}." if felt else "",
                    f"{tsunami}." if tsunami else "",
                )
                if part
            ),
            "instruction": "",
            "area": details["region"],
        },
        "en": {
            "headline": f"Earthquake {facts} — {details['region']}",
            "description": " ".join(
                part
                for part in (
                    f"A magnitude {details['magnitude']:.1f} earthquake at {details['depth_km']:g} km depth, "
                    f"{details['distance_km']:.0f} km from the city centre. {details['region']}.",
                    f"Felt (MMI): {felt}." if felt else "",
                    f"BMKG's tsunami statement: {tsunami}." if tsunami else "",
                )
                if part
            ),
            "instruction": "",
            "area": details["region"],
        },
    }
