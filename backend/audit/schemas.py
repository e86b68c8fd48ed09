"""Marshmallow schemas of the audit trail: the rows out, the filters in."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ..schemas import PageArgsSchema, UserNameSchema, limit_field, page_of
from ..text_fields import record_id


class AuditEntrySchema(Schema):
    id = fields.Integer()
    at = fields.DateTime()
    actor = fields.Nested(UserNameSchema, allow_none=True, metadata={"description": "None: the system"})
    actor_role = fields.String(allow_none=True, metadata={"description": "The role when it acted"})
    action = fields.String(metadata={"description": '"<area>.<verb>", e.g. "request.status_changed"'})
    target_type = fields.String(allow_none=True)
    target_id = fields.String(allow_none=True)
    details = fields.Dict()
    ip_address = fields.String(allow_none=True)
    user_agent = fields.String(allow_none=True)


AuditPageSchema = page_of(AuditEntrySchema, "AuditPage")


class AuditFilterArgsSchema(Schema):
    actor = record_id(metadata={"description": "The acting user's id"})
    action = fields.String(
        validate=validate.Length(max=48),
        metadata={
            "description": 'An action ("user.role_changed"), or an area ("user") for all of its actions'
        },
    )
    target_type = fields.String(validate=validate.Length(max=24))
    target_id = fields.String(validate=validate.Length(max=40))
    since = fields.DateTime(metadata={"description": "From this moment (inclusive)"})
    until = fields.DateTime(metadata={"description": "Before this moment"})

    @validates_schema
    def _since_before_until(self, data, **kwargs):
        if data.get("since") and data.get("until") and data["since"] >= data["until"]:
            raise ValidationError("The start must come before the end.", field_name="until")


class AuditQueryArgsSchema(AuditFilterArgsSchema, PageArgsSchema):
    limit = limit_field(default=50, maximum=200)
