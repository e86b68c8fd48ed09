"""Synthetic BMKG documents for the tests, written from the real captured format
(tests/fixtures/bmkg/): BMKG published no warning for East Kalimantan (province 64) nor any Update or
Cancel in the capture, so these are made up. They are not BMKG data."""

import json
from datetime import datetime, timedelta

from backend.places.services import city_boundaries

SENDER = "cuaca.ekstrem@bmkg.go.id"
NOWCAST_LIST = "/alerts/nowcast/id/rss.xml"
QUAKE_FOLDER = "/DataMKG/TEWS/"
# Two kelurahan of Balikpapan in two kecamatan, and one far from both.
KELURAHAN_A, KELURAHAN_B = "64.71.01.1001", "64.71.05.1002"


def identifier(number: int, province: str = "64") -> str:
    return f"2.49.0.1.360.0.2026.09.24.07.{province}.{number:03d}"


def ring_inside(kelurahan_code: str) -> str:
    """A CAP polygon (`lat,lon` pairs) 200 m inside the kelurahan's boundary."""
    shrunk = city_boundaries().geometry_of(kelurahan_code).buffer(-0.002)
    largest = max(getattr(shrunk, "geoms", [shrunk]), key=lambda part: part.area)
    return " ".join(f"{lat:.5f},{lon:.5f}" for lon, lat in largest.exterior.coords)


# Hostile documents, served in place of a CAP document.
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol5;</identifier></alert>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE alert [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&secret;</identifier></alert>"""
HOSTILE = {
    "entity-expansion": BILLION_LAUGHS,
    "external-entity": EXTERNAL_ENTITY,
    "not-xml": b"<html><body>Service Unavailable",
    "too-large": b"<alert>" + b" " * (3 * 1024 * 1024) + b"</alert>",
    "not-cap": b"<?xml version='1.0'?><rss version='2.0'><channel/></rss>",
}

SAMARINDA = "-0.450,117.100 -0.450,117.200 -0.550,117.200 -0.550,117.100 -0.450,117.100"


def cap_document(
    number: int,
    sent: datetime,
    polygons: list[str],
    language: str = "id",
    msg_type: str = "Alert",
    references: list[int] = (),
    hours: float = 2,
    province: str = "64",
) -> str:
    """One CAP 1.2 document in BMKG's layout (see cap-id-CGT20260924002_alert.xml)."""
    offset = "+08:00"
    local = (sent + timedelta(hours=8)).replace(tzinfo=None)
    stamp = local.isoformat(timespec="seconds") + offset
    expires = (local + timedelta(hours=hours)).isoformat(timespec="seconds") + offset
    refs = " ".join(f"{SENDER},{identifier(ref, province)},{stamp}" for ref in references)
    words = {
        "id": ("Hujan Lebat dan Petir", "Hujan Lebat disertai Petir di Kalimantan Timur", "Waspada banjir"),
        "en": ("Thunderstorm", "Thunderstorm This Evening in East Kalimantan", "Beware of floods"),
    }[language]
    areas = "\n".join(f"      <polygon>{polygon}</polygon>" for polygon in polygons)
    return f"""<?xml version="1.0" ?>
<?xml-stylesheet type="text/xsl" href="/cap/nowcast-cap-style.xsl"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>{identifier(number, province)}</identifier>
  <sender>{SENDER}</sender>
  <sent>{stamp}</sent>
  <status>Actual</status>
  <msgType>{msg_type}</msgType>
  <scope>Public</scope>{f"{chr(10)}  <references>{refs}</references>" if refs else ""}
  <info>
    <language>{language}</language>
    <category>Met</category>
    <event>{words[0]}</event>
    <urgency>Immediate</urgency>
    <severity>Moderate</severity>
    <certainty>Observed</certainty>
    <effective>{stamp}</effective>
    <expires>{expires}</expires>
    <senderName>Badan Meteorologi Klimatologi dan Geofisika</senderName>
    <headline>{words[1]}</headline>
    <description>{words[1]}.</description>
    <instruction>{words[2]}</instruction>
    <area>
      <areaDesc>Kalimantan Timur</areaDesc>
{areas}
    </area>
  </info>
</alert>
"""


def code_of(number: int) -> str:
    return f"CKT20260924{number:03d}_alert.xml"


def nowcast_list(items: list[tuple[int, str]], host: str = "https://www.bmkg.go.id") -> str:
    """The RSS list in BMKG's layout (see nowcast-rss-id.xml), one item per (number, province)."""
    entries = "\n".join(
        f"""        <item>
            <title>Hujan Lebat disertai Petir</title>
            <link>{host}/alerts/nowcast/id/{code_of(number)}</link>
            <description>Hujan lebat disertai petir.</description>
            <author>cuaca.ekstrem@bmkg.go.id (BMKG)</author>
            <category>Met</category>
            <guid isPermaLink="false">{identifier(number, province)}</guid>
            <pubDate>Thu, 24 Sep 2026 15:07:00 +0800</pubDate>
        </item>"""
        for number, province in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
            <title>Peringatan Dini Cuaca BMKG</title>
            <language>id</language>
{entries}
        </channel>
    </rss>
"""


def serve_warning(server, number: int, sent: datetime, polygons: list[str], **options) -> None:
    """The warning's Indonesian and English documents where the list's items point."""
    for language in ("id", "en"):
        document = cap_document(number, sent, polygons, language=language, **options)
        server.serve(f"/alerts/nowcast/{language}/{code_of(number)}", document)


def quake_feed(events: list[dict]) -> str:
    """An earthquake feed in BMKG's layout (see gempaterkini.json)."""
    return json.dumps({"Infogempa": {"gempa": events}})


def quake(at: datetime, lat: float, long: float, magnitude: float, **extra) -> dict:
    return {
        "Tanggal": f"{at:%d %b %Y}",
        "Jam": f"{at:%H:%M:%S} UTC",
        "DateTime": at.isoformat(),
        "Coordinates": f"{lat:.2f},{long:.2f}",
        "Lintang": f"{abs(lat):.2f} LS",
        "Bujur": f"{long:.2f} BT",
        "Magnitude": f"{magnitude:.1f}",
        "Kedalaman": "10 km",
        "Wilayah": "Synthetic test event",
        **extra,
    }
