"""The city's own alerts as CAP 1.2: every document is checked against the OASIS schema (lxml,
offline), and the Atom feed lists what went out. The official warnings here are synthetic rows,
written in the tests from the fields BMKG's CAP documents carry."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from backend.database import utcnow
from backend.extensions import db
from backend.places.models import Kelurahan
from backend.push.models import Campaign, CampaignStatus
from backend.warnings.cap_out import identifier_of
from backend.warnings.models import OfficialWarning, WarningStatus

from ..factories import auth_headers, error_shape
from ..push.helpers import CAMPAIGNS, subscribe, wait_for_jobs

SCHEMA = etree.XMLSchema(etree.parse(Path(__file__).parents[1] / "fixtures/cap/CAP-v1.2-schema.xsd"))
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"
ATOM = "{http://www.w3.org/2005/Atom}"
CITY_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00")
MANGGAR, LAMARU = "64.71.01.1001", "64.71.01.1002"
SENT = datetime(2026, 12, 4, 7, 30, 15, 123456, tzinfo=UTC)


def went_out(started_at: datetime = SENT, **fields) -> Campaign:
    """A campaign that started sending (its batches planned), straight into the database."""
    data = {
        "title": "Banjir di Manggar",
        "body": "Hindari Jalan Mulawarman.",
        "target_kind": "kelurahan",
        "target_values": [MANGGAR],
        "is_alert": True,
        "status": CampaignStatus.DONE,
        "started_at": started_at,
        "ttl": 7200,
    }
    campaign = Campaign(**(data | fields))
    db.session.add(campaign)
    db.session.commit()
    return campaign


def official_warning(identifier: str, msg_type: str = "Alert", references=(), **fields) -> OfficialWarning:
    """A synthetic BMKG nowcast for province 64, as the ingest stores it."""
    data = {
        "kind": "weather",
        "source": "bmkg-nowcast",
        "identifier": identifier,
        "msg_type": msg_type,
        "references": list(references),
        "status": WarningStatus.SENT,
        "sent_at": SENT,
        "expires_at": SENT + timedelta(hours=2),
        "event": "Hujan Lebat",
        "severity": "Moderate",
        "urgency": "Immediate",
        "certainty": "Observed",
        "texts": {
            "id": {
                "headline": "Hujan lebat",
                "description": "Hujan lebat disertai petir.",
                "instruction": "",
            },
            "en": {
                "headline": "Heavy rain",
                "description": "Heavy rain with lightning.",
                "instruction": "Stay away from rivers.",
            },
        },
        "kelurahan_codes": [MANGGAR, LAMARU],
        "kecamatan_codes": ["64.71.01"],
    }
    warning = OfficialWarning(**(data | fields))
    db.session.add(warning)
    db.session.commit()
    return warning


def cap_document(client, campaign: Campaign):
    """The campaign's CAP document, after checking it against the schema."""
    response = client.get(f"/alerts/{identifier_of(campaign)}.xml")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/cap+xml"
    root = etree.fromstring(response.data)
    SCHEMA.assertValid(root)
    return root


def text(element, path: str) -> str | None:
    found = element.find(path.replace("cap:", CAP))
    return None if found is None else found.text


def infos(root) -> dict:
    return {text(info, "cap:language"): info for info in root.findall(f"{CAP}info")}


def geocodes(info) -> list[str]:
    return [text(area, "cap:geocode/cap:value") for area in info.findall(f"{CAP}area")]


def kelurahan_codes(kecamatan_code: str = "") -> list[str]:
    return sorted(k.code for k in Kelurahan.query.all() if k.code.startswith(kecamatan_code))


