"""Schemas every area shares: paging arguments, the page envelope, moderation."""

from marshmallow import Schema, fields, validate

from .text_fields import PlainText


def limit_field(default: int = 20, maximum: int = 100) -> fields.Integer:
    return fields.Integer(load_default=default, validate=validate.Range(min=1, max=maximum))


class PageArgsSchema(Schema):
    """?cursor= (the `next` of the page before) and ?limit= of every paged list (pagination.py)."""

    cursor = fields.String(validate=validate.Length(max=300))
    limit = limit_field()


def page_of(item: type[Schema], name: str) -> type[Schema]:
    """The envelope of a page of `item`: {"items": [...], "next": the next page's cursor, or null}.
    `name` is the schema's name in the OpenAPI document."""
    envelope = {"items": fields.List(fields.Nested(item)), "next": fields.String(allow_none=True)}
    return Schema.from_dict(envelope, name=name)


class ModerationSchema(Schema):
    """Hide something from the public (kept, with the reason), or show it again."""

    hidden = fields.Boolean(required=True)
    reason = PlainText(validate=validate.Length(max=300), allow_none=True)
