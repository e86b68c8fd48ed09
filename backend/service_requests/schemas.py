"""Marshmallow schemas for requests: the answers, dumped from the ServiceRequest and RequestEvent
objects (what depends on the viewer added by presenters.py), and the input they check."""

from marshmallow import Schema, ValidationError, fields, missing, pre_dump, validate

from ..schemas import CodeNameSchema, OpdShortNameSchema, PageArgsSchema, Viewed, page_of
from ..text_fields import AwareTime, PlainText
from .models import Status
from .photos import photo_urls

STATUSES = [status.value for status in Status]


class RequestCreateSchema(Schema):
    service_code = fields.String(required=True, validate=validate.Length(min=1, max=40))
    description = PlainText(load_default="", validate=validate.Length(max=4000))
    attributes = fields.Dict(keys=fields.String(validate=validate.Length(max=40)), load_default=dict)
    lat = fields.Float(validate=validate.Range(min=-90, max=90), allow_none=True)
    long = fields.Float(validate=validate.Range(min=-180, max=180), allow_none=True)
    address = PlainText(validate=validate.Length(max=300), allow_none=True)
    kelurahan = fields.String(validate=validate.Length(max=24), allow_none=True)
    public = fields.Boolean(
        load_default=True, metadata={"description": "False keeps a public service's report private"}
    )
    precise_location = fields.Boolean(
        load_default=False,
        metadata={"description": "The pin is the device's GPS position, sent with the reporter's consent"},
    )


class ServiceNameSchema(CodeNameSchema):
    """A request's service: its code and its name in each language."""

    name = fields.Dict(keys=fields.String(), values=fields.String())


class OwnFields(fields.Nested):
    """A nested object made of the dumped object's own fields (a request's lat, long and address are
    its location), or null where `present(obj)` is false."""

    def __init__(self, nested, present=lambda obj: True, **kwargs):
        super().__init__(nested, **kwargs)
        self.present = present

    def get_value(self, obj, attr, accessor=None, default=missing):
        return obj if self.present(obj) else None


class PhotoSchema(Schema):
    """A RequestPhoto: its size and URLs, signed for an hour while its request is not public."""

    url = fields.String()
    thumb_url = fields.String()
    width = fields.Integer()
    height = fields.Integer()

    @pre_dump
    def _urls(self, photo, **kwargs):
        return photo_urls(photo.request, photo)


class LocationSchema(Schema):
    lat = fields.Float(allow_none=True)
    long = fields.Float(allow_none=True)
    address = fields.String(allow_none=True)


class ViewerSchema(Schema):
    is_reporter = fields.Boolean()
    has_supported = fields.Boolean()
    can_reopen = fields.Boolean()
    can_rate = fields.Boolean()
    allowed_transitions = fields.List(fields.String())


class ReporterSchema(Schema):
    name = fields.String(allow_none=True)
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)


# What present_request() decides for each viewer; the schema refuses a request without them.
VIEWER_PARTS = ("viewer", "attributes", "reporter", "is_hidden")


class RequestSchema(Schema):
    """A request as presenters.present_request() shows it to one viewer: `viewer`, `attributes`,
    `reporter` and `is_hidden` come from there, everything else from the ServiceRequest."""

    code = fields.String()
    service = fields.Nested(ServiceNameSchema)
    status = fields.String(metadata={"enum": STATUSES})
    open311_status = fields.Function(
        lambda request: "open" if request.is_open else "closed",
        metadata={"type": "string", "enum": ["open", "closed"]},
    )
    description = fields.String()
    attributes = fields.Dict()
    location = OwnFields(LocationSchema)
    kelurahan = fields.Nested(CodeNameSchema, allow_none=True)
    kecamatan = fields.Nested(CodeNameSchema, allow_none=True)
    opd = fields.Nested(OpdShortNameSchema)
    photos = fields.List(fields.Nested(PhotoSchema), attribute="report_photos")
    is_public = fields.Boolean()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    first_response_at = fields.DateTime(allow_none=True)
    resolved_at = fields.DateTime(allow_none=True)
    closed_at = fields.DateTime(allow_none=True)
    sla_due_at = fields.DateTime()
    is_overdue = fields.Boolean()
    supporter_count = fields.Integer()
    rating = fields.Integer(allow_none=True)
    duplicate_of = fields.Pluck(CodeNameSchema, "code", allow_none=True)
    viewer = fields.Nested(ViewerSchema)
    reporter = fields.Nested(ReporterSchema, metadata={"description": "Staff only"})
    is_hidden = fields.Boolean(metadata={"description": "Staff only"})

    @pre_dump
    def _as_viewed(self, request, **kwargs):
        # A bare ServiceRequest would answer its reporter's account and is_hidden to anyone.
        if not (isinstance(request, Viewed) and request.shows(*VIEWER_PARTS)):
            raise TypeError("Dump a request as presenters.present_request() shows it.")
        return request


class FiledRequestSchema(RequestSchema):
    tracking_token = fields.String(
        metadata={"description": "Anonymous filing only: keep it, it is shown once"}
    )


