"""Kelurahan boundaries: the city pack's polygons, which decide the kelurahan of a pin.

A pack names a GeoJSON file of its kelurahan (Kemendagri codes, [longitude, latitude] order). The file
is checked when the pack loads, and a broken one refuses the pack with the reason. Each process builds
its spatial index once; no PostGIS is needed, so both databases work alike. A kecamatan's shape is the
union of its kelurahan.
"""

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import shapely
from shapely.geometry import Point, mapping, shape
from shapely.validation import explain_validity

# About 110 m and 11 m at the equator: unseen at a city-wide zoom, and the file is 4 KB gzipped.
SCREEN_TOLERANCE_DEGREES = 0.001
SCREEN_DECIMALS = 4
# A warning's overlap with a kelurahan below this share of the smaller shape is a sliver along a border:
# BMKG draws its polygons with 3 decimals (about 110 m), which spills a few % over a neighbour.
MIN_OVERLAP_SHARE = 0.1


class BoundaryError(ValueError):
    pass


@dataclass(frozen=True)
class Area:
    code: str
    name: str
    kecamatan_code: str
    geometry: shapely.Geometry


class Boundaries:
    def __init__(self, areas: list[Area], attribution: str):
        self.areas = areas
        self.attribution = attribution
        self._tree = shapely.STRtree([area.geometry for area in areas])

    def kelurahan_at(self, lat: float, long: float) -> Area | None:
        """The kelurahan whose polygon holds the point (on a shared border, the first), or None."""
        found = self.kelurahan_touching(lat, long)
        return found[0] if found else None

    def kelurahan_touching(self, lat: float, long: float) -> list[Area]:
        """The kelurahan whose polygons hold the point: more than one on a shared border."""
        found = self._tree.query(Point(long, lat), predicate="intersects")
        return [self.areas[index] for index in sorted(found)]

    def kelurahan_intersecting(self, geometry: shapely.Geometry) -> list[Area]:
        """The kelurahan an area (a warning's polygons) overlaps. An overlap smaller than
        MIN_OVERLAP_SHARE of the smaller of the two shapes is a border sliver (a neighbouring
        region drawn with coarser points) and does not count; a shared edge alone never does."""
        found = []
        for index in sorted(self._tree.query(geometry, predicate="intersects")):
            area = self.areas[index]
            overlap = shapely.intersection(area.geometry, geometry).area
            if overlap > 0 and overlap >= MIN_OVERLAP_SHARE * min(area.geometry.area, geometry.area):
                found.append(area)
        return found

    def geometry_of(self, kelurahan_code: str) -> shapely.Geometry:
        return next(area.geometry for area in self.areas if area.code == kelurahan_code)

    def kecamatan_shapes(self) -> dict[str, shapely.Geometry]:
        codes = sorted({area.kecamatan_code for area in self.areas})
        return {
            code: shapely.union_all([a.geometry for a in self.areas if a.kecamatan_code == code])
            for code in codes
        }

    @cached_property
    def screen_geojson(self) -> dict:
        """The kelurahan simplified for a map on a phone: a few KB gzipped."""
        return {
            "type": "FeatureCollection",
            "attribution": self.attribution,
            "features": [
                {
                    "type": "Feature",
                    "properties": {"code": a.code, "name": a.name, "kecamatan": a.kecamatan_code},
                    "geometry": mapping(_for_screen(a.geometry)),
                }
                for a in self.areas
            ],
        }


def _for_screen(geometry: shapely.Geometry) -> shapely.Geometry:
    simplified = shapely.simplify(geometry, SCREEN_TOLERANCE_DEGREES, preserve_topology=True)
    return shapely.set_precision(simplified, 10**-SCREEN_DECIMALS)


def read_boundaries(path: Path, kelurahan_codes: dict[str, str]) -> Boundaries:
    """Read and check a boundaries file against the pack's kelurahan ({code: name}): every kelurahan
    has exactly one valid polygon and there is no other."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        features = document["features"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BoundaryError(f"{path.name} is not a GeoJSON FeatureCollection: {error}") from error
    areas = [_area(feature, kelurahan_codes, path.name) for feature in features]
    codes = [area.code for area in areas]
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    missing = sorted(set(kelurahan_codes) - set(codes))
    if repeated or missing:
        raise BoundaryError(
            f"{path.name}: repeated kelurahan {repeated}, kelurahan without a polygon {missing}"
        )
    return Boundaries(areas, str(document.get("source", "")))


def _area(feature: dict, kelurahan_codes: dict[str, str], file_name: str) -> Area:
    code = (feature.get("properties") or {}).get("code")
    if code not in kelurahan_codes:
        raise BoundaryError(f"{file_name}: a feature's code {code!r} is not a kelurahan of the pack")
    try:
        geometry = shape(feature["geometry"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BoundaryError(f"{file_name}: kelurahan {code} has no readable geometry: {error}") from error
    if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
        raise BoundaryError(f"{file_name}: kelurahan {code} is a {geometry.geom_type}, not a polygon")
    if not geometry.is_valid:
        raise BoundaryError(
            f"{file_name}: kelurahan {code} has an invalid polygon: {explain_validity(geometry)}"
        )
    shapely.prepare(geometry)
    return Area(code, kelurahan_codes[code], code.rsplit(".", 1)[0], geometry)
