"""Places: city, kecamatan, kelurahan, OPDs, and OPD administration."""

import pytest

from backend.security import Role

from ..factories import auth_headers, error_shape, make_user


def test_city_answers_name_timezone_and_map(client):
    city = client.get("/api/v1/city").get_json()
    assert city["name"] == "Kota Balikpapan"
    assert city["timezone"] == "Asia/Makassar"
    south, west, north, east = city["bbox"]
    assert south < city["center"]["lat"] < north and west < city["center"]["long"] < east
    assert "{z}" in city["map_tile_url"]


def test_kecamatan_lists_the_six_with_official_codes(client):
    kecamatan = client.get("/api/v1/kecamatan").get_json()
    assert [k["code"] for k in kecamatan] == [f"64.71.0{i}" for i in range(1, 7)]
    assert {k["name"] for k in kecamatan} >= {"Balikpapan Timur", "Balikpapan Kota"}
    assert sum(k["kelurahan_count"] for k in kecamatan) == 34


def test_kelurahan_filters_by_kecamatan(client):
    all_kelurahan = client.get("/api/v1/kelurahan").get_json()
    assert len(all_kelurahan) == 34
    utara = client.get("/api/v1/kelurahan?kecamatan=64.71.03").get_json()
    assert len(utara) == 6
    muara = next(k for k in utara if k["code"] == "64.71.03.1004")
    assert (muara["name"], muara["common_name"], muara["kecamatan"]) == (
        "Muararapak",
        "Muara Rapak",
        "64.71.03",
    )
    assert client.get("/api/v1/kelurahan?kecamatan=99.99.99").get_json() == []


def test_reference_lists_answer_with_etag_and_304(client):
    first = client.get("/api/v1/kecamatan")
    assert first.headers["ETag"] and "max-age" in first.headers["Cache-Control"]
    again = client.get("/api/v1/kecamatan", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_opds_list_the_city_agencies(client):
    opds = {opd["code"]: opd for opd in client.get("/api/v1/opds").get_json()}
    for code in ["DISKOMINFO", "DPU", "DLH", "DISHUB", "DISDUKCAPIL", "DISNAKER", "DPMPTSP", "DINKES",
                 "DINSOS", "DISPERKIM", "BPBD", "SATPOLPP", "DAMKAR", "PTM"]:  # fmt: skip
        assert code in opds
    assert "Tirta Manuntung" in opds["PTM"]["name"]


def test_admin_creates_and_edits_an_opd(client, admin):
    headers = auth_headers(admin)
    created = client.post(
        "/api/v1/opds",
        json={
            "code": "BAPENDA",
            "name": "Badan Pendapatan Daerah",
            "short_name": "Bapenda",
            "email": "bapenda@contoh.id",
        },
        headers=headers,
    )
    assert created.status_code == 201
    edited = client.patch("/api/v1/opds/BAPENDA", json={"phone": "0542-123456"}, headers=headers)
    assert edited.get_json()["phone"] == "0542-123456"
    client.patch("/api/v1/opds/BAPENDA", json={"is_active": False}, headers=headers)
    assert "BAPENDA" not in {opd["code"] for opd in client.get("/api/v1/opds").get_json()}


def test_admins_also_list_deactivated_opds(client, admin):
    headers = auth_headers(admin)
    client.patch("/api/v1/opds/DPU", json={"is_active": False}, headers=headers)

    listed = client.get("/api/v1/opds?include_inactive=true", headers=headers).get_json()
    assert next(opd for opd in listed if opd["code"] == "DPU")["is_active"] is False
    assert len(listed) == len(client.get("/api/v1/opds").get_json()) + 1


@pytest.mark.parametrize("role", [None, Role.RESIDENT, Role.OPD_STAFF, Role.OPERATOR])
def test_only_admins_list_deactivated_opds(client, role):
    headers = (
        auth_headers(make_user(role=role, opd_code="DPU" if role == Role.OPD_STAFF else None)) if role else {}
    )

    error_shape(client.get("/api/v1/opds?include_inactive=true", headers=headers), 403)


def test_opd_code_is_unique(client, admin):
    body = error_shape(
        client.post(
            "/api/v1/opds",
            json={"code": "DPU", "name": "Dinas Lain", "short_name": "DL"},
            headers=auth_headers(admin),
        ),
        409,
    )
    assert body["message"] == "OPD dengan kode ini sudah ada."


@pytest.mark.parametrize(
    ("body", "field"),
    [({"code": "dpu kecil", "name": "Nama OPD", "short_name": "X1"}, "code"), ({"code": "ABC"}, "name")],
)
def test_opd_create_refuses_bad_input(client, admin, body, field):
    assert (
        field
        in error_shape(client.post("/api/v1/opds", json=body, headers=auth_headers(admin)), 422)["errors"]
    )


def test_editing_an_unknown_opd_is_404(client, admin):
    error_shape(client.patch("/api/v1/opds/NOPE", json={"name": "Nama"}, headers=auth_headers(admin)), 404)


def test_a_point_answers_its_kelurahan_and_kecamatan(client):
    answer = client.get("/api/v1/kelurahan/at?lat=-1.2650&long=116.8310")

    assert answer.status_code == 200
    place = answer.get_json()
    assert (place["code"], place["name"]) == ("64.71.06.1002", "Telaga Sari")
    assert place["kecamatan"] == {"code": "64.71.06", "name": "Balikpapan Kota"}
    assert answer.headers["ETag"] and "max-age" in answer.headers["Cache-Control"]
    # A person's position is in the URL: only their own browser keeps the answer.
    assert answer.headers["Cache-Control"].startswith("private")


def test_a_point_at_sea_is_not_found_with_the_reason(client):
    answer = client.get("/api/v1/kelurahan/at?lat=-1.30&long=117.00", headers={"Accept-Language": "en"})

    body = error_shape(answer, 404)
    assert "outside every kelurahan" in body["errors"]["lat"][0]


@pytest.mark.parametrize(
    "query",
    ["", "lat=-1.26", "lat=-91&long=116.83", "lat=-1.26&long=181", "lat=north&long=116.83"],
    ids=["none", "no-long", "lat-range", "long-range", "not-a-number"],
)
def test_a_point_with_bad_arguments_is_refused(client, query):
    body = error_shape(client.get(f"/api/v1/kelurahan/at?{query}"), 422)

    assert body["errors"]
