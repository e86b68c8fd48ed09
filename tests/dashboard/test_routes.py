"""Command-center endpoints: operators and admins only, cached with ETag; the CSV export."""

import csv
import io

import pytest

from backend.security import Role

from ..factories import auth_headers, error_shape, make_request, make_user, set_fields, warnings_logged

DASHBOARD = "/api/v1/dashboard"


@pytest.mark.parametrize(
    "path", ["summary", "counts?by=opd", "sla", "trends?days=90", "opds", "map", "campaigns"]
)
def test_each_dashboard_answers_with_an_etag_and_304(client, operator, path):
    make_request(status="accepted")
    headers = auth_headers(operator)
    first = client.get(f"{DASHBOARD}/{path}", headers=headers)
    assert first.status_code == 200 and first.headers["ETag"]
    assert "private" in first.headers["Cache-Control"]
    again = client.get(f"{DASHBOARD}/{path}", headers=headers | {"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_dashboard_filters_are_checked(client, admin):
    headers = auth_headers(admin)
    assert "days" in error_shape(client.get(f"{DASHBOARD}/summary?days=400", headers=headers), 422)["errors"]
    assert (
        "kecamatan"
        in error_shape(client.get(f"{DASHBOARD}/summary?kecamatan=9", headers=headers), 422)["errors"]
    )
    assert "by" in error_shape(client.get(f"{DASHBOARD}/counts?by=warna", headers=headers), 422)["errors"]
    assert "bbox" in error_shape(client.get(f"{DASHBOARD}/map?bbox=1,2", headers=headers), 422)["errors"]


def test_an_unknown_opd_or_kecamatan_is_said_in_the_readers_language(client, admin):
    headers = auth_headers(admin)
    opd = error_shape(client.get(f"{DASHBOARD}/sla?opd=TIDAKADA", headers=headers), 422)
    kecamatan = error_shape(
        client.get(f"{DASHBOARD}/trends?kecamatan=64.71.99", headers=headers | {"Accept-Language": "en"}), 422
    )

    assert opd["errors"]["opd"] == ["OPD tidak dikenal."]
    assert kecamatan["errors"]["kecamatan"] == ["Unknown kecamatan."]


def test_summary_is_served_from_the_short_cache(client, operator):
    headers = auth_headers(operator)
    assert client.get(f"{DASHBOARD}/summary", headers=headers).get_json()["open"] == 0
    make_request()
    assert client.get(f"{DASHBOARD}/summary", headers=headers).get_json()["open"] == 0
    assert client.get(f"{DASHBOARD}/summary?days=7", headers=headers).get_json()["open"] == 1


def read_csv(response) -> list[list[str]]:
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_export_is_streamed_excel_friendly_and_neutralises_formulas(client, operator, resident):
    tricky = 'Lubang di depan toko "Maju", dalam\nsekali'
    make_request(reporter=resident, description=tricky, address='=HYPERLINK("http://x")')
    for formula in ("+62 812", "-1+1", "@SUM(A1)"):
        make_request(description=formula)
    response = client.get("/api/v1/requests.csv", headers=auth_headers(operator))
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = read_csv(response)
    header, first = rows[0], rows[1]
    assert header[:3] == ["Kode laporan", "Kode layanan", "Layanan"] and len(rows) == 5
    record = dict(zip(header, first, strict=True))
    assert record["Uraian"] == tricky
    assert record["Alamat"] == '\'=HYPERLINK("http://x")'
    assert [dict(zip(header, row, strict=True))["Uraian"] for row in rows[2:]] == [
        "'+62 812",
        "'-1+1",
        "'@SUM(A1)",
    ]
    assert resident.name not in response.get_data(as_text=True) and resident.email not in response.get_data(
        as_text=True
    )


def test_csv_times_are_in_wita(client, operator):
    from datetime import UTC, datetime

    row = make_request()
    set_fields(row, created_at=datetime(2026, 11, 19, 16, 30, tzinfo=UTC))
    record = dict(
        zip(*read_csv(client.get("/api/v1/requests.csv", headers=auth_headers(operator)))[:2], strict=True)
    )
    assert record["Dibuat"] == "2026-11-20 00:30"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "id",
            {
                "Kode layanan": "jalan-berlubang",
                "Layanan": "Jalan Berlubang",
                "Kode status": "in_progress",
                "Status": "Sedang dikerjakan",
                "Kode OPD": "DPU",
                "OPD": "DPU",
                "Melewati tenggat": "tidak",
            },
        ),
        (
            "en",
            {
                "Service code": "jalan-berlubang",
                "Service": "Pothole",
                "Status code": "in_progress",
                "Status": "In progress",
                "OPD code": "DPU",
                "OPD": "DPU",
                "Overdue": "no",
            },
        ),
    ],
)
def test_csv_headers_statuses_and_services_are_in_the_callers_language_beside_their_codes(
    client, operator, language, expected
):
    make_request("jalan-berlubang", status="in_progress")
    headers = auth_headers(operator) | {"Accept-Language": language}
    header, row = read_csv(client.get("/api/v1/requests.csv", headers=headers))
    record = dict(zip(header, row, strict=True))
    assert {name: record[name] for name in expected} == expected
    assert all(name[0].isupper() and "_" not in name for name in header)  # words, not codes


def test_csv_export_takes_the_request_filters(client, admin):
    make_request("jalan-berlubang")
    make_request("sampah-menumpuk")
    rows = read_csv(client.get("/api/v1/requests.csv?service=sampah-menumpuk", headers=auth_headers(admin)))
    assert [row[1] for row in rows[1:]] == ["sampah-menumpuk"]
    rows = read_csv(client.get("/api/v1/requests.csv?opd=DPU", headers=auth_headers(admin)))
    assert [row[5] for row in rows[1:]] == ["DPU"]
    error_shape(client.get("/api/v1/requests.csv?status=lost", headers=auth_headers(admin)), 422)


def test_the_dashboard_answers_while_its_cache_is_down_and_caches_again_once_back(
    redis_app, redis_server, clock, caplog
):
    client = redis_app.test_client()
    headers = auth_headers(make_user(role=Role.OPERATOR))

    def summary() -> dict:
        response = client.get(f"{DASHBOARD}/summary", headers=headers)
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()

    assert summary()["open"] == 0
    redis_server.stop()
    make_request()
    assert summary()["open"] == 1  # computed, not cached
    [warning] = warnings_logged(caplog)
    assert warning.startswith("Redis (cache) cannot be reached (Error 111 connecting")
    assert warning.endswith("answers are computed afresh until it answers again.")

    redis_server.start()
    clock.advance(redis_app.config["REDIS_RETRY_SECONDS"])
    assert summary()["open"] == 1
    make_request()
    assert summary()["open"] == 1  # cached in Redis again
    assert warnings_logged(caplog)[-1] == "Redis (cache) answers again."
