"""The city pack: validated, seeded idempotently, and switchable without code changes."""

import json
import re

import pytest
from sqlalchemy import func, select

from backend.citypacks import PACK_DIR, CityPackError, load_pack
from backend.errors import Conflict
from backend.extensions import db
from backend.places.models import City, Kecamatan, Kelurahan, Opd
from backend.places.services import seed_places

from ..conftest import TEST_PACKS, empty_database


def counts():
    return tuple(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (City, Kecamatan, Kelurahan, Opd)
    )


def test_balikpapan_pack_has_6_kecamatan_and_34_kelurahan_with_codes(app):
    assert counts()[:3] == (1, 6, 34)
    codes = set(db.session.scalars(select(Kelurahan.code)))
    assert {"64.71.01.1001", "64.71.05.1012", "64.71.06.1005", "64.71.03.1006"} <= codes
    sepinggan = db.session.scalar(select(Kelurahan).where(Kelurahan.code == "64.71.05.1002"))
    assert (sepinggan.name, sepinggan.kecamatan.name) == ("Sepinggan", "Balikpapan Selatan")


def test_seeding_again_changes_nothing(app):
    before = counts()
    stamps = [(o.code, o.updated_at) for o in db.session.scalars(select(Opd).order_by(Opd.code))]
    seed_places(load_pack("balikpapan"))
    db.session.expire_all()
    assert counts() == before
    assert [(o.code, o.updated_at) for o in db.session.scalars(select(Opd).order_by(Opd.code))] == stamps


def test_seeding_an_edited_pack_updates_names(app, tmp_path):
    pack = json.loads((TEST_PACKS.parent.parent / "backend/citypacks/balikpapan.json").read_text())
    pack["kecamatan"][0]["kelurahan"][0]["name"] = "Manggar Raya"
    pack["opds"][0]["name"] = "Dinas Kominfo dan Statistik"
    pack["boundaries"] = str(PACK_DIR / pack["boundaries"])
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(pack))
    seed_places(load_pack(str(path)))
    assert (
        db.session.scalar(select(Kelurahan.name).where(Kelurahan.code == "64.71.01.1001")) == "Manggar Raya"
    )
    assert (
        db.session.scalar(select(Opd.name).where(Opd.code == pack["opds"][0]["code"]))
        == "Dinas Kominfo dan Statistik"
    )
    assert counts()[:3] == (1, 6, 34)


def test_another_city_pack_switches_the_city_without_code_changes(make_app, base_app):
    other = make_app(CITY_PACK=str(TEST_PACKS / "kota_contoh.json"))
    with other.app_context():
        empty_database()
        result = other.test_cli_runner().invoke(args=["seed"])
        assert result.exit_code == 0, result.output
        client = other.test_client()
        assert client.get("/api/v1/city").get_json()["name"] == "Kota Contoh"
        assert [k["name"] for k in client.get("/api/v1/kecamatan").get_json()] == [
            "Contoh Utara",
            "Contoh Selatan",
        ]
        assert len(client.get("/api/v1/kelurahan").get_json()) == 3
        # Without boundaries no pin is placed: a 404 that names no field, so the app keeps the pick.
        unplaced = client.get("/api/v1/kelurahan/at?lat=-6.2&long=106.8")
        assert unplaced.status_code == 404 and "errors" not in unplaced.get_json()
        empty_database()


def test_a_database_of_one_city_refuses_another_citys_pack(app):
    with pytest.raises(Conflict):
        seed_places(load_pack(str(TEST_PACKS / "kota_contoh.json")))


def test_a_broken_pack_fails_loudly(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"city": {"name": "X"}, "kecamatan": [], "opds": []}))
    with pytest.raises(CityPackError):
        load_pack(str(path))
    with pytest.raises(CityPackError):
        load_pack("no-such-city")


def test_seed_command_with_demo_prints_the_demo_logins(app):
    result = app.test_cli_runner().invoke(args=["seed", "--demo"])
    assert result.exit_code == 0, result.output
    assert "admin@demo.satupintu.id" in result.output and "satupintu-demo" in result.output
    assert "Demo articles added: 12." in result.output
    again = app.test_cli_runner().invoke(args=["seed", "--demo"])
    assert again.exit_code == 0 and "Demo articles added: 0." in again.output
    assert "Demo requests added: 0." in again.output
    assert re.sub(r"added: \d+", "added: N", again.output) == re.sub(r"added: \d+", "added: N", result.output)
