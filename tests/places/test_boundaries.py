"""Kelurahan boundaries: checked with the pack, a pin's kelurahan, the map's GeoJSON, the demo's pins."""

import gzip
import json

import pytest
from shapely import Point
from sqlalchemy import select

from backend.citypacks import PACK_DIR, CityPackError, load_pack
from backend.demo import seed_demo_accounts
from backend.demo_requests import seed_demo_requests
from backend.extensions import db
from backend.places.services import city_boundaries, kelurahan_at
from backend.service_requests.models import ServiceRequest

from ..factories import point_in

GEOJSON = "/api/v1/kelurahan.geojson"


def pack_with_boundaries(tmp_path, edit) -> str:
    """The Balikpapan pack beside a copy of its boundaries changed by `edit(features)`."""
    pack = json.loads((PACK_DIR / "balikpapan.json").read_text())
    boundaries = json.loads((PACK_DIR / pack["boundaries"]).read_text())
    edit(boundaries["features"])
    (tmp_path / "edges.geojson").write_text(json.dumps(boundaries))
    (tmp_path / "pack.json").write_text(json.dumps(pack | {"boundaries": "edges.geojson"}))
    return str(tmp_path / "pack.json")


def bow_tie(features):
    features[0]["geometry"] = {
        "type": "Polygon",
        "coordinates": [[[116.8, -1.2], [116.9, -1.3], [116.9, -1.2], [116.8, -1.3], [116.8, -1.2]]],
    }


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (bow_tie, "kelurahan 64.71.01.1001 has an invalid polygon: Self-intersection"),
        (lambda features: features.pop(), "kelurahan without a polygon ['64.71.06.1005']"),
        (lambda features: features.append(features[0]), "repeated kelurahan ['64.71.01.1001']"),
        (
            lambda f: f[0]["properties"].update(code="64.71.09.1001"),
            "code '64.71.09.1001' is not a kelurahan",
        ),
        (
            lambda f: f[0].update(geometry={"type": "Point", "coordinates": [116.8, -1.2]}),
            "is a Point, not a polygon",
        ),
    ],
    ids=["self-intersecting", "missing", "repeated", "unknown-code", "not-a-polygon"],
)
def test_a_pack_with_broken_boundaries_refuses_to_load_with_the_reason(tmp_path, edit, reason):
    with pytest.raises(CityPackError) as refused:
        load_pack(pack_with_boundaries(tmp_path, edit))

    assert reason in str(refused.value)


def test_a_pin_finds_its_kelurahan_and_the_sea_none(app):
    assert kelurahan_at(*point_in("64.71.05.1002")).name == "Sepinggan"
    assert kelurahan_at(-1.2379, 116.8529).code == "64.71.03.1002"  # the city centre in the pack
    assert kelurahan_at(-1.30, 117.00) is None  # Balikpapan Bay
    assert kelurahan_at(-1.20, 116.60) is None  # past the western border


def test_kecamatan_shapes_are_the_union_of_their_kelurahan(app):
    shapes = city_boundaries().kecamatan_shapes()

    assert sorted(shapes) == [f"64.71.0{n}" for n in range(1, 7)]
    lat, long = point_in("64.71.04.1003")
    assert shapes["64.71.04"].contains(Point(long, lat))
    assert not shapes["64.71.01"].contains(Point(long, lat))


def test_an_area_finds_the_kelurahan_it_overlaps_and_not_those_it_only_grazes(app):
    boundaries = city_boundaries()
    sepinggan = boundaries.geometry_of("64.71.05.1002")
    over_two = sepinggan.buffer(-0.002).union(boundaries.geometry_of("64.71.01.1001").buffer(-0.002))
    # Sepinggan grown by 110 m (BMKG's precision): a sliver over each neighbour, which does not count.
    grown = sepinggan.buffer(0.001)

    assert [a.code for a in boundaries.kelurahan_intersecting(over_two)] == [
        "64.71.01.1001",
        "64.71.05.1002",
    ]
    assert [a.code for a in boundaries.kelurahan_intersecting(grown)] == ["64.71.05.1002"]
    assert boundaries.kelurahan_intersecting(Point(117.0, -1.30).buffer(0.01)) == []  # the bay


def test_the_boundaries_geojson_is_small_cached_and_keeps_the_attribution(client):
    response = client.get(GEOJSON)

    assert response.status_code == 200 and response.mimetype == "application/geo+json"
    collection = response.get_json()
    assert len(collection["features"]) == 34
    assert {f["properties"]["kecamatan"] for f in collection["features"]} == {
        f"64.71.0{n}" for n in range(1, 7)
    }
    assert "cahyadsn/wilayah_boundaries" in collection["attribution"] and "MIT" in collection["attribution"]
    assert len(gzip.compress(response.data)) < 6_000
    again = client.get(GEOJSON, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_every_demo_pin_lies_inside_its_kelurahan(app):
    seed_demo_accounts()
    assert seed_demo_requests() > 1000

    pinned = db.session.scalars(select(ServiceRequest).where(ServiceRequest.lat.is_not(None))).all()
    assert len(pinned) > 500
    misplaced = [(r.code, r.kelurahan.code) for r in pinned if kelurahan_at(r.lat, r.long) != r.kelurahan]
    assert misplaced == []
    assert all(r.kecamatan_id == r.kelurahan.kecamatan_id for r in pinned)
