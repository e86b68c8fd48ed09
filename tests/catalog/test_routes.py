"""The catalogue: public reading with HTTP caching, admin edits, and seeding from the city pack."""

from datetime import datetime

import pytest
from sqlalchemy import select

from backend.catalog.models import Service, ServiceAttribute, ServiceGroup
from backend.catalog.services import seed_catalog
from backend.citypacks import load_pack
from backend.extensions import db
from backend.security import Role

from ..factories import auth_headers, error_shape, make_user, post_request

SERVICES = "/api/v1/services"
GROUPS = [
    "infrastruktur",
    "kebersihan-lingkungan",
    "transportasi",
    "air-utilitas",
    "ketertiban",
    "kesehatan-sosial",
    "administrasi",
]


def new_service(**fields) -> dict:
    return {
        "code": "sumur-bor",
        "name": {"id": "Sumur bor rusak", "en": "Broken borehole"},
        "description": {"id": "Sumur bor umum tidak berfungsi."},
        "group": "air-utilitas",
        "opd": "PTM",
        "sla_response_hours": 24,
        "sla_resolution_hours": 72,
        "keywords": ["sumur", "air"],
        "attributes": [
            {"code": "kedalaman_m", "datatype": "number", "label": {"id": "Kedalaman (m)"}},
            {
                "code": "kondisi",
                "datatype": "singlevaluelist",
                "required": True,
                "label": {"id": "Kondisi"},
                "values": [
                    {"key": "kering", "name": {"id": "Kering"}},
                    {"key": "pompa_rusak", "name": {"id": "Pompa rusak"}},
                ],
            },
            {"code": "nomor_sumur", "datatype": "string", "label": {"id": "Nomor"}, "pattern": r"^SB-\d+$"},
        ],
    } | fields


def test_services_list_the_balikpapan_catalogue_in_all_seven_groups(client):
    services = client.get(SERVICES).get_json()
    groups = client.get("/api/v1/service-groups").get_json()

    assert len(services) >= 15
    assert [group["code"] for group in groups] == GROUPS
    assert all(group["name"]["id"] for group in groups)
    assert {service["group"]["code"] for service in services} == set(GROUPS)
    pothole = next(service for service in services if service["code"] == "jalan-berlubang")
    assert pothole["opd"]["code"] == "DPU"
    assert (pothole["sla_response_hours"], pothole["sla_resolution_hours"]) == (24, 168)
    assert pothole["allows_anonymous"] is True and pothole["is_active"] is True


def test_services_filter_by_group(client):
    services = client.get(f"{SERVICES}?group=administrasi").get_json()

    assert services and {service["group"]["code"] for service in services} == {"administrasi"}
    assert "kartu-kuning-ak1" in {service["code"] for service in services}


@pytest.mark.parametrize("url", [SERVICES, "/api/v1/service-groups", f"{SERVICES}/jalan-berlubang"])
def test_catalogue_answers_with_etag_cache_control_and_304(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first.headers["ETag"]
    assert first.headers["Cache-Control"].startswith("public, max-age=")

    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})

    assert again.status_code == 304 and again.get_data() == b""


def test_catalogue_etag_changes_when_a_service_is_edited(client, admin):
    etag = client.get(SERVICES).headers["ETag"]
    client.patch(f"{SERVICES}/parkir-liar", json={"sla_response_hours": 4}, headers=auth_headers(admin))

    assert client.get(SERVICES, headers={"If-None-Match": etag}).status_code == 200


def test_service_shows_its_attributes_in_order(client):
    service = client.get(f"{SERVICES}/kartu-kuning-ak1").get_json()

    attributes = service["attributes"]
    assert [attribute["code"] for attribute in attributes] == [
        "nik",
        "tanggal_lahir",
        "pendidikan_terakhir",
        "keahlian",
        "pengalaman_kerja",
    ]
    assert [attribute["order"] for attribute in attributes] == sorted(a["order"] for a in attributes)
    nik, _, education, skills, _ = attributes
    assert (nik["datatype"], nik["required"], nik["pattern"]) == ("string", True, r"^\d{16}$")
    assert [value["key"] for value in education["values"]][:3] == ["sd", "smp", "sma_smk"]
    assert skills["datatype"] == "multivaluelist" and skills["required"] is False
    assert service["needs_location"] is False and service["allows_anonymous"] is False


def test_unknown_service_is_404(client):
    body = error_shape(client.get(f"{SERVICES}/tidak-ada"), 404)

    assert body["message"] == "Layanan tidak dikenal."


@pytest.mark.parametrize("url", [f"{SERVICES}/jalan%00", f"{SERVICES}?group=air%00"])
def test_a_nul_byte_in_a_lookup_is_not_a_server_error(client, url):
    response = client.get(url)

    assert response.status_code < 500
    if response.status_code >= 400:
        error_shape(response, response.status_code)


