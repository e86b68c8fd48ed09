"""Marshmallow schemas for places."""

from marshmallow import Schema, fields, validate

from ..schemas import CodeNameSchema, OpdBriefSchema


class CitySchema(CodeNameSchema):
    short_name = fields.String()
    timezone = fields.String()
    default_language = fields.String()
    center = fields.Dict(
        keys=fields.String(), values=fields.Float(), metadata={"example": {"lat": 0, "long": 0}}
    )
    bbox = fields.List(fields.Float(), metadata={"description": "[south, west, north, east]"})
    map_tile_url = fields.String(metadata={"description": "Map tile URL template ({z}/{x}/{y})"})


class KelurahanSchema(CodeNameSchema):
    common_name = fields.String(allow_none=True)
    kecamatan = fields.Function(lambda kelurahan: kelurahan.kecamatan.code)


class KelurahanPlaceSchema(KelurahanSchema):
    """A kelurahan with its kecamatan spelled out: where a map pin is."""

    kecamatan = fields.Nested(
        CodeNameSchema, metadata={"example": {"code": "64.71.06", "name": "Balikpapan Kota"}}
    )


class KecamatanSchema(CodeNameSchema):
    kelurahan_count = fields.Function(lambda kecamatan: len(kecamatan.kelurahan))


class KelurahanQueryArgsSchema(Schema):
    kecamatan = fields.String(metadata={"description": "Kecamatan code, e.g. 64.71.01"})


class PointQueryArgsSchema(Schema):
    lat = fields.Float(required=True, validate=validate.Range(min=-90, max=90))
    long = fields.Float(required=True, validate=validate.Range(min=-180, max=180))


class OpdContactSchema(OpdBriefSchema):
    """An OPD and how to reach it."""

    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    address = fields.String(allow_none=True)


class OpdSchema(OpdContactSchema):
    is_active = fields.Boolean()


class OpdQueryArgsSchema(Schema):
    include_inactive = fields.Boolean(load_default=False, metadata={"description": "Admins only"})


class OpdUpdateSchema(Schema):
    name = fields.String(validate=validate.Length(min=2, max=200))
    short_name = fields.String(validate=validate.Length(min=2, max=60))
    email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    phone = fields.String(allow_none=True, validate=validate.Length(max=32))
    address = fields.String(allow_none=True, validate=validate.Length(max=300))
    is_active = fields.Boolean()


class OpdCreateSchema(OpdUpdateSchema):
    code = fields.String(
        required=True, validate=[validate.Length(min=2, max=32), validate.Regexp(r"^[A-Z0-9_-]+$")]
    )
    name = fields.String(required=True, validate=validate.Length(min=2, max=200))
    short_name = fields.String(required=True, validate=validate.Length(min=2, max=60))


class BoundariesSchema(Schema):
    """A GeoJSON FeatureCollection of the kelurahan (properties: code, name, kecamatan)."""

    type = fields.String(metadata={"enum": ["FeatureCollection"]})
    attribution = fields.String()
    features = fields.List(fields.Dict())
