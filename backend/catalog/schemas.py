"""Marshmallow schemas for the catalogue."""

import re

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from ..schemas import OpdBriefSchema
from .models import LARGEST_BOUND, LIST_DATATYPES, NUMBER_MAXIMUM, NUMBER_MINIMUM, Datatype, bounds_problems

CODE = validate.Regexp(r"^[a-z0-9][a-z0-9_-]{1,39}$", error="Use 2-40 lowercase letters, digits, - or _.")


class LocalizedTextSchema(Schema):
    """A text in Bahasa Indonesia (required) and English (optional)."""

    id = fields.String(required=True, validate=validate.Length(min=1, max=2000))
    en = fields.String(validate=validate.Length(max=2000))


class AttributeValueSchema(Schema):
    key = fields.String(required=True, validate=validate.Length(min=1, max=60))
    name = fields.Nested(LocalizedTextSchema, required=True)


MINIMUM_DOC = f"Number attributes: the smallest value accepted ({NUMBER_MINIMUM} unless set)"
MAXIMUM_DOC = f"Number attributes: the largest value accepted ({NUMBER_MAXIMUM:,} unless set)"


def _bound(index: int, description: str) -> fields.Function:
    return fields.Function(
        lambda attribute: attribute.bounds[index] if attribute.bounds else None,
        metadata={"type": "number", "nullable": True, "description": description},
    )


def _bound_input(description: str) -> fields.Float:
    return fields.Float(
        allow_none=True,
        validate=validate.Range(min=-LARGEST_BOUND, max=LARGEST_BOUND),
        metadata={"description": f"{description}; null for the default"},
    )


class AttributeSchema(Schema):
    code = fields.String()
    datatype = fields.String()
    required = fields.Boolean()
    order = fields.Integer(attribute="position")
    label = fields.Nested(LocalizedTextSchema)
    description = fields.Nested(LocalizedTextSchema, allow_none=True)
    pattern = fields.String(allow_none=True)
    values = fields.List(fields.Nested(AttributeValueSchema), allow_none=True)
    minimum = _bound(0, MINIMUM_DOC)
    maximum = _bound(1, MAXIMUM_DOC)
    is_public = fields.Boolean()
    is_active = fields.Boolean()


class AttributeUpdateSchema(Schema):
    required = fields.Boolean()
    order = fields.Integer(attribute="position", validate=validate.Range(min=0, max=1000))
    label = fields.Nested(LocalizedTextSchema)
    description = fields.Nested(LocalizedTextSchema, allow_none=True)
    pattern = fields.String(allow_none=True, validate=validate.Length(max=200))
    values = fields.List(
        fields.Nested(AttributeValueSchema), allow_none=True, validate=validate.Length(max=100)
    )
    minimum = _bound_input(MINIMUM_DOC)
    maximum = _bound_input(MAXIMUM_DOC)
    is_public = fields.Boolean()
    is_active = fields.Boolean()

    @validates("pattern")
    def _valid_regex(self, pattern, **kwargs):
        if pattern:
            try:
                re.compile(pattern)
            except re.error:
                raise ValidationError("Not a valid regular expression.") from None


class AttributeCreateSchema(AttributeUpdateSchema):
    code = fields.String(required=True, validate=CODE)
    datatype = fields.String(
        required=True, validate=validate.OneOf([datatype.value for datatype in Datatype])
    )
    label = fields.Nested(LocalizedTextSchema, required=True)

    @validates_schema
    def _values_for_lists(self, data, **kwargs):
        if data["datatype"] in LIST_DATATYPES and len(data.get("values") or []) < 2:
            raise ValidationError("A list needs at least two values.", "values")
        if data["datatype"] not in LIST_DATATYPES and data.get("values"):
            raise ValidationError("Only list datatypes have values.", "values")
        if data.get("pattern") and data["datatype"] != Datatype.STRING:
            raise ValidationError("Only string attributes have a pattern.", "pattern")
        problems = bounds_problems(data["datatype"], data.get("minimum"), data.get("maximum"))
        if problems:
            raise ValidationError(problems)


class ServiceGroupSchema(Schema):
    code = fields.String()
    name = fields.Nested(LocalizedTextSchema)


class ServiceSchema(Schema):
    code = fields.String()
    name = fields.Nested(LocalizedTextSchema)
    description = fields.Nested(LocalizedTextSchema)
    group = fields.Nested(ServiceGroupSchema)
    keywords = fields.List(fields.String())
    opd = fields.Nested(OpdBriefSchema)
    sla_response_hours = fields.Integer()
    sla_resolution_hours = fields.Integer()
    needs_location = fields.Boolean()
    allows_anonymous = fields.Boolean()
    is_public = fields.Boolean()
    is_active = fields.Boolean()
    attributes = fields.List(
        fields.Nested(AttributeSchema),
        metadata={
            "description": "Form fields in order; deactivated ones (is_active false) are not asked for"
        },
    )


class ServiceQueryArgsSchema(Schema):
    group = fields.String(validate=validate.Length(max=40))
    include_inactive = fields.Boolean(load_default=False, metadata={"description": "Admins only"})


class ServiceUpdateSchema(Schema):
    name = fields.Nested(LocalizedTextSchema)
    description = fields.Nested(LocalizedTextSchema)
    group = fields.String(validate=validate.Length(max=40))
    keywords = fields.List(fields.String(validate=validate.Length(max=40)), validate=validate.Length(max=20))
    opd = fields.String(validate=validate.Length(max=32))
    sla_response_hours = fields.Integer(validate=validate.Range(min=1, max=24 * 365))
    sla_resolution_hours = fields.Integer(validate=validate.Range(min=1, max=24 * 365))
    needs_location = fields.Boolean()
    allows_anonymous = fields.Boolean()
    is_public = fields.Boolean()
    is_active = fields.Boolean()


class ServiceCreateSchema(ServiceUpdateSchema):
    code = fields.String(required=True, validate=CODE)
    name = fields.Nested(LocalizedTextSchema, required=True)
    description = fields.Nested(LocalizedTextSchema, required=True)
    group = fields.String(required=True, validate=validate.Length(max=40))
    opd = fields.String(required=True, validate=validate.Length(max=32))
    sla_response_hours = fields.Integer(required=True, validate=validate.Range(min=1, max=24 * 365))
    sla_resolution_hours = fields.Integer(required=True, validate=validate.Range(min=1, max=24 * 365))
    attributes = fields.List(fields.Nested(AttributeCreateSchema), load_default=list)

    @validates("attributes")
    def _unique_attribute_codes(self, attributes, **kwargs):
        codes = [attribute.get("code") for attribute in attributes if attribute.get("code")]
        if len(codes) != len(set(codes)):
            raise ValidationError("Each attribute needs its own code.")