def test_admin_creates_a_service_with_attributes(client, admin):
    response = client.post(SERVICES, json=new_service(), headers=auth_headers(admin))

    assert response.status_code == 201
    created = client.get(f"{SERVICES}/sumur-bor").get_json()
    assert created["opd"]["code"] == "PTM" and created["group"]["code"] == "air-utilitas"
    assert created["name"] == {"id": "Sumur bor rusak", "en": "Broken borehole"}
    assert [attribute["code"] for attribute in created["attributes"]] == [
        "kedalaman_m",
        "kondisi",
        "nomor_sumur",
    ]
    assert [attribute["order"] for attribute in created["attributes"]] == [0, 1, 2]
    assert created["attributes"][1]["required"] is True
    assert "sumur-bor" in {service["code"] for service in client.get(SERVICES).get_json()}


def _one_attribute(**attribute) -> dict:
    return {"attributes": [{"code": "isian", "label": {"id": "Isian"}} | attribute]}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code": "Sumur Bor!"}, "code"),
        ({"code": "x"}, "code"),
        (
            _one_attribute(datatype="singlevaluelist", values=[{"key": "satu", "name": {"id": "Satu"}}]),
            "attributes",
        ),
        (_one_attribute(datatype="multivaluelist"), "attributes"),
        (_one_attribute(datatype="number", pattern=r"^\d+$"), "attributes"),
        (_one_attribute(datatype="string", pattern="([a-z"), "attributes"),
        (_one_attribute(datatype="warna"), "attributes"),
        (_one_attribute(code="Bad Code", datatype="string"), "attributes"),
        ({"group": "tidak-ada"}, "group"),
        ({"group": ""}, "group"),
        ({"opd": ""}, "opd"),
        ({"opd": "TIDAKADA"}, "opd"),
        ({"sla_response_hours": 0}, "sla_response_hours"),
        ({"sla_response_hours": 48, "sla_resolution_hours": 24}, "sla_resolution_hours"),
        ({"name": {"en": "No Indonesian name"}}, "name"),
    ],
    ids=[
        "bad-code",
        "short-code",
        "single-list-with-one-value",
        "multi-list-without-values",
        "pattern-on-number",
        "bad-regex",
        "unknown-datatype",
        "bad-attribute-code",
        "unknown-group",
        "empty-group",
        "empty-opd",
        "unknown-opd",
        "zero-sla",
        "resolution-before-response",
        "name-without-indonesian",
    ],
)
def test_admin_create_refuses_invalid_services(client, admin, changes, field):
    body = error_shape(client.post(SERVICES, json=new_service(**changes), headers=auth_headers(admin)), 422)

    assert field in body["errors"]
    assert db.session.scalar(select(Service).where(Service.code.in_(["sumur-bor", "x"]))) is None


@pytest.mark.parametrize(
    ("attribute", "message"),
    [
        (
            {"datatype": "singlevaluelist", "values": [{"key": "satu", "name": {"id": "Satu"}}]},
            "Daftar pilihan perlu minimal dua nilai.",
        ),
        ({"datatype": "text", "pattern": "^a$"}, "Hanya atribut teks singkat yang memiliki pola."),
        ({"datatype": "string", "pattern": "(unclosed"}, "Ekspresi reguler tidak valid."),
        (
            {
                "datatype": "number",
                "values": [{"key": "a", "name": {"id": "A"}}, {"key": "b", "name": {"id": "B"}}],
            },
            "Hanya jenis daftar yang memiliki pilihan.",
        ),
    ],
)
def test_attribute_errors_name_the_attribute_and_field(client, admin, attribute, message):
    body = error_shape(
        client.post(SERVICES, json=new_service(**_one_attribute(**attribute)), headers=auth_headers(admin)),
        422,
    )

    [field] = {"values", "pattern"} & set(body["errors"]["attributes"]["0"])
    assert body["errors"]["attributes"]["0"][field] == [message]


def test_admin_create_refuses_two_attributes_with_one_code(client, admin):
    twice = [{"code": "isian", "datatype": "string", "label": {"id": "Isian"}}] * 2

    body = error_shape(
        client.post(SERVICES, json=new_service(attributes=twice), headers=auth_headers(admin)), 422
    )

    assert "attributes" in body["errors"]


def test_admin_create_refuses_an_existing_code(client, admin):
    body = error_shape(
        client.post(SERVICES, json=new_service(code="jalan-berlubang"), headers=auth_headers(admin)), 409
    )

    assert body["message"] == "Layanan dengan kode ini sudah ada."


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.OPD_STAFF, Role.OPERATOR])
def test_only_admins_create_services(client, role):
    user = make_user(role=role, opd_code="DPU" if role == Role.OPD_STAFF else None)

    error_shape(client.post(SERVICES, json=new_service(), headers=auth_headers(user)), 403)


