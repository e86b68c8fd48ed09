"""Marshmallow schemas for push."""

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from ..places.schemas import KecamatanSchema, KelurahanSchema
from ..schemas import page_of
from ..text_fields import AwareTime, PlainText, record_id
from .models import TargetKind

TOPICS = ["alerts", "news"]
URGENCIES = ["very-low", "low", "normal", "high"]
MAX_TTL = 30 * 24 * 3600  # push services keep a message at most 30 days
# What an admin may target (a warning's withdrawal alone targets the recipients of its alert).
TARGET_KINDS = [kind.value for kind in TargetKind if kind != TargetKind.RECIPIENTS]


class KeysSchema(Schema):
    p256dh = fields.String(required=True, validate=validate.Length(min=80, max=100))
    auth = fields.String(required=True, validate=validate.Length(min=16, max=40))


class PreferencesSchema(Schema):
    endpoint = fields.String(required=True, validate=validate.Length(min=10, max=1024))
    topics = fields.List(fields.String(validate=validate.OneOf(TOPICS)), validate=validate.Length(max=2))
    kecamatan = fields.String(allow_none=True, validate=validate.Length(max=24))
    kelurahan = fields.String(allow_none=True, validate=validate.Length(max=24))
    locale = fields.String(validate=validate.OneOf(["id", "en"]))


class SubscribeSchema(PreferencesSchema):
    """The browser's PushSubscription JSON plus preferences."""

    keys = fields.Nested(KeysSchema, required=True)
    expirationTime = fields.Raw(allow_none=True, load_default=None, metadata={"description": "Ignored"})


class EndpointSchema(Schema):
    endpoint = fields.String(required=True, validate=validate.Length(min=10, max=1024))


class SubscriptionSchema(Schema):
    endpoint = fields.String()
    topics = fields.List(fields.String())
    kecamatan = fields.Pluck(KecamatanSchema, "code", allow_none=True)
    kelurahan = fields.Pluck(KelurahanSchema, "code", allow_none=True)
    locale = fields.String()


class ClickSchema(EndpointSchema):
    campaign = record_id(required=True)


class VapidKeySchema(Schema):
    public_key = fields.String(metadata={"description": "applicationServerKey, base64url"})


def _inside_app(url: str) -> None:
    if not url.startswith("/") or url.startswith("//") or "\\" in url:
        raise ValidationError("Use a path inside the app, such as /berita/...")


class TargetSchema(Schema):
    target_kind = fields.String(required=True, validate=validate.OneOf(TARGET_KINDS))
    target_values = fields.List(
        fields.String(validate=validate.Length(max=24)), load_default=list, validate=validate.Length(max=60)
    )

    @validates_schema
    def _values_fit_the_kind(self, data, **kwargs):
        kind, values = data["target_kind"], data.get("target_values", [])
        if kind != TargetKind.ALL and not values:
            raise ValidationError("Choose at least one.", "target_values")
        if kind == TargetKind.TOPIC and not set(values) <= set(TOPICS):
            raise ValidationError(f"Must be one of: {', '.join(TOPICS)}.", "target_values")


class CampaignCreateSchema(TargetSchema):
    title = PlainText(required=True, validate=validate.Length(min=1, max=100))
    body = PlainText(required=True, validate=validate.Length(min=1, max=300))
    # For devices set to English; without them every device gets the title and body above.
    title_en = PlainText(load_default=None, allow_none=True, validate=validate.Length(min=1, max=100))
    body_en = PlainText(load_default=None, allow_none=True, validate=validate.Length(min=1, max=300))
    is_alert = fields.Boolean(
        load_default=False, metadata={"description": "Also published as a CAP 1.2 alert (/alerts.atom)."}
    )
    url = fields.String(load_default="/", validate=validate.Length(max=300))
    urgency = fields.String(load_default="normal", validate=validate.OneOf(URGENCIES))
    ttl = fields.Integer(load_default=86400, validate=validate.Range(min=0, max=MAX_TTL))
    scheduled_at = AwareTime(allow_none=True)

    @validates("url")
    def _url(self, url, **kwargs):
        _inside_app(url)


class TargetArgsSchema(Schema):
    target_kind = fields.String(required=True, validate=validate.OneOf(TARGET_KINDS))
    target_values = fields.String(
        load_default="", metadata={"description": "Comma-separated codes or topics"}
    )


class CampaignSchema(Schema):
    id = fields.Integer()
    title = fields.String()
    body = fields.String()
    title_en = fields.String(allow_none=True)
    body_en = fields.String(allow_none=True)
    is_alert = fields.Boolean()
    url = fields.String()
    urgency = fields.String()
    ttl = fields.Integer()
    target_kind = fields.String()
    target_values = fields.List(fields.String())
    status = fields.String()
    scheduled_at = fields.DateTime(allow_none=True)
    started_at = fields.DateTime(allow_none=True)
    finished_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    targeted = fields.Integer()
    sent = fields.Integer()
    failed = fields.Integer()
    gone = fields.Integer()
    clicked = fields.Integer()
    duplicates_at_most = fields.Integer(
        metadata={"description": "Devices that may have had it twice: in flight when a worker died."}
    )


CampaignPageSchema = page_of(CampaignSchema, "CampaignPageSchema")


class CountSchema(Schema):
    targeted = fields.Integer()
