"""Marshmallow schemas for warnings."""

from marshmallow import Schema, fields

from ..schemas import CodeNameSchema


class WarningSchema(Schema):
    id = fields.Integer()
    kind = fields.String(metadata={"description": "weather (a BMKG nowcast) or earthquake"})
    identifier = fields.String(metadata={"description": "The CAP identifier, or the earthquake's key"})
    msg_type = fields.String(metadata={"description": "Alert, Update or Cancel"})
    status = fields.String(metadata={"description": "seen, draft, sent, replaced or cancelled"})
    event = fields.String()
    severity = fields.String()
    sent_at = fields.DateTime()
    expires_at = fields.DateTime(allow_none=True)
    kelurahan_codes = fields.List(fields.String())
    article_id = fields.Integer(allow_none=True)
    document_url = fields.String(metadata={"description": "The source document it was made from"})


class DeliverySchema(Schema):
    """A campaign made from the warning: its delivery so far."""

    id = fields.Integer()
    status = fields.String()
    targeted = fields.Integer()
    sent = fields.Integer()
    failed = fields.Integer()
    gone = fields.Integer()


class CommandWarningSchema(Schema):
    """An OfficialWarning as the command center shows it: headline, kelurahan, polygons, article and
    campaigns are what queries.command_warnings adds to it."""

    id = fields.Integer()
    identifier = fields.String()
    kind = fields.String(metadata={"description": "weather or earthquake"})
    status = fields.String(metadata={"description": "sent, or draft waiting for an operator"})
    event = fields.String()
    severity = fields.String()
    urgency = fields.String()
    headline = fields.Dict(
        keys=fields.String(), values=fields.String(), metadata={"description": "Per language"}
    )
    sent_at = fields.DateTime()
    effective_at = fields.DateTime(allow_none=True)
    expires_at = fields.DateTime(allow_none=True)
    kelurahan = fields.List(fields.Nested(CodeNameSchema))
    polygons = fields.List(
        fields.Raw(), metadata={"description": "Rings of [long, lat], simplified for the screen"}
    )
    details = fields.Dict(metadata={"description": "Earthquakes: magnitude, depth, distance, felt, tsunami"})
    article = fields.String(allow_none=True, metadata={"description": "The peringatan article's slug"})
    campaigns = fields.List(fields.Nested(DeliverySchema))


class SourceHealthSchema(Schema):
    """A WarningSource with its state (queries.source_state)."""

    name = fields.String()
    url = fields.String()
    state = fields.String(metadata={"description": "ok, unavailable or never (not polled yet)"})
    last_success_at = fields.DateTime(allow_none=True)
    last_error_at = fields.DateTime(allow_none=True)
    last_error = fields.String(allow_none=True)
    last_duration_ms = fields.Integer(allow_none=True)
    consecutive_failures = fields.Integer()


class CommandWarningsSchema(Schema):
    warnings = fields.List(fields.Nested(CommandWarningSchema))
    sources = fields.List(fields.Nested(SourceHealthSchema))
