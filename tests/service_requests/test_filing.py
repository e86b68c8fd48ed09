"""Filing a request: codes, routing, SLA, photos, location, anonymity, idempotency, the created event."""

import re
import threading
import uuid
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from backend import events
from backend.catalog.services import get_service
from backend.extensions import db
from backend.service_requests.models import RequestPhoto, ServiceRequest

from ..factories import (
    REQUESTS,
    auth_headers,
    error_shape,
    jpeg,
    point_in,
    post_request,
    request_body,
    set_fields,
    valid_attributes,
)

CODE = re.compile(r"^BPN-[2-9A-HJKMNP-TV-Z]{5}$")
GPS_IFD = 0x8825


def count(model=ServiceRequest) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def stored_files(app) -> set[Path]:
    return set(Path(app.config["UPLOAD_DIR"]).rglob("*.jpg"))


def test_json_filing_answers_201_with_a_tracking_code_and_the_sla_deadline(client, resident):
    response = post_request(client, resident)

    assert response.status_code == 201
    filed = response.get_json()
    assert CODE.fullmatch(filed["code"])
    assert (filed["status"], filed["open311_status"]) == ("submitted", "open")
    assert filed["service"]["code"] == "jalan-berlubang"
    assert filed["viewer"]["is_reporter"] is True
    assert "tracking_token" not in filed
    created, due = (datetime.fromisoformat(filed[name]) for name in ("created_at", "sla_due_at"))
    assert due - created == timedelta(hours=get_service("jalan-berlubang").sla_resolution_hours)
    assert due - created == timedelta(hours=168)


@pytest.mark.parametrize(
    ("service_code", "opd"),
    [
        ("jalan-berlubang", "DPU"),
        ("sampah-menumpuk", "DLH"),
        ("banjir-genangan", "BPBD"),
        ("air-pdam-mati", "PTM"),
    ],
)
def test_request_is_routed_to_the_opd_of_its_service(client, resident, service_code, opd):
    response = post_request(client, resident, service_code=service_code)

    assert response.status_code == 201
    assert response.get_json()["opd"]["code"] == opd
    row = db.session.scalar(select(ServiceRequest).where(ServiceRequest.code == response.get_json()["code"]))
    assert row.opd.code == opd and row.reporter_id == resident.id


def test_filing_with_kelurahan_sets_kelurahan_and_kecamatan(client, resident):
    response = post_request(client, resident, kelurahan="64.71.01.1001", address="Jl. Mulawarman")

    filed = response.get_json()
    assert filed["kelurahan"] == {"code": "64.71.01.1001", "name": "Manggar"}
    assert filed["kecamatan"] == {"code": "64.71.01", "name": "Balikpapan Timur"}
    assert filed["location"]["address"] == "Jl. Mulawarman"


def test_multipart_filing_stores_three_photos_served_as_cached_jpegs(client, resident):
    response = post_request(client, resident, photos=[jpeg(color=c) for c in ("red", "green", "blue")])

    assert response.status_code == 201, response.get_data(as_text=True)
    photos = response.get_json()["photos"]
    assert len(photos) == 3 and count(RequestPhoto) == 3
    for photo in photos:
        for url in (photo["url"], photo["thumb_url"]):
            served = client.get(url)
            assert served.status_code == 200
            assert served.mimetype == "image/jpeg"
            assert served.headers["Cache-Control"] == "public, max-age=86400"
            assert Image.open(BytesIO(served.data)).format == "JPEG"
        assert (photo["width"], photo["height"]) == (64, 48)


def test_four_photos_are_refused_and_nothing_is_stored(app, client, resident):
    before = stored_files(app)

    body = error_shape(post_request(client, resident, photos=[jpeg()] * 4), 422)

    assert body["errors"]["photos"] == ["Paling banyak 3 foto."]
    assert count() == 0 and stored_files(app) == before


