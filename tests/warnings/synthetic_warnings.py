"""Synthetic official warnings for the alerting tests, built as the ingest stores them.

They are made up: BMKG's captured feed held no warning for East Kalimantan (province 64), nor any
Update or Cancel. The texts follow the captured CAP documents (tests/fixtures/bmkg/), and the
identifiers their pattern, with 64 as the province code.
"""

from datetime import timedelta

from backend.database import utcnow
from backend.extensions import db
from backend.warnings import alerting
from backend.warnings.models import OfficialWarning

MANGGAR, LAMARU = "64.71.01.1001", "64.71.01.1002"  # Balikpapan Timur
BARU_ILIR = "64.71.02.1001"  # Balikpapan Barat
FEED = "https://www.bmkg.go.id/alerts/nowcast/id/"


def weather_warning(
    number: int = 1,
    msg_type: str = "Alert",
    references: tuple = (),
    kelurahan: tuple = (MANGGAR, LAMARU),
    severity: str = "Moderate",
    hours: float = 2,
) -> OfficialWarning:
    """A nowcast for Balikpapan over `kelurahan`, expiring in `hours`."""
    now = utcnow()
    return OfficialWarning(
        kind="weather",
        source="bmkg-nowcast",
        identifier=f"2.49.0.1.360.0.2026.12.04.08.64.{number:03d}",
        msg_type=msg_type,
        references=list(references),
        sent_at=now,
        effective_at=now,
        expires_at=now + timedelta(hours=hours),
        event="Hujan Lebat dan Petir",
        severity=severity,
        urgency="Immediate",
        certainty="Observed",
        texts={
            "id": {
                "headline": "Hujan Lebat disertai Petir di Kalimantan Timur",
                "description": "Hujan lebat disertai petir akan terjadi di sebagian wilayah Balikpapan.",
                "instruction": "Masyarakat dihimbau untuk tetap waspada.",
                "area": "Kalimantan Timur",
            },
            "en": {
                "headline": "Heavy Rain with Lightning in East Kalimantan",
                "description": "Heavy rain with lightning will occur in parts of Balikpapan.",
                "instruction": "People are advised to stay alert.",
                "area": "East Kalimantan",
            },
        },
        polygons=[],
        kelurahan_codes=list(kelurahan),
        kecamatan_codes=sorted({code.rsplit(".", 1)[0] for code in kelurahan}),
        document_url=f"{FEED}CKT20261204{number:03d}_alert.xml",
        document="<alert>synthetic</alert>",
    )


def earthquake_warning(kelurahan: list[str]) -> OfficialWarning:
    """A strong earthquake off the coast, felt in Balikpapan (no expiry: BMKG gives none)."""
    return OfficialWarning(
        kind="earthquake",
        source="bmkg-autogempa",
        identifier="gempa-2026-12-04T10:15:00+00:00",
        sent_at=utcnow(),
        event="Gempa bumi",
        texts={"id": {"description": "Pusat gempa berada di laut 95 km tenggara Balikpapan"}},
        kelurahan_codes=kelurahan,
        details={
            "magnitude": 5.6,
            "depth_km": 10,
            "lat": -1.9,
            "long": 117.4,
            "distance_km": 95.4,
            "felt": "III Balikpapan",
            "tsunami": "Tidak berpotensi tsunami",
        },
        document_url="https://data.bmkg.go.id/DataMKG/TEWS/autogempa.json",
        document="{}",
    )


def take_in(warning: OfficialWarning) -> OfficialWarning:
    """What the ingest does with an accepted warning: store it, act on it, commit."""
    db.session.add(warning)
    alerting.act_on(warning)
    db.session.commit()
    return warning