def test_an_operator_alert_sent_through_the_api_is_a_valid_cap_document_in_both_languages(
    app, client, admin, push_service
):
    subscribe(client, push_service.device(), kelurahan=MANGGAR)
    body = {
        "title": "Banjir di Manggar",
        "body": "Hindari Jalan Mulawarman sampai air surut.",
        "title_en": "Flooding in Manggar",
        "body_en": "Avoid Jalan Mulawarman until the water recedes.",
        "is_alert": True,
        "url": "/berita/banjir-manggar",
        "urgency": "high",
        "ttl": 3600,
        "target_kind": "kelurahan",
        "target_values": [MANGGAR],
    }
    response = client.post(CAMPAIGNS, json=body, headers=auth_headers(admin))
    assert response.status_code == 201, response.get_data(as_text=True)
    wait_for_jobs(app)
    campaign = db.session.get(Campaign, response.get_json()["id"])
    root = cap_document(client, campaign)
    assert text(root, "cap:identifier") == f"satupintu-64.71-alert-{campaign.id}"
    assert text(root, "cap:sender") == "alerts@localhost"
    sent = text(root, "cap:sent")
    assert CITY_TIME.fullmatch(sent)
    assert datetime.fromisoformat(sent) == campaign.started_at.replace(microsecond=0)
    assert [text(root, f"cap:{name}") for name in ("status", "msgType", "scope")] == [
        "Actual",
        "Alert",
        "Public",
    ]
    assert text(root, "cap:references") is None
    by_language = infos(root)
    assert list(by_language) == ["id-ID", "en-US"]
    indonesian, english = by_language.values()
    assert (text(indonesian, "cap:headline"), text(english, "cap:headline")) == (
        body["title"],
        body["title_en"],
    )
    assert (text(indonesian, "cap:description"), text(english, "cap:description")) == (
        body["body"],
        body["body_en"],
    )
    for info in (indonesian, english):
        assert [text(info, f"cap:{name}") for name in ("category", "urgency", "severity", "certainty")] == [
            "Safety",
            "Immediate",
            "Unknown",
            "Unknown",
        ]
        assert text(info, "cap:senderName") == "Kota Balikpapan"
        assert text(info, "cap:web") == "http://localhost/berita/banjir-manggar"
        assert text(info, "cap:instruction") is None
        expires = text(info, "cap:expires")
        assert CITY_TIME.fullmatch(expires)
        assert datetime.fromisoformat(expires) - datetime.fromisoformat(sent) == timedelta(hours=1)
        [area] = info.findall(f"{CAP}area")
        assert text(area, "cap:areaDesc") == "Kelurahan Manggar, Kecamatan Balikpapan Timur"
        assert text(area, "cap:geocode/cap:valueName") == "KEMENDAGRI"
        assert geocodes(info) == [MANGGAR]
        assert_closed_polygons_inside_the_city(area)


def assert_closed_polygons_inside_the_city(area) -> None:
    polygons = [polygon.text.split(" ") for polygon in area.findall(f"{CAP}polygon")]
    assert polygons
    for points in polygons:
        assert len(points) >= 4 and points[0] == points[-1]
        for point in points:
            lat, lon = (float(value) for value in point.split(","))
            assert -1.4 < lat < -0.9 and 116.6 < lon < 117.2  # lat first: Balikpapan is just south


def test_an_alert_to_a_kecamatan_names_each_of_its_kelurahan(client):
    title = 'Banjir & longsor <segera> "mengungsi"'
    campaign = went_out(target_kind="kecamatan", target_values=["64.71.02"], title=title)
    for info in infos(cap_document(client, campaign)).values():
        assert text(info, "cap:headline") == title
        assert geocodes(info) == kelurahan_codes("64.71.02.") and len(geocodes(info)) > 1
        for area in info.findall(f"{CAP}area"):
            assert_closed_polygons_inside_the_city(area)


def test_a_city_wide_alert_names_every_kelurahan_and_stays_small(client):
    campaign = went_out(target_kind="all", target_values=[])
    response = client.get(f"/alerts/{identifier_of(campaign)}.xml")
    assert len(response.data) < 100_000
    for info in infos(cap_document(client, campaign)).values():
        assert geocodes(info) == kelurahan_codes() and len(geocodes(info)) == 34
        areas = {text(area, "cap:geocode/cap:value"): area for area in info.findall(f"{CAP}area")}
        # Kariangau's boundary is a multipolygon of two parts: one polygon element each.
        assert len(areas["64.71.02.1004"].findall(f"{CAP}polygon")) == 2
        for area in areas.values():
            assert_closed_polygons_inside_the_city(area)


