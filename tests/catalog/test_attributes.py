"""Attribute values by Open311 datatype, checked when a resident files a request."""

import pytest
from sqlalchemy import func, select

from backend.extensions import db
from backend.service_requests.models import ServiceRequest

from ..factories import auth_headers, error_shape

REQUESTS = "/api/v1/requests"
AK1 = "kartu-kuning-ak1"
FLOOD = "banjir-genangan"
AK1_VALUES = {
    "nik": "6471012345678901",
    "tanggal_lahir": "1998-04-12T00:00:00+08:00",
    "pendidikan_terakhir": "sma_smk",
}
LOCATION = {"lat": -1.25, "long": 116.85}


def file(client, user, service_code: str, attributes: dict):
    body = {"service_code": service_code, "description": "Uji atribut", "attributes": attributes}
    if service_code != AK1:
        body |= LOCATION
    return client.post(REQUESTS, json=body, headers=auth_headers(user))


def ak1(**values) -> dict:
    """The AK-1 form with some values changed; None leaves a value out."""
    merged = AK1_VALUES | values
    return {code: value for code, value in merged.items() if value is not None}


def stored_values(code: str) -> dict:
    return db.session.scalar(select(ServiceRequest.attribute_values).where(ServiceRequest.code == code))


def test_valid_values_of_every_datatype_are_accepted(client, resident):
    values = ak1(keahlian=["komputer", "las"], pengalaman_kerja="Dua tahun sebagai juru las.")

    response = file(client, resident, AK1, values)

    assert response.status_code == 201
    assert response.get_json()["attributes"] == values
    assert stored_values(response.get_json()["code"]) == values


@pytest.mark.parametrize(
    ("given", "stored"),
    [("12", 12), (12, 12), ("12.0", 12), (" 12.5 ", 12.5), (0, 0), ("1e9", 1_000_000_000)],
)
def test_numbers_are_stored_as_numbers(client, resident, given, stored):
    response = file(client, resident, FLOOD, {"ketinggian_air_cm": given})

    assert response.status_code == 201
    value = stored_values(response.get_json()["code"])["ketinggian_air_cm"]
    assert value == stored and type(value) is type(stored)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("1998-04-12T07:30:00", "1998-04-12T07:30:00+08:00"),
        ("1998-04-12", "1998-04-12T00:00:00+08:00"),
        ("1998-04-12T07:30:00+07:00", "1998-04-12T07:30:00+07:00"),
        ("1998-04-12T07:30:00Z", "1998-04-12T07:30:00+00:00"),
    ],
)
def test_datetimes_without_offset_are_read_as_wita(client, resident, given, stored):
    response = file(client, resident, AK1, ak1(tanggal_lahir=given))

    assert response.status_code == 201
    assert stored_values(response.get_json()["code"])["tanggal_lahir"] == stored


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (["las", "komputer", "las", "komputer"], ["las", "komputer"]),
        ("mengemudi", ["mengemudi"]),
    ],
)
def test_multivalue_lists_keep_each_value_once_in_order(client, resident, given, stored):
    response = file(client, resident, AK1, ak1(keahlian=given))

    assert response.status_code == 201
    assert stored_values(response.get_json()["code"])["keahlian"] == stored


def test_strings_and_texts_are_stored_trimmed(client, resident):
    response = file(client, resident, AK1, ak1(nik=" 6471012345678901 ", pengalaman_kerja="  Juru masak \n"))

    assert response.status_code == 201
    stored = stored_values(response.get_json()["code"])
    assert (stored["nik"], stored["pengalaman_kerja"]) == ("6471012345678901", "Juru masak")


def test_a_string_given_as_a_json_number_is_stored_as_text(client, resident):
    response = file(client, resident, AK1, ak1(nik=6471012345678901))

    assert response.status_code == 201
    assert stored_values(response.get_json()["code"])["nik"] == "6471012345678901"


EDUCATION = "sd, smp, sma_smk, d3, s1, s2, s3"
SKILLS = "komputer, mengemudi, las, listrik, otomotif, tata_boga, bahasa_inggris, akuntansi"


