"""What every request passes before any handler (backend/request_guard.py): lone surrogates, deep
nesting and oversized JSON bodies, over-long URLs and headers, each refused in the one JSON error
shape, under gunicorn too."""

import http.client
import json
from io import BytesIO

import pytest
from sqlalchemy import func, select

from backend.accounts.models import OneTimeCode
from backend.extensions import db
from backend.service_requests.models import ServiceRequest

from .factories import PRIVACY_VERSION, auth_headers, error_shape, request_body
from .services import Gunicorn

JSON = {"Content-Type": "application/json"}
LONE = "\\ud800"  # as it stands in the raw body: a JSON escape for half a UTF-16 pair
NOT_TEXT = "Berisi karakter yang bukan teks yang sah (surrogate tunggal)."
TOO_DEEP = "JSON bersarang terlalu dalam."
NOT_JSON_EN = "Send the data as JSON (Content-Type: application/json)."


def raw_json(fields: dict, escape: str) -> str:
    """The fields as JSON text, the marker LONE replaced by a raw escape such as LONE itself."""
    return json.dumps(fields).replace("LONE", escape)


def requests_filed() -> int:
    return db.session.scalar(select(func.count()).select_from(ServiceRequest))


@pytest.mark.parametrize(
    ("method", "path", "fields", "field", "role"),
    [
        ("post", "/api/v1/auth/login", {"login": "LONE", "password": "rahasia"}, "login", None),
        ("post", "/api/v1/auth/login", {"login": "a@b.id", "password": "x LONE"}, "password", None),
        ("post", "/api/v1/auth/register", {"name": "Budi LONE", "phone": "081234567890"}, "name", None),
        ("post", "/api/v1/auth/register", {"name": "Budi", "email": "LONE@b.id"}, "email", None),
        ("patch", "/api/v1/me", {"name": "Siti LONE"}, "name", "resident"),
        ("post", "/api/v1/news/preview", {"body": "# Judul LONE"}, "body", "opd_staff"),
        (
            "post",
            "/api/v1/requests",
            request_body(description="Lubang LONE", attributes={}),
            "description",
            "resident",
        ),
        ("post", "/api/v1/opds", {"code": "X", "name": {"id": ["LONE"]}}, "name", "admin"),
    ],
)
def test_a_lone_surrogate_in_any_json_string_is_a_422(client, users, method, path, fields, field, role):
    headers = JSON | (auth_headers(users[role]) if role else {})

    response = getattr(client, method)(path, data=raw_json(fields, LONE), headers=headers)

    assert error_shape(response, 422)["errors"] == {field: [NOT_TEXT]}


def test_a_text_attribute_with_a_lone_surrogate_is_neither_stored_nor_served(client, resident):
    body = request_body("kartu-kuning-ak1", attributes={"pengalaman_kerja": "Juru las LONE"})

    response = client.post(
        "/api/v1/requests", data=raw_json(body, LONE), headers=JSON | auth_headers(resident)
    )

    assert error_shape(response, 422)["errors"] == {"attributes": [NOT_TEXT]}
    assert requests_filed() == 0


def test_a_lone_surrogate_in_a_key_is_refused_without_naming_it(client):
    response = client.post("/api/v1/auth/login", data='{"\\udfff": 1}', headers=JSON)

    assert error_shape(response, 422)["errors"] == {"_schema": [NOT_TEXT]}


@pytest.mark.parametrize(
    ("method", "path", "fields", "role"),
    [
        ("post", "/api/v1/auth/login", {"login": "LONE", "password": "rahasia"}, None),
        ("patch", "/api/v1/me", {"name": "Siti LONE"}, "resident"),
        ("post", "/api/v1/requests", {"description": "Lubang LONE"}, "resident"),
    ],
)
def test_a_surrogate_encoded_in_the_bytes_is_not_json(client, users, method, path, fields, role):
    """Flask reads JSON bytes leniently (surrogatepass): U+D800 in UTF-8 form would pass as text."""
    body = json.dumps(request_body(**fields) if path == "/api/v1/requests" else fields).encode()
    headers = JSON | (auth_headers(users[role]) if role else {})

    response = getattr(client, method)(path, data=body.replace(b"LONE", b"\xed\xa0\x80"), headers=headers)

    assert error_shape(response, 400)["message"] == "Isi JSON tidak valid."
    assert requests_filed() == 0