def test_gps_exif_never_reaches_the_stored_photo(client, resident):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "S", 2: (1.0, 15.0, 30.5), 3: "E", 4: (116.0, 51.0, 12.25)})
    upload = jpeg(size=(120, 90), exif=exif)
    assert Image.open(BytesIO(upload)).getexif().get_ifd(GPS_IFD)[2] == (1.0, 15.0, 30.5)

    response = post_request(client, resident, photos=[upload])

    assert response.status_code == 201
    for url in (response.get_json()["photos"][0]["url"], response.get_json()["photos"][0]["thumb_url"]):
        served = Image.open(BytesIO(client.get(url).data))
        assert len(served.getexif()) == 0
        assert "exif" not in served.info


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            b"bukan gambar, hanya teks\n",
            "Berkas bukan gambar yang dapat kami baca (gunakan JPEG, PNG, atau WebP).",
        ),
        (b"\xff" * (10 * 1024 * 1024 + 1), "Berkas lebih besar dari 10 MB."),
    ],
    ids=["not-an-image", "over-10-mb"],
)
def test_unusable_photo_is_refused_with_a_readable_message(app, client, resident, upload, message):
    before = stored_files(app)

    body = error_shape(post_request(client, resident, photos=[jpeg(), upload]), 422)

    assert body["message"] == message
    assert body["errors"]["photos"] == {"1": [message]}
    assert count() == 0 and stored_files(app) == before


def test_photo_refusal_is_in_english_on_request(client, resident):
    response = post_request(client, resident, photos=[b"teks"], headers={"Accept-Language": "en"})

    assert (
        error_shape(response, 422)["message"]
        == "The file is not an image we can read (use JPEG, PNG or WebP)."
    )


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"lat": -2.0, "long": 116.85}, "lat", "Lokasi berada di luar wilayah kota."),
        ({"lat": -1.25, "long": 118.0}, "lat", "Lokasi berada di luar wilayah kota."),
        ({"lat": None, "long": None}, "lat", "Layanan ini memerlukan lokasi."),
        ({"lat": None}, "lat", "Isi lintang dan bujur sekaligus."),
        ({"lat": 91, "long": 116.85}, "lat", None),
        ({"kelurahan": "64.71.99.9999"}, "kelurahan", "Kelurahan tidak dikenal."),
        ({"description": "x" * 4001}, "description", "Lebih panjang dari panjang maksimum 4000."),
        ({"public": "kadang"}, "public", None),
        ({"service_code": None, "attributes": {}}, "service_code", None),
    ],
    ids=[
        "south-of-city",
        "east-of-city",
        "no-location",
        "latitude-only",
        "latitude-out-of-range",
        "unknown-kelurahan",
        "description-too-long",
        "bad-boolean",
        "no-service",
    ],
)
def test_invalid_filing_is_refused_under_the_field(client, resident, fields, field, message):
    body = error_shape(post_request(client, resident, **fields), 422)

    assert field in body["errors"]
    if message:
        assert body["errors"][field] == [message]
    assert count() == 0


def test_the_pin_decides_the_kelurahan_and_kecamatan(client, resident):
    lat, long = point_in("64.71.03.1002")

    filed = post_request(client, resident, lat=lat, long=long).get_json()

    assert filed["kelurahan"]["code"] == "64.71.03.1002"
    assert filed["kecamatan"]["code"] == "64.71.03"


def test_a_pin_at_sea_is_refused_and_nothing_is_filed(client, resident):
    # Balikpapan Bay, inside the city's bounding box but in no kelurahan.
    body = error_shape(post_request(client, resident, lat=-1.30, long=117.00), 422)

    assert body["errors"]["lat"] == [
        "Lokasi berada di luar semua kelurahan kota (di laut atau melewati batas kota)."
    ]
    assert count() == 0


def test_a_picked_kelurahan_that_disagrees_with_the_pin_is_refused_naming_the_pin_s(client, resident):
    lat, long = point_in("64.71.03.1002")

    response = post_request(
        client, resident, lat=lat, long=long, kelurahan="64.71.06.1001", headers={"Accept-Language": "en"}
    )

    assert error_shape(response, 422)["errors"]["kelurahan"] == [
        "The location is in Kelurahan Gunungsamarinda (64.71.03.1002), not Prapatan."
    ]
    assert count() == 0


def test_a_pin_on_a_shared_border_takes_either_kelurahan_picked(client, resident):
    # A vertex of both Gunungsamarinda (64.71.03.1002) and Sumber Rejo (64.71.04.1006).
    border = {"lat": -1.241544, "long": 116.852769}
    for picked in ("64.71.04.1006", "64.71.03.1002"):
        filed = post_request(client, resident, kelurahan=picked, **border).get_json()
        assert filed["kelurahan"]["code"] == picked
    error_shape(post_request(client, resident, kelurahan="64.71.06.1001", **border), 422)


def test_without_a_pin_the_picked_kelurahan_stands(client, resident):
    response = post_request(client, resident, lat=None, long=None, address="Jl. A", kelurahan="64.71.06.1001")

    assert response.get_json()["kelurahan"]["code"] == "64.71.06.1001"


