"""BMKG's earthquake feeds through a local server: BMKG's real feeds, and synthetic events (the
capture held none near Balikpapan) for the city pack's rule and for one event in several feeds."""

from datetime import timedelta

from sqlalchemy import select

from backend.extensions import db
from backend.places.services import list_kelurahan
from backend.warnings.intake import poll_sources
from backend.warnings.models import OfficialWarning, WarningKind, WarningStatus

from .conftest import CAPTURE_TIME
from .synthetic import QUAKE_FOLDER, quake, quake_feed

FEEDS = ("autogempa.json", "gempaterkini.json", "gempadirasakan.json")
NEAR = (-1.50, 117.20)  # about 48 km from the city centre
FAR = (-5.00, 120.00)  # about 540 km


def serve_feeds(feeds, autogempa=None, terkini=(), dirasakan=()) -> None:
    latest = autogempa or quake(CAPTURE_TIME - timedelta(days=2), *FAR, 2.0)
    feeds.serve(QUAKE_FOLDER + "autogempa.json", quake_feed(latest), content_type="application/json")
    feeds.serve(QUAKE_FOLDER + "gempaterkini.json", quake_feed(list(terkini)))
    feeds.serve(QUAKE_FOLDER + "gempadirasakan.json", quake_feed(list(dirasakan)))


def quakes() -> list[OfficialWarning]:
    query = select(OfficialWarning).where(OfficialWarning.kind == WarningKind.EARTHQUAKE)
    return list(db.session.scalars(query.order_by(OfficialWarning.sent_at)))


def test_bmkgs_real_feeds_are_read_and_kept_as_seen(feeds, acted_on):
    for name in FEEDS:
        feeds.serve_fixture(QUAKE_FOLDER + name, name)

    reports = {report.source: report for report in poll_sources(force=True)}

    assert [reports[f"bmkg-{name[:-5]}"].new for name in FEEDS] == [1, 2, 2]
    lembata = quakes()[-1]
    assert lembata.identifier == "bmkg-gempa-20260923T121656Z_-8.51_123.27"
    assert lembata.status == WarningStatus.SEEN and lembata.kelurahan_codes == []
    details = lembata.details
    assert [details[key] for key in ("magnitude", "depth_km", "lat", "long")] == [1.8, 12, -8.51, 123.27]
    assert 1050 < details["distance_km"] < 1100
    assert details["felt"] == "II-III Kab. Lembata"
    assert details["tsunami"] == "Gempa ini dirasakan untuk diteruskan pada masyarakat"
    assert lembata.texts == {"id": {"description": "Pusat gempa berada di darat 24 km barat daya Lembata"}}
    assert lembata.document_url == f"{feeds.url}{QUAKE_FOLDER}autogempa.json"
    assert acted_on == []


def test_a_strong_near_earthquake_is_a_city_wide_alert_once_whichever_feeds_list_it(feeds, acted_on):
    strong_near = quake(CAPTURE_TIME - timedelta(minutes=5), *NEAR, 5.4, Potensi="Tidak berpotensi tsunami")
    serve_feeds(feeds, autogempa=strong_near, terkini=[strong_near], dirasakan=[strong_near])

    reports = poll_sources(force=True)
    poll_sources(force=True)

    [event] = quakes()
    assert event.status == WarningStatus.DRAFT
    assert event.kelurahan_codes == sorted(k.code for k in list_kelurahan())
    assert len(event.kelurahan_codes) == 34 and len(event.kecamatan_codes) == 6
    assert event.expires_at == event.sent_at + timedelta(hours=6)
    assert 40 < event.details["distance_km"] < 60
    assert event.details["tsunami"] == "Tidak berpotensi tsunami"
    assert sum(report.new for report in reports) == 1
    assert acted_on == [(event.identifier, True)]


def test_the_rule_takes_strong_and_near_or_felt_in_the_city_and_leaves_the_rest(feeds, acted_on):
    at = CAPTURE_TIME - timedelta(minutes=30)
    strong_far = quake(at, *FAR, 6.0)
    weak_near = quake(at + timedelta(minutes=1), *NEAR, 4.9)
    felt_here = quake(at + timedelta(minutes=2), *FAR, 4.2, Dirasakan="III Balikpapan, II Samarinda")
    strong_near_but_old = quake(CAPTURE_TIME - timedelta(hours=7), *NEAR, 6.1)
    serve_feeds(feeds, terkini=[strong_far, strong_near_but_old], dirasakan=[weak_near, felt_here])

    poll_sources(force=True)

    statuses = {event.details["magnitude"]: event.status for event in quakes()}
    assert statuses == {
        2.0: WarningStatus.SEEN,
        6.0: WarningStatus.SEEN,
        4.9: WarningStatus.SEEN,
        4.2: WarningStatus.DRAFT,
        6.1: WarningStatus.SEEN,
    }
    assert len(acted_on) == 1


def test_an_event_kept_as_seen_is_accepted_once_when_a_later_feed_says_it_was_felt_here(feeds, acted_on):
    at = CAPTURE_TIME - timedelta(minutes=20)
    felt = quake(at, *FAR, 5.1, Dirasakan="IV Balikpapan")
    serve_feeds(feeds, terkini=[quake(at, *FAR, 5.1)], dirasakan=[felt])

    poll_sources(force=True)
    poll_sources(force=True)

    event = next(event for event in quakes() if event.details["magnitude"] == 5.1)
    assert event.status == WarningStatus.DRAFT
    assert event.details["felt"] == "IV Balikpapan"
    assert len(event.kelurahan_codes) == 34
    assert acted_on == [(event.identifier, True)]


def test_a_feed_that_is_not_json_is_an_error_and_the_others_are_still_read(feeds, acted_on):
    serve_feeds(feeds, terkini=[quake(CAPTURE_TIME, *NEAR, 5.0)])
    feeds.serve(QUAKE_FOLDER + "gempadirasakan.json", "<html>Bad Gateway</html>")

    reports = {report.source: report for report in poll_sources(force=True)}

    assert reports["bmkg-gempadirasakan"].outcome == "error"
    assert "not a BMKG earthquake feed" in reports["bmkg-gempadirasakan"].error
    assert reports["bmkg-gempaterkini"].accepted == 1
