"""Schemas every area shares: paging arguments, the page envelope, moderation, a place, OPD or
person named in a response, and the wrapper that adds what depends on the viewer to an object a
schema dumps."""

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


class CodeNameSchema(Schema):
    """A place or an OPD where a response names it: its code and its name."""

    code = fields.String()
    name = fields.String()


class OpdShortNameSchema(CodeNameSchema):
    """An OPD where a request, an event or an incident names it: by its short name."""

    name = fields.String(attribute="short_name")


class OpdBriefSchema(CodeNameSchema):
    """An OPD where a response names it, with the short name the panels show."""

    short_name = fields.String()


class UserNameSchema(Schema):
    """A person where a response names them (who acted, who invited): their id and name."""

    id = fields.Integer()
    name = fields.String()


class Viewed:
    """An object as one viewer sees it, for a response schema to dump: the schema reads each name in
    `parts` (what depends on the viewer) from there, and every other name from the object. A part
    set to `marshmallow.missing` is left out of the response. It is for dumping only: other code
    reads the object itself (a `missing` part is falsy, whatever the object holds)."""

    def __init__(self, item, **parts):
        self._item = item
        self._parts = parts

    def shows(self, *names: str) -> bool:
        """Whether the viewer's parts include each of `names`."""
        return all(name in self._parts for name in names)

    def __getattr__(self, name):
        if name.startswith("_"):  # the wrapper's own, not yet set (copy, pickle)
            raise AttributeError(name)
        if name in self._parts:
            return self._parts[name]
        return getattr(self._item, name)