def test_address_alone_is_enough_location(client, resident):
    response = post_request(client, resident, lat=None, long=None, address="Depan Pasar Klandasan")

    assert response.status_code == 201


def test_service_without_location_needs_none(client, resident):
    response = post_request(client, resident, service_code="kartu-kuning-ak1", lat=None, long=None)

    assert response.status_code == 201
    assert response.get_json()["location"] == {"lat": None, "long": None, "address": None}


def test_unknown_service_is_refused(client, resident):
    body = error_shape(post_request(client, resident, service_code="tidak-ada", attributes={}), 404)

    assert body["message"] == "Layanan tidak dikenal."


def test_inactive_service_is_refused(client, resident):
    set_fields(get_service("parkir-liar"), is_active=False)

    body = error_shape(
        post_request(
            client, resident, service_code="parkir-liar", attributes={"jenis_pelanggaran": "parkir_trotoar"}
        ),
        404,
    )

    assert body["message"] == "Layanan tidak dikenal."
    assert count() == 0


def test_nul_byte_in_the_description_is_stripped(client, resident):
    response = post_request(
        client, resident, description="Lubang\x00 besar\x07 di jalan", address="Jl.\x00 A"
    )

    assert response.status_code == 201
    filed = response.get_json()
    assert (filed["description"], filed["location"]["address"]) == ("Lubang besar di jalan", "Jl. A")


@pytest.mark.parametrize(
    "fields",
    [{"service_code": "jalan-berlubang\x00", "attributes": {}}, {"kelurahan": "64.71.01.1001\x00"}],
    ids=["service-code", "kelurahan"],
)
def test_nul_byte_in_a_looked_up_field_is_refused_not_a_server_error(client, resident, fields):
    response = post_request(client, resident, **fields)

    assert 400 <= response.status_code < 500
    error_shape(response, response.status_code)
    assert count() == 0


def test_multipart_attributes_must_be_json(client, resident):
    form = {"service_code": "jalan-berlubang", "lat": "-1.25", "long": "116.85", "attributes": "{bukan json"}
    response = client.post(
        REQUESTS, data=form, headers=auth_headers(resident), content_type="multipart/form-data"
    )

    assert error_shape(response, 422)["errors"]["attributes"] == ["Harus berupa objek."]


def test_multipart_filing_reads_form_fields_like_json(client, resident):
    response = post_request(client, resident, photos=[jpeg()], public=False, kelurahan="64.71.06.1001")

    assert response.status_code == 201
    filed = response.get_json()
    assert filed["is_public"] is False and filed["kelurahan"]["code"] == "64.71.06.1001"
    assert filed["attributes"] == valid_attributes("jalan-berlubang")
    assert (filed["location"]["lat"], filed["location"]["long"]) == point_in("64.71.06.1001")


def test_body_that_is_not_an_object_is_refused(client, resident):
    error_shape(client.post(REQUESTS, json=["jalan-berlubang"], headers=auth_headers(resident)), 422)


def test_anonymous_filing_answers_its_tracking_token_once(client):
    response = post_request(client, service_code="warga-terlantar")

    assert response.status_code == 201
    filed = response.get_json()
    token = filed["tracking_token"]
    assert len(token) >= 32 and filed["is_public"] is False
    row = db.session.scalar(select(ServiceRequest).where(ServiceRequest.code == filed["code"]))
    assert row.reporter_id is None and row.tracking_token_hash not in (None, token)

    with_token = client.get(f"{REQUESTS}/{filed['code']}?token={token}")
    assert with_token.status_code == 200
    assert with_token.get_json()["attributes"] == filed["attributes"]
    assert "tracking_token" not in with_token.get_json()
    assert client.get(f"{REQUESTS}/{filed['code']}/events?token={token}").status_code == 200


@pytest.mark.parametrize("token", [None, "salah", "0" * 32])
def test_private_anonymous_request_is_404_without_its_token(client, token):
    code = post_request(client, service_code="warga-terlantar").get_json()["code"]

    query = f"?token={token}" if token else ""
    body = error_shape(client.get(f"{REQUESTS}/{code}{query}"), 404)

    assert body["message"] == "Laporan tidak ditemukan."
    error_shape(client.get(f"{REQUESTS}/{code}/events{query}"), 404)


