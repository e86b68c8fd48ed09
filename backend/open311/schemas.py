"""Marshmallow schemas for the Open311 key administration."""

from marshmallow import Schema, fields, validate

from ..text_fields import PlainText


class KeyCreateSchema(Schema):
    name = PlainText(required=True, validate=validate.Length(min=2, max=100))


class KeySchema(Schema):
    id = fields.Integer()
    name = fields.String()
    key_prefix = fields.String()
    created_at = fields.DateTime()
    last_used_at = fields.DateTime(allow_none=True)
    is_active = fields.Boolean()


class NewKeySchema(KeySchema):
    api_key = fields.String(metadata={"description": "Shown once; only a hash is kept"})