def test_admin_edits_the_sla_and_new_requests_follow_it(client, admin, resident):
    response = client.patch(
        f"{SERVICES}/jalan-berlubang",
        json={"sla_response_hours": 12, "sla_resolution_hours": 96},
        headers=auth_headers(admin),
    )

    assert response.status_code == 200
    service = client.get(f"{SERVICES}/jalan-berlubang").get_json()
    assert (service["sla_response_hours"], service["sla_resolution_hours"]) == (12, 96)
    filed = post_request(client, resident).get_json()
    created, due = (datetime.fromisoformat(filed[name]) for name in ("created_at", "sla_due_at"))
    assert (due - created).total_seconds() == 96 * 3600


def test_deactivated_service_leaves_the_public_catalogue_but_admins_still_see_it(client, admin):
    headers = auth_headers(admin)
    response = client.patch(f"{SERVICES}/parkir-liar", json={"is_active": False}, headers=headers)
    assert response.status_code == 200 and response.get_json()["is_active"] is False

    assert "parkir-liar" not in {service["code"] for service in client.get(SERVICES).get_json()}
    error_shape(client.get(f"{SERVICES}/parkir-liar"), 404)
    listed = client.get(f"{SERVICES}?include_inactive=true", headers=headers).get_json()
    inactive = next(service for service in listed if service["code"] == "parkir-liar")
    assert inactive["is_active"] is False
    assert len(listed) == len(client.get(SERVICES).get_json()) + 1


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.OPD_STAFF, Role.OPERATOR])
def test_non_admin_asking_for_inactive_services_is_forbidden(client, role):
    user = make_user(role=role, opd_code="DPU" if role == Role.OPD_STAFF else None)

    error_shape(client.get(f"{SERVICES}?include_inactive=true", headers=auth_headers(user)), 403)


def test_admin_reactivates_a_service(client, admin):
    headers = auth_headers(admin)
    client.patch(f"{SERVICES}/parkir-liar", json={"is_active": False}, headers=headers)
    client.patch(f"{SERVICES}/parkir-liar", json={"is_active": True}, headers=headers)

    assert client.get(f"{SERVICES}/parkir-liar").status_code == 200


def test_deactivated_attribute_stays_listed_and_filing_no_longer_asks_for_it(client, admin, resident):
    response = client.patch(
        f"{SERVICES}/jalan-berlubang/attributes/ukuran_lubang",
        json={"is_active": False},
        headers=auth_headers(admin),
    )

    assert response.status_code == 200
    listed = client.get(f"{SERVICES}/jalan-berlubang").get_json()["attributes"]
    size = next(attribute for attribute in listed if attribute["code"] == "ukuran_lubang")
    assert size["is_active"] is False and size["required"] is True
    assert post_request(client, resident, attributes={}).status_code == 201
    refused = error_shape(post_request(client, resident, attributes={"ukuran_lubang": "besar"}), 422)
    assert refused["errors"]["attributes"] == ["Atribut tidak dikenal (1): ukuran_lubang."]


def test_admin_adds_an_attribute_at_the_end_of_the_form(client, admin):
    response = client.post(
        f"{SERVICES}/parkir-liar/attributes",
        json={"code": "plat_nomor", "datatype": "string", "label": {"id": "Plat nomor"}},
        headers=auth_headers(admin),
    )

    assert response.status_code == 201
    assert [attribute["code"] for attribute in response.get_json()["attributes"]] == [
        "jenis_pelanggaran",
        "plat_nomor",
    ]


def test_adding_an_existing_attribute_code_conflicts(client, admin):
    response = client.post(
        f"{SERVICES}/jalan-berlubang/attributes",
        json={"code": "jumlah_lubang", "datatype": "number", "label": {"id": "Jumlah"}},
        headers=auth_headers(admin),
    )

    assert error_shape(response, 409)["message"] == "Atribut dengan kode ini sudah ada."


def test_editing_an_unknown_attribute_is_404(client, admin):
    response = client.patch(
        f"{SERVICES}/jalan-berlubang/attributes/tidak_ada",
        json={"required": True},
        headers=auth_headers(admin),
    )

    assert error_shape(response, 404)["message"] == "Atribut tidak dikenal."