RequestPageSchema = page_of(RequestSchema, "RequestPageSchema")


class NearbyRequestSchema(RequestSchema):
    distance_m = fields.Integer()


class ModeratedRequestSchema(RequestSchema):
    hidden_reason = fields.String(allow_none=True)


ModeratedRequestPageSchema = page_of(ModeratedRequestSchema, "ModeratedRequestPageSchema")


class AuthorSchema(Schema):
    """Who wrote an event, by role (and OPD for staff): never a person's name."""

    role = fields.String(attribute="author_role", allow_none=True)
    opd = fields.Nested(OpdShortNameSchema, attribute="author_opd", allow_none=True)


class EventSchema(Schema):
    """A RequestEvent: one entry of a request's timeline."""

    id = fields.Integer()
    kind = fields.String()
    from_status = fields.String(allow_none=True)
    to_status = fields.String(allow_none=True)
    from_opd = fields.Nested(OpdShortNameSchema, allow_none=True)
    to_opd = fields.Nested(OpdShortNameSchema, allow_none=True)
    author = OwnFields(AuthorSchema, present=lambda event: event.author_role, allow_none=True)
    text = fields.String(allow_none=True)
    photos = fields.List(fields.Nested(PhotoSchema))
    is_internal = fields.Boolean()
    is_hidden = fields.Boolean()
    created_at = fields.DateTime()


class ModeratedCommentSchema(EventSchema):
    request_code = fields.String(attribute="request.code")


ModeratedCommentPageSchema = page_of(ModeratedCommentSchema, "ModeratedCommentPageSchema")


def _bbox(value: str) -> list[float]:
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        raise ValidationError("Give south,west,north,east in degrees.") from None
    if len(numbers) != 4 or numbers[0] > numbers[2] or numbers[1] > numbers[3]:
        raise ValidationError("Give south,west,north,east in degrees.")
    return numbers


class BBoxField(fields.String):
    def _deserialize(self, value, attr, data, **kwargs):
        return _bbox(super()._deserialize(value, attr, data, **kwargs))


class StatusListField(fields.String):
    """One status or several, comma-separated."""

    def _deserialize(self, value, attr, data, **kwargs):
        statuses = [part.strip() for part in super()._deserialize(value, attr, data, **kwargs).split(",")]
        unknown = [status for status in statuses if status not in STATUSES]
        if unknown:
            raise ValidationError(f"Must be one of: {', '.join(STATUSES)}.")
        return statuses


class RequestQueryArgsSchema(PageArgsSchema):
    service = fields.String(validate=validate.Length(max=40))
    status = StatusListField(metadata={"description": "One status or several, comma-separated"})
    kecamatan = fields.String(validate=validate.Length(max=24))
    kelurahan = fields.String(validate=validate.Length(max=24))
    bbox = BBoxField(metadata={"description": "south,west,north,east"})
    since = AwareTime()
    q = PlainText(
        validate=validate.Length(max=100),
        metadata={"description": "A tracking code, or text in the code, address or description"},
    )


class InboxQueryArgsSchema(RequestQueryArgsSchema):
    opd = fields.String(validate=validate.Length(max=32), metadata={"description": "Operators and admins"})
    overdue = fields.Boolean()
    service_code = fields.String(validate=validate.Length(max=40), metadata={"description": "As service"})


class ModerationArgsSchema(PageArgsSchema):
    hidden = fields.Boolean(metadata={"description": "Only hidden (true) or only visible (false) ones"})


class NearbyArgsSchema(Schema):
    lat = fields.Float(required=True, validate=validate.Range(min=-90, max=90))
    long = fields.Float(required=True, validate=validate.Range(min=-180, max=180))
    service = fields.String(required=True, validate=validate.Length(max=40))


class ViewArgsSchema(Schema):
    token = fields.String(
        validate=validate.Length(max=64), metadata={"description": "Anonymous tracking token"}
    )


class PhotoArgsSchema(Schema):
    sig = fields.String(validate=validate.Length(max=300))


class TransitionSchema(Schema):
    to = fields.String(required=True, validate=validate.OneOf(STATUSES))
    note = PlainText(validate=validate.Length(max=4000), allow_none=True)
    duplicate_of = fields.String(validate=validate.Length(max=16), allow_none=True)


class TextSchema(Schema):
    text = PlainText(required=True, validate=validate.Length(min=1, max=2000))


class RerouteSchema(Schema):
    opd = fields.String(required=True, validate=validate.Length(max=32))
    reason = PlainText(required=True, validate=validate.Length(min=3, max=1000))


class RatingSchema(Schema):
    rating = fields.Integer(required=True, validate=validate.Range(min=1, max=5))
    feedback = PlainText(validate=validate.Length(max=2000), allow_none=True)


class ReopenSchema(Schema):
    reason = PlainText(required=True, validate=validate.Length(min=3, max=2000))


class SupportSchema(Schema):
    supporter_count = fields.Integer()
    has_supported = fields.Boolean()
