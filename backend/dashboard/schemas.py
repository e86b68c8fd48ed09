"""Marshmallow schemas for the command center."""

from marshmallow import Schema, fields, validate

from ..push.schemas import CampaignSchema
from ..schemas import CodeNameSchema
from ..service_requests.schemas import BBoxField, RequestQueryArgsSchema
from ..text_fields import record_id

BREAKDOWNS = ["status", "service", "group", "kecamatan", "kelurahan", "opd"]


class ScopeArgsSchema(Schema):
    days = fields.Integer(load_default=30, validate=validate.Range(min=1, max=90))
    kecamatan = fields.String(validate=validate.Length(max=24))
    opd = fields.String(validate=validate.Length(max=32))
    incident = record_id(metadata={"description": "Only the requests linked to this incident"})


class CountArgsSchema(ScopeArgsSchema):
    by = fields.String(load_default="status", validate=validate.OneOf(BREAKDOWNS))


class MapArgsSchema(ScopeArgsSchema):
    bbox = BBoxField(metadata={"description": "south,west,north,east"})


class ExportArgsSchema(RequestQueryArgsSchema):
    opd = fields.String(validate=validate.Length(max=32))


class SummarySchema(Schema):
    open = fields.Integer()
    overdue = fields.Integer()
    created_today = fields.Integer()
    created_this_week = fields.Integer()
    resolved_this_week = fields.Integer()
    created_in_period = fields.Integer()
    median_response = fields.Float(allow_none=True, metadata={"description": "Hours"})
    median_resolution = fields.Float(allow_none=True, metadata={"description": "Hours"})
    average_rating = fields.Float(allow_none=True)


class BreakdownSchema(Schema):
    key = fields.String()
    label = fields.Raw()
    count = fields.Integer()


class OverdueSchema(Schema):
    code = fields.String()
    status = fields.String()
    service = fields.String()
    service_name = fields.Raw()
    opd = fields.String()
    opd_name = fields.String(metadata={"description": "The OPD's short name, as every panel shows it"})
    kecamatan = fields.String(allow_none=True)
    sla_due_at = fields.DateTime()
    hours_overdue = fields.Float()


class BreachRateSchema(Schema):
    code = fields.String()
    short_name = fields.String()
    total = fields.Integer()
    breached = fields.Integer()
    rate = fields.Float()


class SlaSchema(Schema):
    overdue = fields.List(fields.Nested(OverdueSchema))
    breach_rates = fields.List(fields.Nested(BreachRateSchema))


class TrendDaySchema(Schema):
    day = fields.String()
    created = fields.Integer()
    resolved = fields.Integer()


class LeagueRowSchema(Schema):
    opd = fields.String()
    name = fields.String()
    open = fields.Integer()
    overdue = fields.Integer()
    median_resolution_hours = fields.Float(allow_none=True)
    satisfaction = fields.Float(allow_none=True)
    within_sla = fields.Float(allow_none=True)


class KelurahanLoadSchema(CodeNameSchema):
    kecamatan = fields.String(metadata={"description": "The kecamatan's code"})
    open = fields.Integer()
    overdue = fields.Integer()


class PointSchema(Schema):
    code = fields.String()
    lat = fields.Float()
    long = fields.Float()
    status = fields.String()
    service = fields.String()
    overdue = fields.Boolean()


class MapSchema(Schema):
    points = fields.List(fields.Nested(PointSchema))
    truncated = fields.Boolean()


class CampaignStatSchema(CampaignSchema):
    """A campaign's counts (the campaign panel), with its click-through rate."""

    click_through = fields.Float(allow_none=True)