def test_seeding_the_pack_again_changes_nothing(app):
    def snapshot():
        services = {service.code: service.updated_at for service in db.session.scalars(select(Service))}
        attributes = {
            (attribute.service_id, attribute.code): attribute.updated_at
            for attribute in db.session.scalars(select(ServiceAttribute))
        }
        groups = {group.code: group.position for group in db.session.scalars(select(ServiceGroup))}
        return services, attributes, groups

    before = snapshot()
    db.session.expire_all()

    seed_catalog(load_pack("balikpapan"))
    db.session.expire_all()

    assert snapshot() == before
    assert len(before[0]) >= 15 and len(before[2]) == 7


def test_attribute_edits_keep_list_and_pattern_rules(client, admin):
    headers = auth_headers(admin)
    url = f"{SERVICES}/jalan-berlubang/attributes"
    error_shape(
        client.patch(
            f"{url}/ukuran_lubang", json={"values": [{"key": "x", "name": {"id": "X"}}]}, headers=headers
        ),
        422,
    )
    error_shape(client.patch(f"{url}/jumlah_lubang", json={"pattern": "^\\d+$"}, headers=headers), 422)


def test_number_attributes_show_their_bounds_and_others_none(client):
    attributes = {a["code"]: a for a in client.get(f"{SERVICES}/banjir-genangan").get_json()["attributes"]}

    assert (attributes["ketinggian_air_cm"]["minimum"], attributes["ketinggian_air_cm"]["maximum"]) == (
        0,
        1e9,
    )
    assert attributes["keterangan_akses"]["minimum"] is attributes["keterangan_akses"]["maximum"] is None


def test_admin_sets_and_resets_a_number_attributes_bounds(client, admin):
    url = f"{SERVICES}/jalan-berlubang/attributes/jumlah_lubang"

    def bounds(response):
        attribute = next(a for a in response.get_json()["attributes"] if a["code"] == "jumlah_lubang")
        return attribute["minimum"], attribute["maximum"]

    assert bounds(client.patch(url, json={"minimum": 1, "maximum": 500}, headers=auth_headers(admin))) == (
        1,
        500,
    )
    assert bounds(client.patch(url, json={"maximum": None}, headers=auth_headers(admin))) == (1, 1e9)


def test_admin_creates_a_number_attribute_with_bounds(client, admin):
    depth = {
        "code": "kedalaman_m",
        "datatype": "number",
        "label": {"id": "Kedalaman"},
        "minimum": 1,
        "maximum": 300,
    }

    response = client.post(SERVICES, json=new_service(attributes=[depth]), headers=auth_headers(admin))

    assert response.status_code == 201
    [created] = response.get_json()["attributes"]
    assert (created["minimum"], created["maximum"]) == (1, 300)


@pytest.mark.parametrize(
    ("attribute", "field", "message"),
    [
        (
            {"datatype": "string", "minimum": 1},
            "minimum",
            "Hanya atribut angka yang memiliki nilai minimum dan maksimum.",
        ),
        (
            {"datatype": "number", "minimum": 10, "maximum": 5},
            "maximum",
            "Nilai minimum tidak boleh lebih besar dari nilai maksimum.",
        ),
        (
            {"datatype": "number", "maximum": -1},
            "maximum",
            "Nilai minimum tidak boleh lebih besar dari nilai maksimum.",
        ),
        (
            {"datatype": "number", "maximum": 1e16},
            "maximum",
            "Harus antara -1000000000000000 dan 1000000000000000.",
        ),
        (
            {"datatype": "number", "minimum": float("nan")},
            "minimum",
            "Nilai angka khusus (nan atau tak hingga) tidak diizinkan.",
        ),
    ],
    ids=["bounds-on-a-string", "minimum-above-maximum", "maximum-below-default-minimum", "huge", "nan"],
)
def test_admin_create_refuses_bounds_that_cannot_hold(client, admin, attribute, field, message):
    body = error_shape(
        client.post(SERVICES, json=new_service(**_one_attribute(**attribute)), headers=auth_headers(admin)),
        422,
    )

    assert body["errors"]["attributes"]["0"][field] == [message]


@pytest.mark.parametrize(
    ("attribute", "changes", "field"),
    [
        ("ukuran_lubang", {"minimum": 0}, "minimum"),
        ("jumlah_lubang", {"minimum": 10, "maximum": 5}, "maximum"),
        ("jumlah_lubang", {"maximum": -1}, "maximum"),
    ],
)
def test_admin_edit_refuses_bounds_that_cannot_hold(client, admin, attribute, changes, field):
    url = f"{SERVICES}/jalan-berlubang/attributes/{attribute}"

    body = error_shape(client.patch(url, json=changes, headers=auth_headers(admin)), 422)

    assert set(body["errors"]) == {field}
    assert (
        db.session.scalar(select(ServiceAttribute.maximum).where(ServiceAttribute.code == attribute)) is None
    )
