"""City packs: everything city-specific, as data. One JSON file per city.

CITY_PACK names a bundled pack ("balikpapan") or gives the path of a JSON file.
The pack is validated on load, so a broken pack fails loudly at seed time.
"""

import json
from pathlib import Path

from marshmallow import Schema, ValidationError, fields, validate

PACK_DIR = Path(__file__).parent


class _KelurahanPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^\d{4}$"))
    name = fields.String(required=True)
    common_name = fields.String(load_default=None)


class _KecamatanPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^\d{2}$"))
    name = fields.String(required=True)
    kelurahan = fields.List(fields.Nested(_KelurahanPack), required=True, validate=validate.Length(min=1))


class _OpdPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^[A-Z0-9_-]+$"))
    name = fields.String(required=True)
    short_name = fields.String(required=True)
    email = fields.String(load_default=None)
    phone = fields.String(load_default=None)
    address = fields.String(load_default=None)


class _CityPack(Schema):
    code = fields.String(required=True, validate=validate.Regexp(r"^\d{2}\.\d{2}$"))
    name = fields.String(required=True)
    short_name = fields.String(required=True)
    timezone = fields.String(required=True)
    default_language = fields.String(load_default="id", validate=validate.OneOf(["id", "en"]))
    center = fields.Dict(required=True)
    bbox = fields.List(fields.Float(), required=True, validate=validate.Length(equal=4))


class CityPackSchema(Schema):
    city = fields.Nested(_CityPack, required=True)
    kecamatan = fields.List(fields.Nested(_KecamatanPack), required=True, validate=validate.Length(min=1))
    opds = fields.List(fields.Nested(_OpdPack), required=True, validate=validate.Length(min=1))


class CityPackError(Exception):
    pass


def pack_path(name_or_path: str) -> Path:
    if name_or_path.endswith(".json") or "/" in name_or_path:
        return Path(name_or_path)
    return PACK_DIR / f"{name_or_path}.json"


def load_pack(name_or_path: str) -> dict:
    """Read and validate a city pack."""
    path = pack_path(name_or_path)
    if not path.is_file():
        raise CityPackError(f"City pack not found: {path}")
    try:
        return CityPackSchema().load(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, ValidationError) as error:
        raise CityPackError(f"City pack {path} is not valid: {error}") from error
