"""Every error answer has one JSON shape, with a message a person can read."""

import pytest
from sqlalchemy import select

from backend.errors import error_response
from backend.extensions import db
from backend.places.models import Opd

from .factories import auth_headers, error_shape


@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v1/", "/api", "/api/v2/requests"])
def test_unknown_api_paths_are_404_json(client, path):
    assert error_shape(client.get(path), 404)["message"] == "Tidak ditemukan."


def test_wrong_method_is_405_json_with_allow(client):
    response = client.delete("/api/v1/kecamatan")
    error_shape(response, 405)
    assert "GET" in response.headers["Allow"]


def test_invalid_json_is_400_json(client):
    body = error_shape(
        client.post("/api/v1/auth/register", data="{oops", content_type="application/json"), 400
    )
    assert body["message"]


def test_wrong_field_types_are_422_with_field_errors(client):
    body = error_shape(
        client.post(
            "/api/v1/auth/register", json={"name": 5, "email": [], "password": {}, "privacy_version": 1}
        ),
        422,
    )
    assert set(body["errors"]) == {"name", "email", "password", "privacy_version"}


def test_a_json_array_body_is_422(client):
    error_shape(client.post("/api/v1/auth/login", json=["a", "b"]), 422)


def test_bad_query_arguments_are_422(client, admin):
    body = error_shape(
        client.get("/api/v1/admin/users?limit=abc&role=boss", headers=auth_headers(admin)), 422
    )
    assert set(body["errors"]) == {"limit", "role"}


def test_too_large_body_is_413_json(make_app, base_app):
    app = make_app(MAX_CONTENT_LENGTH=1024)
    response = app.test_client().post(
        "/api/v1/auth/register", data="x" * 4096, content_type="application/json"
    )
    assert error_shape(response, 413)["message"] == "Unggahan terlalu besar."


def test_unexpected_error_is_500_json_rolled_back_without_a_trace(make_app, base_app, caplog):
    app = make_app()

    @app.route("/api/v1/test-crash", methods=["POST"])
    def crash():
        db.session.add(Opd(code="HALFDONE", name="Setengah Jadi", short_name="SJ"))
        db.session.flush()
        raise RuntimeError("secret internal detail")

    with app.app_context():
        response = app.test_client().post("/api/v1/test-crash")
        body = error_shape(response, 500)
        assert "secret" not in response.get_data(as_text=True)
        assert "Traceback" not in response.get_data(as_text=True)
        assert body["message"] == "Terjadi kesalahan di sistem kami. Silakan coba lagi nanti."
        assert db.session.scalar(select(Opd).where(Opd.code == "HALFDONE")) is None
    assert "secret internal detail" in caplog.text


def test_forbidden_is_403_json(client, resident):
    body = error_shape(client.get("/api/v1/admin/users", headers=auth_headers(resident)), 403)
    assert body["message"] == "Anda tidak diizinkan melakukan ini."


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/requests?since=9999-12-31T23:00:00-10:00",
        "/api/v1/requests?since=0001-01-01T00:00:00+10:00",
        "/api/v1/requests?cursor=WyIyMDI1LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwgMTAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwXQ",
        "/api/v1/news?cursor=WyI5OTk5LTEyLTMxVDIzOjAwOjAwLTEwOjAwIiwgMV0",
        "/open311/v2/requests.json?end_date=0001-01-02T00:00:00Z",
        "/api/v1/push/campaigns/1000000000000000000000000000000",
    ],
)
def test_out_of_range_numbers_and_dates_are_client_errors(client, path):
    assert 400 <= client.get(path).status_code < 500


def test_errors_mixing_list_indexes_and_field_names_are_a_422(client, admin):
    """marshmallow keys a list's items by int next to "_schema"; sorting those keys was a 500."""
    attribute = {"code": "isian", "datatype": "string", "label": {"id": "Isian"}}
    service = {"code": "sumur-bor", "attributes": [{"code": 1}, attribute, attribute]}

    body = error_shape(client.post("/api/v1/services", json=service, headers=auth_headers(admin)), 422)

    assert set(body["errors"]["attributes"]) == {"0", "_schema"}
    assert body["errors"]["attributes"]["_schema"] == ["Setiap atribut harus memiliki kode sendiri."]


def test_an_error_lists_twenty_messages_and_counts_the_rest(client):
    fields = {f"isian_{number:05d}": 1 for number in range(5000)} | {"x" * 10_000: 1}

    response = client.post("/api/v1/auth/register", json=fields)

    body = error_shape(response, 422)
    listed = [message for messages in body["errors"].values() for message in messages]
    assert len(listed) == 20
    assert body["message"] == "Beberapa isian tidak valid. 4984 masalah lainnya tidak ditampilkan."
    assert len(response.data) < 3000


def test_long_field_names_and_messages_are_shortened(app, client):
    response = client.post("/api/v1/auth/login", json={"x" * 10_000: 1, "login": "a", "password": "b"})

    [name] = error_shape(response, 422)["errors"]
    assert len(name) == 60 and name.endswith("…")
    with app.test_request_context():
        body = error_response(422, "y" * 2000, {"field": ["z" * 2000]}).get_json()
    assert len(body["message"]) == len(body["errors"]["field"][0]) == 500


def test_the_count_of_unlisted_problems_is_in_english_on_request(client):
    fields = {f"isian_{number}": 1 for number in range(30)}

    response = client.post("/api/v1/auth/login", json=fields, headers={"Accept-Language": "en"})

    body = error_shape(response, 422)
    assert body["message"] == "Some fields are not valid. 12 more problems are not listed."
