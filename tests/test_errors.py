"""Every error answer has one JSON shape, with a message a person can read."""

import pytest
from sqlalchemy import select

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
        client.post("/api/v1/auth/register", json={"name": 5, "email": [], "password": {}}), 422
    )
    assert set(body["errors"]) == {"name", "email", "password"}


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
