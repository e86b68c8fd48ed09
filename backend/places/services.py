"""Places: reading the city's reference data, seeding it from the pack, editing OPDs."""

from functools import cache
from zoneinfo import ZoneInfo

from flask import current_app, g
from sqlalchemy import select

from ..audit.services import record
from ..citypacks import load_pack
from ..database import set_if_changed
from ..errors import Conflict, NotFound
from ..extensions import db
from ..lookups import by_code
from .boundaries import Boundaries
from .models import City, Kecamatan, Kelurahan, Opd

NO_BOUNDARIES = "This city has no kelurahan boundaries."
OUTSIDE_EVERY_KELURAHAN = "The location is outside every kelurahan of the city (at sea or past its border)."


def get_city() -> City:
    city = db.session.scalars(select(City).limit(1)).first()
    if city is None:
        raise NotFound("The city has not been set up yet. Run `flask seed`.")
    return city


def city_timezone() -> ZoneInfo:
    """The city's time zone, looked up once per request or job."""
    if "city_timezone" not in g:
        g.city_timezone = ZoneInfo(get_city().timezone)
    return g.city_timezone


def city_profile() -> dict:
    """The city as the app shows it, with this deployment's map tile server."""
    city = get_city()
    return {
        "code": city.code,
        "name": city.name,
        "short_name": city.short_name,
        "timezone": city.timezone,
        "default_language": city.default_language,
        "center": city.center,
        "bbox": city.bbox,
        "map_tile_url": current_app.config["MAP_TILE_URL"],
    }


def city_boundaries() -> Boundaries | None:
    """The kelurahan polygons of this deployment's city pack (None: the pack has none)."""
    return _boundaries_of(current_app.config["CITY_PACK"])


def _boundaries_of(pack: str) -> Boundaries | None:
    return _pack(pack)["boundaries"]


@cache
def _pack(name: str) -> dict:
    """The city pack, read and validated once per process."""
    return load_pack(name)


def kelurahan_at(lat: float, long: float) -> Kelurahan | None:
    """The kelurahan whose polygon holds the point; None outside them all (the sea too) or when the
    pack has no boundaries."""
    boundaries = city_boundaries()
    area = boundaries.kelurahan_at(lat, long) if boundaries else None
    return kelurahan_by_code(area.code) if area else None


def kelurahan_by_code(code: str) -> Kelurahan | None:
    return db.session.scalar(select(Kelurahan).where(Kelurahan.code == code))


def kelurahan_containing(lat: float, long: float) -> Kelurahan:
    """The kelurahan whose polygon holds the point, for a map pin; NotFound at sea or past the border."""
    if city_boundaries() is None:
        raise NotFound(NO_BOUNDARIES)
    kelurahan = kelurahan_at(lat, long)
    if kelurahan is None:
        raise NotFound(OUTSIDE_EVERY_KELURAHAN, errors={"lat": [OUTSIDE_EVERY_KELURAHAN]})
    return kelurahan


def boundaries_geojson() -> dict:
    boundaries = city_boundaries()
    if boundaries is None:
        raise NotFound(NO_BOUNDARIES)
    return boundaries.screen_geojson


def list_kecamatan() -> list[Kecamatan]:
    return list(db.session.scalars(select(Kecamatan).order_by(Kecamatan.code)))


def list_kelurahan(kecamatan_code: str | None = None) -> list[Kelurahan]:
    query = select(Kelurahan).join(Kelurahan.kecamatan).order_by(Kelurahan.code)
    if kecamatan_code:
        query = query.where(Kecamatan.code == kecamatan_code)
    return list(db.session.scalars(query))


def list_opds(include_inactive: bool = False) -> list[Opd]:
    query = select(Opd).order_by(Opd.name)
    if not include_inactive:
        query = query.where(Opd.is_active.is_(True))
    return list(db.session.scalars(query))


def get_opd(code: str) -> Opd:
    return by_code(Opd, code, None, "Unknown OPD.")