def test_an_alert_made_from_a_warning_carries_its_assessment_texts_and_expiry(client):
    warning = official_warning("2.49.0.1.360.0.2026.12.04.07.64.001")
    campaign = went_out(warning_id=warning.id, target_values=[MANGGAR, LAMARU], urgency="high")
    root = cap_document(client, campaign)
    assert text(root, "cap:msgType") == "Alert"
    indonesian, english = infos(root).values()
    for info in (indonesian, english):
        assert [
            text(info, f"cap:{name}") for name in ("category", "event", "urgency", "severity", "certainty")
        ] == [
            "Met",
            "Hujan Lebat",
            "Immediate",
            "Moderate",
            "Observed",
        ]
        assert text(info, "cap:expires") == "2026-12-04T17:30:15+08:00"
        assert geocodes(info) == [MANGGAR, LAMARU]
    # No English title on the campaign: the Indonesian one stands in.
    assert text(english, "cap:headline") == text(indonesian, "cap:headline") == "Banjir di Manggar"
    assert text(indonesian, "cap:description") == "Hujan lebat disertai petir."
    assert text(english, "cap:description") == "Heavy rain with lightning."
    assert text(indonesian, "cap:instruction") is None
    assert text(english, "cap:instruction") == "Stay away from rivers."


def test_an_earthquake_alert_is_in_the_geo_category(client):
    warning = official_warning("gempa-20261204073015", kind="earthquake", event="Gempabumi", expires_at=None)
    campaign = went_out(warning_id=warning.id, target_kind="all", target_values=[])
    for info in infos(cap_document(client, campaign)).values():
        assert text(info, "cap:category") == "Geo"
        assert text(info, "cap:expires") == "2026-12-04T17:30:15+08:00"  # sent + the campaign's TTL


def test_an_update_and_a_cancel_reference_the_documents_they_replace(client):
    first = official_warning("2.49.0.1.360.0.2026.12.04.07.64.001")
    update = official_warning("2.49.0.1.360.0.2026.12.04.08.64.002", "Update", [first.identifier])
    cancel = official_warning("2.49.0.1.360.0.2026.12.04.09.64.003", "Cancel", [update.identifier])
    alerted = went_out(warning_id=first.id)
    updated = went_out(SENT + timedelta(hours=1), warning_id=update.id, title="Banjir meluas")
    cancelled = went_out(SENT + timedelta(hours=2), warning_id=cancel.id, title="Peringatan dicabut")
    documents = [cap_document(client, campaign) for campaign in (alerted, updated, cancelled)]
    triples = [
        ",".join(text(d, f"cap:{name}") for name in ("sender", "identifier", "sent")) for d in documents
    ]
    assert [text(d, "cap:msgType") for d in documents] == ["Alert", "Update", "Cancel"]
    assert [text(d, "cap:references") for d in documents] == [None, triples[0], triples[1]]
    assert triples[0] == f"alerts@localhost,satupintu-64.71-alert-{alerted.id},2026-12-04T15:30:15+08:00"


def test_an_update_of_a_warning_never_published_here_is_a_new_alert(client):
    first = official_warning("2.49.0.1.360.0.2026.12.04.07.64.001")
    went_out(warning_id=first.id, status=CampaignStatus.DRAFT, started_at=None)
    update = official_warning("2.49.0.1.360.0.2026.12.04.08.64.002", "Update", [first.identifier])
    root = cap_document(client, went_out(warning_id=update.id))
    assert (text(root, "cap:msgType"), text(root, "cap:references")) == ("Alert", None)


def test_the_sender_comes_from_cap_sender_when_set(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "CAP_SENDER", "peringatan@balikpapan.go.id")
    assert text(cap_document(client, went_out()), "cap:sender") == "peringatan@balikpapan.go.id"