def test_a_surrogate_pair_is_ordinary_text(client):
    fields = {
        "name": "Budi LONE",
        "phone": "081234567890",
        "password": "jalan-berlubang-42",
        "privacy_version": PRIVACY_VERSION,
    }

    response = client.post("/api/v1/auth/register", data=raw_json(fields, "\\ud83d\\ude00"), headers=JSON)

    assert response.status_code == 202
    assert db.session.scalar(select(OneTimeCode.payload))["name"] == "Budi 😀"


@pytest.mark.parametrize(
    ("path", "depth", "role"),
    [
        ("/api/v1/auth/login", 100_000, None),
        ("/api/v1/requests", 50_000, "resident"),
        ("/api/v1/news/preview", 50_000, "opd_staff"),
    ],
)
def test_deeply_nested_json_is_refused_before_it_is_parsed(client, users, path, depth, role):
    headers = JSON | (auth_headers(users[role]) if role else {})

    for body in ("[" * depth, "[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
        response = client.post(path, data=body, headers=headers)
        assert error_shape(response, 400)["message"] == TOO_DEEP


def test_brackets_inside_strings_are_not_nesting(client, staff):
    body = {"body": 'Tanda "[" dan "{" ' + "[" * 5000 + "{" * 5000}

    response = client.post("/api/v1/news/preview", json=body, headers=auth_headers(staff))

    assert response.status_code == 200


def test_a_json_body_over_one_megabyte_is_413_while_uploads_keep_their_limit(client, resident):
    headers = auth_headers(resident)
    big = request_body(description="x" * (1024 * 1024))

    error_shape(client.post("/api/v1/requests", json=big, headers=headers), 413)

    form = request_body() | {"photos": [(BytesIO(b"\0" * (2 * 1024 * 1024)), "foto.jpg")]}
    form["attributes"] = json.dumps(form["attributes"])
    upload = client.post("/api/v1/requests", data=form, headers=headers, content_type="multipart/form-data")
    assert error_shape(upload, 422)["errors"]["photos"]
    assert requests_filed() == 0


@pytest.mark.parametrize(
    ("attributes", "message"),
    [(raw_json({"ukuran_lubang": "LONE"}, LONE), NOT_TEXT), ("[" * 50_000, TOO_DEEP)],
    ids=["lone-surrogate", "deep"],
)
def test_multipart_attributes_are_read_as_carefully_as_a_json_body(client, resident, attributes, message):
    form = request_body() | {"attributes": attributes}

    response = client.post(
        "/api/v1/requests", data=form, headers=auth_headers(resident), content_type="multipart/form-data"
    )

    assert error_shape(response, 422)["errors"] == {"attributes": [message]}


def test_an_over_long_url_is_414_json(client):
    response = client.get("/api/v1/requests?service=" + "a" * 5000)

    assert error_shape(response, 414)["message"] == "Alamat (URL) terlalu panjang."


@pytest.mark.parametrize(
    "headers",
    [{"X-Panjang": "a" * 9000}, {f"X-Nomor-{number}": "1" for number in range(101)}],
    ids=["one-long-header", "too-many-headers"],
)
def test_large_headers_are_431_json(client, headers):
    response = client.get("/api/v1/kecamatan", headers=headers)

    assert error_shape(response, 431)["message"] == "Header permintaan terlalu besar."


def editable_paths(client, users) -> dict[str, tuple[str, str, str]]:
    """Endpoints that read a JSON object: method, path, and who may call them."""
    article = client.post(
        "/api/v1/news",
        json={"title": "Kerja bakti", "summary": "Minggu pagi.", "category": "berita", "body": "Ayo."},
        headers=auth_headers(users["opd_staff"]),
    ).get_json()["slug"]
    return {
        "me": ("patch", "/api/v1/me", "resident"),
        "news": ("patch", f"/api/v1/news/{article}", "opd_staff"),
        "service": ("patch", "/api/v1/services/jalan-berlubang", "admin"),
        "attribute": ("patch", "/api/v1/services/jalan-berlubang/attributes/jumlah_lubang", "admin"),
        "opd": ("patch", "/api/v1/opds/DPU", "admin"),
        "admin-user": ("patch", f"/api/v1/admin/users/{users['resident'].id}", "admin"),
        "filing": ("post", "/api/v1/requests", "resident"),
    }


@pytest.mark.parametrize("endpoint", ["me", "news", "service", "attribute", "opd", "admin-user", "filing"])
@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        ({}, 422, "Kirim isian sebagai objek JSON."),
        ({"data": "", "content_type": "application/json"}, 422, "Kirim isian sebagai objek JSON."),
        ({"json": []}, 422, "Kirim isian sebagai objek JSON."),
        ({"data": {"name": "Nama Baru"}}, 415, "Kirim data sebagai JSON (Content-Type: application/json)."),
        (
            {"data": '{"name": "x"}', "content_type": "text/plain"},
            415,
            "Kirim data sebagai JSON (Content-Type: application/json).",
        ),
    ],
    ids=["no-body", "empty-json", "json-array", "form-encoded", "json-as-text"],
)
def test_an_endpoint_reading_json_refuses_any_other_body(client, users, endpoint, body, code, message):
    method, path, role = editable_paths(client, users)[endpoint]

    response = getattr(client, method)(path, headers=auth_headers(users[role]), **body)

    assert error_shape(response, code)["message"] == message