def create_opd(data: dict) -> Opd:
    if db.session.scalar(select(Opd.id).where(Opd.code == data["code"])) is not None:
        raise Conflict("An OPD with this code already exists.")
    opd = Opd(**data)
    db.session.add(opd)
    record("opd.created", target_type="opd", target_id=opd.code)
    db.session.commit()
    return opd


def update_opd(code: str, changes: dict) -> Opd:
    opd = get_opd(code)
    for name, value in changes.items():
        setattr(opd, name, value)
    record("opd.updated", target_type="opd", target_id=opd.code, details={"fields": sorted(changes)})
    db.session.commit()
    return opd


def _upsert(model, key: dict, values: dict):
    """Insert or update one row by its natural key; only real changes are written."""
    row = db.session.scalar(select(model).filter_by(**key))
    if row is None:
        row = model(**key, **values)
        db.session.add(row)
        return row
    set_if_changed(row, values)
    return row


def seed_places(pack: dict) -> None:
    """Load the pack's city, kecamatan, kelurahan and OPDs; running it again changes nothing."""
    data = pack["city"]
    existing = db.session.scalar(select(City).limit(1))
    if existing is not None and existing.code != data["code"]:
        raise Conflict(f"This database belongs to {existing.name} ({existing.code}), not {data['name']}.")
    south, west, north, east = data["bbox"]
    _upsert(
        City,
        {"code": data["code"]},
        {
            "name": data["name"],
            "short_name": data["short_name"],
            "request_prefix": data["request_prefix"],
            "timezone": data["timezone"],
            "default_language": data["default_language"],
            "center_lat": data["center"]["lat"],
            "center_long": data["center"]["long"],
            "bbox_south": south,
            "bbox_west": west,
            "bbox_north": north,
            "bbox_east": east,
        },
    )
    for kecamatan_data in pack["kecamatan"]:
        kecamatan_code = f"{data['code']}.{kecamatan_data['code']}"
        kecamatan = _upsert(Kecamatan, {"code": kecamatan_code}, {"name": kecamatan_data["name"]})
        db.session.flush()
        for kelurahan_data in kecamatan_data["kelurahan"]:
            _upsert(
                Kelurahan,
                {"code": f"{kecamatan_code}.{kelurahan_data['code']}"},
                {
                    "name": kelurahan_data["name"],
                    "common_name": kelurahan_data["common_name"],
                    "kecamatan_id": kecamatan.id,
                },
            )
    for opd_data in pack["opds"]:
        _upsert(Opd, {"code": opd_data["code"]}, {k: v for k, v in opd_data.items() if k != "code"})
    db.session.commit()


def warning_settings() -> dict:
    """The city pack's `warnings` section: feed URLs, province, poll interval, earthquake rule and
    send policy (citypacks._WarningsPack); BMKG_NOWCAST_URL and BMKG_EARTHQUAKE_URL override the URLs."""
    settings = dict(_pack(current_app.config["CITY_PACK"])["warnings"])
    for key, variable in (("nowcast_url", "BMKG_NOWCAST_URL"), ("earthquake_url", "BMKG_EARTHQUAKE_URL")):
        settings[key] = current_app.config.get(variable) or settings[key]
    return settings


def retention_settings() -> dict:
    """The city pack's `retention` section: how many months records are kept
    (citypacks._RetentionPack)."""
    return dict(_pack(current_app.config["CITY_PACK"])["retention"])


def privacy_settings() -> dict:
    """The city pack's `privacy` section (citypacks._PrivacyPack): the privacy notice's versions and
    the controller as its OPD entry; with the city's name and the retention months."""
    pack = _pack(current_app.config["CITY_PACK"])
    privacy = pack["privacy"]
    controller = next(opd for opd in pack["opds"] if opd["code"] == privacy["controller"])
    return privacy | {
        "controller": controller,
        "city": pack["city"]["name"],
        "retention": dict(pack["retention"]),
    }


def incident_settings() -> dict:
    """The city pack's `incidents` section: detection's window, baseline and thresholds
    (citypacks._IncidentsPack)."""
    return dict(_pack(current_app.config["CITY_PACK"])["incidents"])