def test_anonymous_filing_is_refused_where_the_service_needs_an_account(client):
    response = post_request(client, service_code="kartu-kuning-ak1", lat=None, long=None)

    body = error_shape(response, 401)
    assert body["message"] == "Silakan masuk untuk mengajukan permohonan ini."
    assert count() == 0


def test_resending_with_the_same_idempotency_key_answers_the_original(client, resident):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = post_request(client, resident, headers=key)

    again = post_request(client, resident, headers=key)

    assert (first.status_code, again.status_code) == (201, 200)
    assert again.get_json()["code"] == first.get_json()["code"]
    assert count() == 1


def test_anonymous_resend_answers_the_same_tracking_token(client):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = post_request(client, headers=key).get_json()

    again = post_request(client, headers=key)

    assert again.status_code == 200
    assert (again.get_json()["code"], again.get_json()["tracking_token"]) == (
        first["code"],
        first["tracking_token"],
    )


def test_multipart_resend_with_the_same_photos_answers_the_original(client, resident):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    photo = jpeg()
    first = post_request(client, resident, photos=[photo], headers=key)

    again = post_request(client, resident, photos=[photo], headers=key)

    assert again.status_code == 200 and again.get_json()["code"] == first.get_json()["code"]
    assert count(RequestPhoto) == 1


@pytest.mark.parametrize(
    "changes",
    [{"description": "Isi lain"}, {"lat": -1.26}, {"photos": [jpeg(color="black")]}],
    ids=["description", "location", "photo"],
)
def test_same_idempotency_key_with_other_content_conflicts(client, resident, changes):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    post_request(client, resident, photos=[jpeg()], headers=key)

    body = error_shape(post_request(client, resident, **({"photos": [jpeg()]} | changes), headers=key), 409)

    assert body["errors"]["idempotency_key"] == ["Idempotency-Key ini sudah dipakai untuk laporan lain."]
    assert count() == 1


@pytest.mark.parametrize("key", ["bukan-uuid", "1234", "' OR 1=1 --"])
def test_malformed_idempotency_key_is_refused(client, resident, key):
    body = error_shape(post_request(client, resident, headers={"Idempotency-Key": key}), 422)

    assert body["errors"]["idempotency_key"] == ["UUID tidak valid."]
    assert count() == 0


def test_twenty_simultaneous_resends_store_exactly_one_request(app, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_FILING", "100 per minute")
    key = str(uuid.uuid4())
    body = request_body(attributes=valid_attributes("jalan-berlubang"))
    start = threading.Barrier(20)
    answers = []

    def send():
        client = app.test_client()
        start.wait()
        response = client.post(REQUESTS, json=body, headers={"Idempotency-Key": key})
        answers.append((response.status_code, response.get_json().get("code")))

    threads = [threading.Thread(target=send) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    db.session.expire_all()
    assert count() == 1
    statuses = sorted(status for status, _ in answers)
    assert statuses == [200] * 19 + [201], answers
    assert {code for _, code in answers} == {db.session.scalar(select(ServiceRequest.code))}


def test_filing_publishes_request_created_once(client, resident):
    received = []

    def receiver(sender, **kwargs):
        received.append((sender.code, kwargs["event"].kind))

    key = {"Idempotency-Key": str(uuid.uuid4())}
    with events.request_created.connected_to(receiver):
        code = post_request(client, resident, headers=key).get_json()["code"]
        post_request(client, resident, headers=key)
        post_request(client, resident, description="x" * 4001)

    assert received == [(code, "created")]


def test_another_person_reusing_an_idempotency_key_gets_409_not_the_original(client, resident):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    post_request(client, resident, headers=key)
    error_shape(post_request(client, None, headers=key), 409)
    assert count() == 1


def test_resends_of_a_filed_request_never_count_against_the_filing_limit(app, client, resident, monkeypatch):
    """An outbox may resend a report many times when the answers are lost on a weak connection."""
    monkeypatch.setitem(app.config, "RATELIMIT_FILING", "2 per minute")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    assert post_request(client, resident, headers=key).status_code == 201
    for _ in range(3):
        assert post_request(client, resident, headers=key).status_code == 200

    assert post_request(client, resident).status_code == 201
    error_shape(post_request(client, resident), 429)
    assert post_request(client, resident, headers=key).status_code == 200
    assert count() == 2


def test_another_persons_filed_key_does_not_lift_the_filing_limit(app, client, resident, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_FILING", "1 per minute")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    post_request(client, resident, headers=key)

    error_shape(post_request(client, None, headers=key), 409)
    error_shape(post_request(client, None, headers=key), 429)