def test_a_form_encoded_patch_changes_nothing(client, resident):
    response = client.patch("/api/v1/me", data={"name": "Nama Baru"}, headers=auth_headers(resident))

    error_shape(response, 415)
    assert client.get("/api/v1/me", headers=auth_headers(resident)).get_json()["name"] == "Siti Warga"


def test_logging_in_comes_before_the_body_is_judged(client):
    error_shape(client.patch("/api/v1/me", data={"name": "Nama Baru"}), 401)


@pytest.fixture(scope="module")
def gunicorn_port(base_app, database_url, vapid_keys, tmp_path_factory):
    server = Gunicorn(database_url, vapid_keys, tmp_path_factory.mktemp("gunicorn")).start()
    yield server.port
    server.stop()


def gunicorn_get(port: int, path: str, headers: dict | None = None) -> tuple[int, str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read().decode()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("path", "headers", "code"),
    [
        ("/api/v1/requests?service=" + "a" * 6000, {}, 414),
        ("/api/v1/kecamatan", {"X-Panjang": "a" * 10_000}, 431),
        ("/api/v1/kecamatan", {"Cookie": "; ".join(f"c{n}=" + "a" * 100 for n in range(100))}, 431),
        ("/api/v1/kecamatan", {f"X-Nomor-{number}": "1" for number in range(110)}, 431),
    ],
    ids=["url-over-gunicorns-default", "header-over-gunicorns-default", "big-cookie", "many-headers"],
)
def test_gunicorn_leaves_long_urls_and_large_headers_to_the_apps_json_errors(
    gunicorn_port, path, headers, code
):
    status, content_type, text = gunicorn_get(gunicorn_port, path, headers)

    assert (status, content_type) == (code, "application/json"), text
    body = json.loads(text)
    assert set(body) == {"code", "status", "message"} and body["code"] == code


def test_gunicorn_serves_urls_and_headers_within_the_limits(gunicorn_port):
    status, _, text = gunicorn_get(gunicorn_port, "/api/v1/nope?q=" + "a" * 4000, {"X-Panjang": "a" * 8000})

    assert (status, json.loads(text)["message"]) == (404, "Tidak ditemukan.")


@pytest.mark.parametrize(
    ("request_args", "code", "message"),
    [
        ({"data": "[" * 100}, 400, "The JSON is nested too deeply."),
        ({"data": "{}", "headers": {"X-Panjang": "a" * 9000}}, 431, "The request headers are too large."),
        ({"data": "login=a", "content_type": "application/x-www-form-urlencoded"}, 415, NOT_JSON_EN),
    ],
    ids=["deep", "headers", "form-encoded"],
)
def test_the_doors_refusals_are_in_english_on_request(client, request_args, code, message):
    request_args = {"content_type": "application/json"} | request_args
    request_args["headers"] = {"Accept-Language": "en"} | request_args.get("headers", {})

    response = client.post("/api/v1/auth/login", **request_args)

    assert error_shape(response, code)["message"] == message
