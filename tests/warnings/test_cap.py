"""Reading CAP 1.2: BMKG's real documents, synthetic updates and cancels, and hostile XML refused."""

from datetime import UTC, datetime

import pytest

from backend.warnings.cap import CapError, parse_cap
from backend.warnings.fetch import Fetched
from backend.warnings.nowcast import parse_list, weather_warning

from .feed_server import FIXTURES
from .synthetic import HOSTILE, KELURAHAN_A, cap_document, identifier, ring_inside

SENT = datetime(2026, 9, 24, 7, 0, tzinfo=UTC)


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_bmkgs_real_document_is_read_with_its_polygons_in_geojson_order():
    alert = parse_cap(fixture("cap-id-CGT20260924002_alert.xml"))

    info = alert.info("id")
    assert (alert.identifier, alert.msg_type, alert.status) == (identifier(2, "75"), "Alert", "Actual")
    assert alert.sent == datetime(2026, 9, 24, 7, 7, tzinfo=UTC)
    assert (info.event, info.urgency, info.severity, info.certainty) == (
        "Hujan Lebat dan Petir",
        "Immediate",
        "Moderate",
        "Observed",
    )
    assert info.expires == datetime(2026, 9, 24, 9, 27, tzinfo=UTC)
    assert info.texts["headline"] == "Hujan Lebat disertai Petir di Gorontalo"
    assert info.texts["area"] == "Gorontalo"
    assert len(info.rings) == 4
    assert info.rings[1] == [[122.130, 0.480], [122.125, 0.478], [122.125, 0.481], [122.130, 0.480]]


def test_the_english_document_has_the_same_identifier_and_english_texts():
    english = parse_cap(fixture("cap-en-CGT20260924002_alert.xml"))

    assert english.identifier == identifier(2, "75")
    assert english.info("en").texts["headline"] == "Thunderstorm This Evening in Gorontalo"


def test_a_warning_in_gorontalo_touches_no_kelurahan_of_balikpapan(app):
    body = fixture("cap-id-CGT20260924002_alert.xml")
    fetched = Fetched("http://feeds/x.xml", body, None, None)

    warning = weather_warning(parse_cap(body), fetched, "bmkg-nowcast")

    assert warning.kelurahan_codes == [] and warning.kecamatan_codes == []
    assert warning.polygons[0][0] == [122.117, 0.919]
    assert warning.document.startswith('<?xml version="1.0" ?>')


def test_bmkgs_real_list_gives_each_items_identifier_province_and_document():
    items = parse_list(fixture("nowcast-rss-id.xml"))

    assert [(item.province, item.document_name) for item in items] == [
        ("75", "CGT20260924002_alert.xml"),
        ("76", "CSK20260924001_alert.xml"),
        ("11", "CAH20260924001_alert.xml"),
    ]


def test_an_update_names_the_identifiers_it_references(app):
    # Synthetic (see synthetic.py): BMKG's capture held no Update.
    document = cap_document(3, SENT, [ring_inside(KELURAHAN_A)], msg_type="Update", references=[1, 2])

    alert = parse_cap(document.encode())

    assert alert.msg_type == "Update"
    assert alert.references == [identifier(1), identifier(2)]


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda d: d.replace("<msgType>Alert</msgType>", "<msgType>Ack</msgType>"), "msgType 'Ack'"),
        (lambda d: d.replace("<msgType>Alert</msgType>", "<msgType>Cancel</msgType>"), "without references"),
        (lambda d: d.replace("+08:00</sent>", "</sent>"), "sent has no time zone"),
        (lambda d: d.replace("Moderate", "Dangerous"), "severity 'Dangerous'"),
        (lambda d: d.replace("<polygon>", "<polygon>nonsense "), "not lat,lon pairs"),
        (lambda d: d.replace("<event>Hujan Lebat dan Petir</event>", ""), "no event"),
    ],
    ids=["ack", "cancel-without-references", "naive-time", "unknown-severity", "bad-polygon", "no-event"],
)
def test_an_invalid_cap_document_is_refused_with_the_reason(app, edit, reason):
    document = edit(cap_document(1, SENT, [ring_inside(KELURAHAN_A)]))

    with pytest.raises(CapError, match=reason):
        parse_cap(document.encode())


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_xml_is_refused_without_being_expanded(name):
    with pytest.raises(CapError) as refused:
        parse_cap(HOSTILE[name])

    assert "lol" not in str(refused.value) and "root:" not in str(refused.value)
