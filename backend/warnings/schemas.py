"""Marshmallow schemas for warnings."""

from marshmallow import Schema, fields


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
