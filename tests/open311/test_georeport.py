"""Open311 GeoReport v2: every endpoint in JSON and XML, errors in the spec's format, POST with keys."""

from xml.etree.ElementTree import fromstring

import pytest

from backend.open311.services import issue_key
from backend.places.services import kelurahan_at

from ..factories import make_request, make_user

BASE = "/open311/v2"
REQUEST_FIELDS = {
    "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
    "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
    "address", "address_id", "zipcode", "lat", "long", "media_url",
}  # fmt: skip


@pytest.fixture
def api_key(admin):
    return issue_key("Aplikasi Mitra", admin)[1]


def xml(response):
    assert response.mimetype == "text/xml"
    return fromstring(response.data)


def assert_spec_error(response, code):
    assert response.status_code == code
    if response.mimetype == "text/xml":
        error = xml(response).find("error")
        assert int(error.findtext("code")) == code and error.findtext("description")
    else:
        [error] = response.get_json()
        assert error["code"] == code and error["description"]


def test_discovery_in_json_and_xml(client):
    body = client.get(f"{BASE}/discovery.json").get_json()
    endpoint = body["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"].startswith("http") and "application/json" in endpoint["formats"]
    root = xml(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery" and root.find("endpoints/endpoint/specification") is not None


def test_services_list_has_the_spec_fields(client):
    services = client.get(f"{BASE}/services.json").get_json()
    assert len(services) >= 15
    pothole = next(s for s in services if s["service_code"] == "jalan-berlubang")
    assert pothole["service_name"] == "Jalan Berlubang"
    assert pothole["metadata"] is True and pothole["type"] == "realtime"
    assert isinstance(pothole["keywords"], str) and pothole["group"] == "Infrastruktur"
    root = xml(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services" and len(root.findall("service")) == len(services)
    assert root.find("service/metadata").text in ("true", "false")


def test_service_names_follow_accept_language(client):
    services = client.get(f"{BASE}/services.json", headers={"Accept-Language": "en"}).get_json()
    assert next(s for s in services if s["service_code"] == "jalan-berlubang")["service_name"] == "Pothole"


def test_service_definition_in_json_and_xml(client):
    definition = client.get(f"{BASE}/services/kartu-kuning-ak1.json").get_json()
    assert definition["service_code"] == "kartu-kuning-ak1"
    codes = {a["code"]: a for a in definition["attributes"]}
    assert codes["nik"]["datatype"] == "string" and codes["nik"]["required"] is True
    assert codes["pendidikan_terakhir"]["values"][0].keys() == {"key", "name"}
    assert [a["order"] for a in definition["attributes"]] == sorted(
        a["order"] for a in definition["attributes"]
    )
    root = xml(client.get(f"{BASE}/services/kartu-kuning-ak1.xml"))
    assert root.tag == "service_definition"
    assert root.find("attributes/attribute/variable").text == "true"
    assert root.find("attributes/attribute/values/value/key") is not None


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_service_is_a_spec_404(client, fmt):
    assert_spec_error(client.get(f"{BASE}/services/tidak-ada.{fmt}"), 404)


def test_requests_list_has_the_spec_fields_and_no_personal_data(client, resident):
    filed = make_request(reporter=resident, address="Jl. Jenderal Sudirman")
    body = client.get(f"{BASE}/requests.json").get_json()
    [item] = body
    assert set(item) == REQUEST_FIELDS
    assert item["service_request_id"] == filed.code and isinstance(item["service_request_id"], str)
    assert item["status"] == "open" and item["agency_responsible"] == "Dinas Pekerjaan Umum"
    assert item["requested_datetime"].endswith("+08:00")
    text = client.get(f"{BASE}/requests.json").get_data(as_text=True) + client.get(
        f"{BASE}/requests.xml"
    ).get_data(as_text=True)
    assert resident.name not in text and resident.email not in text


def test_requests_list_in_xml(client, resident):
    make_request(reporter=resident)
    root = xml(client.get(f"{BASE}/requests.xml"))
    assert root.tag == "service_requests"
    assert root.find("request/service_request_id").text.startswith("BPN-")


def test_requests_filters_by_id_service_status_and_dates(client, resident, staff):
    pothole = make_request(reporter=resident)
    rubbish = make_request("sampah-menumpuk", reporter=resident)
    done = make_request(reporter=resident, status="resolved")
    make_request("warga-terlantar", reporter=resident)  # private service: never listed

    def codes(query):
        return {item["service_request_id"] for item in client.get(f"{BASE}/requests.json?{query}").get_json()}

    assert codes("") == {pothole.code, rubbish.code, done.code}
    assert codes(f"service_request_id={pothole.code},{rubbish.code}") == {pothole.code, rubbish.code}
    assert codes("service_code=sampah-menumpuk") == {rubbish.code}
    assert codes("status=closed") == {done.code}
    assert codes("status=open") == {pothole.code, rubbish.code}
    assert codes("start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z") == set()
    assert len(codes("page_size=1")) == 1 and codes("page=2&page_size=2") | codes("page_size=2") == codes("")


def test_requests_default_to_the_last_90_days(client, resident):
    from datetime import timedelta

    from backend.database import utcnow
    from backend.extensions import db

    old = make_request(reporter=resident)
    old.created_at = utcnow() - timedelta(days=120)
    db.session.commit()
    recent = make_request(reporter=resident)
    assert [item["service_request_id"] for item in client.get(f"{BASE}/requests.json").get_json()] == [
        recent.code
    ]


@pytest.mark.parametrize("query", ["status=maybe", "start_date=yesterday", "page_size=5000", "page=0"])
def test_bad_request_filters_are_spec_400s(client, query):
    assert_spec_error(client.get(f"{BASE}/requests.json?{query}"), 400)
    assert_spec_error(client.get(f"{BASE}/requests.xml?{query}"), 400)


def test_single_request_in_json_and_xml(client, resident):
    filed = make_request(reporter=resident)
    [item] = client.get(f"{BASE}/requests/{filed.code}.json").get_json()
    assert item["service_request_id"] == filed.code
    assert xml(client.get(f"{BASE}/requests/{filed.code}.xml")).find("request/status").text == "open"


def test_private_and_unknown_requests_are_spec_404s(client, resident):
    private = make_request("warga-terlantar", reporter=resident)
    for fmt in ("json", "xml"):
        assert_spec_error(client.get(f"{BASE}/requests/{private.code}.{fmt}"), 404)
        assert_spec_error(client.get(f"{BASE}/requests/BPN-ZZZZZ.{fmt}"), 404)


def post(client, fmt="json", **fields):
    return client.post(f"{BASE}/requests.{fmt}", data=fields)


def test_post_with_a_valid_key_files_the_request(client, api_key, staff):
    response = post(
        client,
        api_key=api_key,
        service_code="tanah-longsor",
        lat="-1.24",
        long="116.86",
        description="Longsor di tebing",
        email="pelapor@contoh.id",
        first_name="Rahmat",
        **{"attribute[dampak][]": ["menutup_jalan", "merusak_rumah"]},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    [answer] = response.get_json()
    code = answer["service_request_id"]
    [item] = client.get(f"{BASE}/requests/{code}.json").get_json()
    assert (
        item["service_code"] == "tanah-longsor"
        and item["agency_responsible"] == "Badan Penanggulangan Bencana Daerah"
    )
    assert "Rahmat" not in client.get(f"{BASE}/requests/{code}.json").get_data(as_text=True)
    staff_view = client.get(f"/api/v1/requests/{code}", headers=_admin_headers())
    assert staff_view.get_json()["reporter"]["email"] == "pelapor@contoh.id"
    assert staff_view.get_json()["attributes"]["dampak"] == ["menutup_jalan", "merusak_rumah"]
    # The pin decides the place, as in the app.
    assert staff_view.get_json()["kelurahan"]["code"] == kelurahan_at(-1.24, 116.86).code


def _admin_headers():
    from ..factories import auth_headers

    return auth_headers(make_user(role="admin"))


def test_post_in_xml_answers_xml(client, api_key):
    response = post(client, "xml", api_key=api_key, service_code="pkl-liar", address_string="Pasar Klandasan")
    assert response.status_code == 200
    assert xml(response).find("request/service_request_id").text.startswith("BPN-")


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize("key", [None, "salah"])
def test_post_with_a_missing_or_wrong_key_is_403(client, fmt, key):
    fields = {"service_code": "pkl-liar", "address_string": "Pasar"} | ({"api_key": key} if key else {})
    assert_spec_error(post(client, fmt, **fields), 403)


def test_a_revoked_key_is_403(client, admin, api_key):
    from backend.open311.models import Open311Key
    from backend.open311.services import revoke_key

    revoke_key(Open311Key.query.one().id)
    assert_spec_error(post(client, api_key=api_key, service_code="pkl-liar", address_string="Pasar"), 403)


@pytest.mark.parametrize(
    ("fields", "word"),
    [
        ({"service_code": "pkl-liar"}, "lat"),
        ({"service_code": "tidak-ada", "address_string": "x"}, "Layanan"),
        ({"service_code": "jalan-berlubang", "lat": "-1.24", "long": "116.86"}, "attribute[ukuran_lubang]"),
        ({"service_code": "pkl-liar", "lat": "1.0", "long": "100.0"}, "luar"),
        ({"service_code": "pkl-liar", "lat": "-1.30", "long": "117.00"}, "semua kelurahan"),
        ({"service_code": "pkl-liar", "lat": "abc", "long": "116.86"}, "lat"),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_post_with_bad_input_is_a_readable_spec_400(client, api_key, fields, word, fmt):
    response = post(client, fmt, api_key=api_key, **fields)
    code = 404 if fields["service_code"] == "tidak-ada" else 400
    assert_spec_error(response, code)
    assert word in response.get_data(as_text=True)


def test_tokens_lead_to_the_anonymous_request(client):
    filed = client.post("/api/v1/requests", json={"service_code": "pkl-liar", "lat": -1.25, "long": 116.85})
    token = filed.get_json()["tracking_token"]
    [item] = client.get(f"{BASE}/tokens/{token}.json").get_json()
    assert item == {"service_request_id": filed.get_json()["code"], "token": token}
    assert xml(client.get(f"{BASE}/tokens/{token}.xml")).find("request/token").text == token
    assert_spec_error(client.get(f"{BASE}/tokens/bukan-token.json"), 404)


def test_media_url_is_absolute(client, resident):
    import io

    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(image, "JPEG")
    image.seek(0)
    from ..factories import auth_headers, valid_attributes

    body = {"service_code": "jalan-berlubang", "lat": "-1.25", "long": "116.85", "photos": (image, "a.jpg")}
    body["attributes"] = __import__("json").dumps(valid_attributes("jalan-berlubang"))
    code = client.post("/api/v1/requests", data=body, headers=auth_headers(resident)).get_json()["code"]
    [item] = client.get(f"{BASE}/requests/{code}.json").get_json()
    assert item["media_url"].startswith("http://localhost/api/v1/requests/")
    assert client.get(item["media_url"].removeprefix("http://localhost")).status_code == 200


def test_unknown_open311_paths_are_spec_404s(client):
    assert_spec_error(client.get(f"{BASE}/nope.json"), 404)
    assert_spec_error(client.get(f"{BASE}/requests.csv"), 404)