@pytest.mark.parametrize(
    ("service_code", "code", "value", "message"),
    [
        (AK1, "nik", "12345", "Tidak sesuai format yang diminta."),
        (AK1, "nik", "64710123456789012", "Tidak sesuai format yang diminta."),
        (AK1, "nik", "647101234567890A", "Tidak sesuai format yang diminta."),
        (AK1, "nik", 6471012345.5, "Harus berupa teks."),
        (AK1, "nik", True, "Harus berupa teks."),
        (AK1, "nik", ["6471012345678901"], "Harus berupa teks."),
        (AK1, "tanggal_lahir", "12/04/1998", "Tanggal dan waktu tidak valid."),
        (AK1, "tanggal_lahir", "1998-13-01", "Tanggal dan waktu tidak valid."),
        (AK1, "tanggal_lahir", 19980412, "Tanggal dan waktu tidak valid."),
        (AK1, "pendidikan_terakhir", "sarjana", f"Harus salah satu dari: {EDUCATION}."),
        (AK1, "pendidikan_terakhir", ["sd"], f"Harus salah satu dari: {EDUCATION}."),
        (AK1, "pendidikan_terakhir", "SD", f"Harus salah satu dari: {EDUCATION}."),
        (AK1, "keahlian", ["komputer", "menyanyi"], f"Harus salah satu dari: {SKILLS}."),
        (AK1, "keahlian", "komputer,las", f"Harus salah satu dari: {SKILLS}."),
        (AK1, "keahlian", [1, 2], "Harus berupa daftar."),
        (AK1, "keahlian", {"komputer": True}, "Harus berupa daftar."),
        (AK1, "pengalaman_kerja", "x" * 4001, "Lebih panjang dari panjang maksimum 4000."),
        (AK1, "pengalaman_kerja", {"tahun": 2}, "Harus berupa teks."),
        (FLOOD, "ketinggian_air_cm", "dua puluh", "Harus berupa angka."),
        (FLOOD, "ketinggian_air_cm", "NaN", "Harus berupa angka."),
        (FLOOD, "ketinggian_air_cm", "Infinity", "Harus berupa angka."),
        (FLOOD, "ketinggian_air_cm", "1e999", "Harus berupa angka."),
        pytest.param(FLOOD, "ketinggian_air_cm", 10**400, "Harus berupa angka.", id="int-beyond-float"),
        (FLOOD, "ketinggian_air_cm", True, "Harus berupa angka."),
        (FLOOD, "ketinggian_air_cm", [20], "Harus berupa angka."),
        ("lampu-jalan-mati", "nomor_tiang", "1" * 256, "Lebih panjang dari panjang maksimum 255."),
    ],
)
def test_invalid_values_are_refused_under_their_attribute_code(
    client, resident, service_code, code, value, message
):
    attributes = ak1(**{code: value}) if service_code == AK1 else {"ketinggian_air_cm": 20, code: value}
    if service_code == "lampu-jalan-mati":
        attributes = {code: value}

    body = error_shape(file(client, resident, service_code, attributes), 422)

    assert body["errors"]["attributes"] == {code: [message]}
    assert db.session.scalar(select(func.count()).select_from(ServiceRequest)) == 0


@pytest.mark.parametrize("missing", [None, "", []])
def test_required_attribute_must_be_given(client, resident, missing):
    attributes = ak1(nik=None) if missing is None else ak1(nik=missing)

    body = error_shape(file(client, resident, AK1, attributes), 422)

    assert body["errors"]["attributes"] == {"nik": ["Wajib diisi."]}


def test_optional_attributes_may_be_left_out(client, resident):
    response = file(client, resident, AK1, ak1(keahlian=[], pengalaman_kerja=""))

    assert response.status_code == 201
    assert stored_values(response.get_json()["code"]) == AK1_VALUES


def test_unknown_attribute_code_is_refused(client, resident):
    body = error_shape(file(client, resident, AK1, ak1(golongan_darah="O")), 422)

    assert body["errors"]["attributes"] == ["Atribut tidak dikenal (1): golongan_darah."]


def test_unknown_attribute_codes_are_refused_together_in_a_small_answer(client, resident):
    attributes = {f"isian_{number:05d}": 1 for number in range(50_000)}

    response = file(client, resident, FLOOD, attributes)

    assert error_shape(response, 422)["errors"]["attributes"] == [
        "Atribut tidak dikenal (50000): isian_00000, isian_00001, isian_00002, isian_00003, isian_00004, …."
    ]
    assert len(response.data) < 500


def test_every_problem_is_listed_at_once(client, resident):
    attributes = {"nik": "123", "pendidikan_terakhir": "sarjana"}

    body = error_shape(file(client, resident, AK1, attributes), 422)

    assert set(body["errors"]["attributes"]) == {"nik", "tanggal_lahir", "pendidikan_terakhir"}


@pytest.mark.parametrize("given", [-1e308, "-1e308", -1, 1_000_000_001, 1e308, "-0.5"])
def test_numbers_outside_the_default_bounds_are_refused(client, resident, given):
    body = error_shape(file(client, resident, FLOOD, {"ketinggian_air_cm": given}), 422)

    assert body["errors"]["attributes"] == {"ketinggian_air_cm": ["Harus antara 0 dan 1000000000."]}
    assert db.session.scalar(select(func.count()).select_from(ServiceRequest)) == 0


def test_numbers_follow_the_bounds_an_admin_set(client, resident, admin):
    url = "/api/v1/services/banjir-genangan/attributes/ketinggian_air_cm"
    client.patch(url, json={"minimum": -50, "maximum": 50.5}, headers=auth_headers(admin))

    assert file(client, resident, FLOOD, {"ketinggian_air_cm": "-3"}).status_code == 201
    body = error_shape(file(client, resident, FLOOD, {"ketinggian_air_cm": 51}), 422)
    assert body["errors"]["attributes"] == {"ketinggian_air_cm": ["Harus antara -50 dan 50.5."]}


def test_attribute_errors_are_in_english_on_request(client, resident):
    body = {"service_code": AK1, "attributes": ak1(nik="123")}
    response = client.post(REQUESTS, json=body, headers=auth_headers(resident) | {"Accept-Language": "en"})

    assert error_shape(response, 422)["errors"]["attributes"] == {
        "nik": ["Does not match the expected format."]
    }


def test_attributes_must_be_an_object(client, resident):
    body = error_shape(file(client, resident, AK1, ["nik"]), 422)

    assert "attributes" in body["errors"]