def test_the_feed_lists_what_went_out_newest_first_and_nothing_else(client):
    older = went_out(SENT - timedelta(days=1), title="Air PDAM mati")
    newer = went_out(title="Banjir di Manggar")
    stopped = went_out(SENT - timedelta(hours=1), status=CampaignStatus.CANCELLED, title="Dihentikan")
    draft = went_out(status=CampaignStatus.DRAFT, started_at=None, title="Draf peringatan")
    never_sent = went_out(status=CampaignStatus.CANCELLED, started_at=None, title="Batal sebelum terkirim")
    not_an_alert = went_out(is_alert=False, title="Berita biasa")
    response = client.get("/alerts.atom")
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    feed = etree.fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/alerts.atom"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "Kota Balikpapan"
    entries = feed.findall(f"{ATOM}entry")
    links = [entry.find(f"{ATOM}link[@rel='alternate']") for entry in entries]
    assert [link.get("href") for link in links] == [
        f"http://localhost/alerts/{identifier_of(campaign)}.xml" for campaign in (newer, stopped, older)
    ]
    assert {link.get("type") for link in links} == {"application/cap+xml"}
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("http://localhost/alerts/")
        assert CITY_TIME.fullmatch(entry.find(f"{ATOM}updated").text)
        assert entry.find(f"{ATOM}title").text
    assert feed.find(f"{ATOM}updated").text == "2026-12-04T15:30:15+08:00"
    for absent in (draft, never_sent, not_an_alert):
        error_shape(client.get(f"/alerts/{identifier_of(absent)}.xml"), 404)
    for listed in (newer, stopped, older):
        cap_document(client, listed)


def test_an_empty_feed_is_still_a_feed(client):
    feed = etree.fromstring(client.get("/alerts.atom").data)
    assert feed.find(f"{ATOM}updated").text
    assert feed.findall(f"{ATOM}entry") == []


@pytest.mark.parametrize(
    "identifier",
    [
        "satupintu-64.71-alert-999999",
        "satupintu-64.72-alert-{id}",  # another city's
        "satupintu-64.71-alert-{id}%2C%3C%26",
        "satupintu-64.71-alert-%D9%A3",  # an Arabic-Indic digit
        "satupintu-64.71-alert-99999999999999999999999",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "..%2F..%2Fetc%2Fpasswd",
        "a b,c",
    ],
)
def test_an_unknown_or_odd_identifier_is_a_404(client, identifier):
    campaign = went_out()
    error_shape(client.get(f"/alerts/{identifier.format(id=campaign.id)}.xml"), 404)


def test_documents_and_the_feed_are_cached_with_an_etag(client):
    campaign = went_out()
    for url in ("/alerts.atom", f"/alerts/{identifier_of(campaign)}.xml"):
        response = client.get(url)
        assert response.headers["ETag"]
        assert response.headers["Cache-Control"].startswith("public, max-age=")
        again = client.get(url, headers={"If-None-Match": response.headers["ETag"]})
        assert again.status_code == 304


def test_a_campaign_is_created_as_an_alert_with_english_text(app, client, admin, push_service):
    subscribe(client, push_service.device())
    body = {"title": "Uji", "body": "Uji sirene.", "target_kind": "all"}
    english = {"title_en": "Test", "body_en": "Siren test.", "is_alert": True}
    response = client.post(CAMPAIGNS, json=body | english, headers=auth_headers(admin))
    assert response.status_code == 201, response.get_data(as_text=True)
    assert {name: response.get_json()[name] for name in english} == english
    plain = client.post(CAMPAIGNS, json=body | {"title": "Biasa"}, headers=auth_headers(admin)).get_json()
    assert (plain["is_alert"], plain["title_en"], plain["body_en"]) == (False, None, None)
    wait_for_jobs(app)
    stored = db.session.get(Campaign, response.get_json()["id"])
    assert (stored.is_alert, stored.title_en, stored.body_en) == (True, "Test", "Siren test.")
    assert stored.started_at <= utcnow()
