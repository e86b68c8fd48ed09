"""Marshmallow schemas for incidents: the responses dump the incident, its timeline entries, the
requests linked to it and the campaigns of its area alerts."""

from marshmallow import Schema, fields, validate

from ..schemas import CodeNameSchema, OpdShortNameSchema, PageArgsSchema, page_of
from ..text_fields import PlainText, record_id
from .actions import alert_texts
from .models import IncidentState
from .services import failed_deliveries, pending_deliveries

STATES = [state.value for state in IncidentState]


class StateListField(fields.String):
    """One state or several, comma-separated."""

    def _deserialize(self, value, attr, data, **kwargs):
        states = [part.strip() for part in super()._deserialize(value, attr, data, **kwargs).split(",")]
        validate.ContainsOnly(STATES)(states)
        return states


class IncidentQueryArgsSchema(PageArgsSchema):
    state = StateListField(metadata={"description": "One state or several, comma-separated"})
    group = fields.String(validate=validate.Length(max=40))
    kelurahan = fields.String(validate=validate.Length(max=24))


class IncidentCreateSchema(Schema):
    group = fields.String(required=True, validate=validate.Length(max=40))
    kelurahan = fields.List(
        fields.String(validate=validate.Length(max=24)),
        required=True,
        validate=validate.Length(min=1, max=60),
    )
    description = PlainText(required=True, validate=validate.Length(min=1, max=500))
    lead_opd = fields.String(validate=validate.Length(max=32))


class IncidentDismissSchema(Schema):
    reason = PlainText(required=True, validate=validate.Length(min=1, max=300))


class IncidentMergeSchema(Schema):
    other = record_id(required=True, metadata={"description": "The incident folded into this one"})


class IncidentRequestsSchema(Schema):
    requests = fields.List(
        fields.String(validate=validate.Length(max=16)),
        required=True,
        validate=validate.Length(min=1, max=500),
    )


class IncidentLeadOpdSchema(Schema):
    opd = fields.String(required=True, validate=validate.Length(max=32))


class IncidentNoteSchema(Schema):
    text = PlainText(required=True, validate=validate.Length(min=1, max=2000))


class IncidentAlertCreateSchema(Schema):
    """Leave a text out to send the prefilled one."""

    title = PlainText(validate=validate.Length(min=1, max=100))
    body = PlainText(validate=validate.Length(min=1, max=300))
    title_en = PlainText(validate=validate.Length(min=1, max=100))
    body_en = PlainText(validate=validate.Length(min=1, max=300))


class IncidentUpdateCreateSchema(Schema):
    title = PlainText(required=True, validate=validate.Length(min=1, max=200))
    summary = PlainText(required=True, validate=validate.Length(min=1, max=500))
    body = fields.String(validate=validate.Length(max=20000), metadata={"description": "Markdown"})


class IncidentCloseSchema(Schema):
    message = PlainText(required=True, validate=validate.Length(min=1, max=1000))


class IncidentNearbyArgsSchema(Schema):
    lat = fields.Float(required=True, validate=validate.Range(min=-90, max=90))
    long = fields.Float(required=True, validate=validate.Range(min=-180, max=180))
    service = fields.String(required=True, validate=validate.Length(max=40))


class IncidentKindSchema(Schema):
    code = fields.String()
    name = fields.Raw(metadata={"description": '{"id": ..., "en": ...}'})


class ArticleHeadingSchema(Schema):
    """What every answer naming a status update's article shows of it."""

    slug = fields.String()
    title = fields.String()
    published_at = fields.DateTime()


class IncidentUpdateSchema(ArticleHeadingSchema):
    summary = fields.String()


class PublicIncidentSchema(Schema):
    id = fields.Integer()
    status = fields.String(attribute="state", metadata={"description": "active or resolved"})
    kind = fields.Nested(IncidentKindSchema, attribute="group")
    area = fields.List(fields.Nested(CodeNameSchema), attribute="kelurahan")
    started_at = fields.DateTime()
    resolved_at = fields.DateTime(allow_none=True)
    closing_message = fields.String(attribute="close_message", allow_none=True)
    report_count = fields.Integer()
    updates = fields.List(fields.Nested(IncidentUpdateSchema), attribute="public_updates")


class IncidentWarningSchema(Schema):
    id = fields.Integer()
    event = fields.String()
    severity = fields.String()
    expires_at = fields.DateTime(allow_none=True)


class IncidentSchema(Schema):
    id = fields.Integer()
    state = fields.String()
    source = fields.String(metadata={"description": "detection or manual"})
    kind = fields.Nested(IncidentKindSchema, attribute="group")
    area = fields.List(fields.Nested(CodeNameSchema), attribute="kelurahan")
    reason = fields.Raw(metadata={"description": 'Why it fired: {"id": ..., "en": ...}'})
    window_count = fields.Integer(allow_none=True)
    baseline = fields.Float(allow_none=True)
    lead_opd = fields.Nested(OpdShortNameSchema, allow_none=True)
    warnings = fields.List(fields.Nested(IncidentWarningSchema))
    report_count = fields.Integer()
    created_at = fields.DateTime()
    confirmed_at = fields.DateTime(allow_none=True)
    resolved_at = fields.DateTime(allow_none=True)
    dismissed_at = fields.DateTime(allow_none=True)
    dismiss_reason = fields.String(allow_none=True)
    close_message = fields.String(allow_none=True)
    merged_into = fields.Integer(attribute="merged_into_id", allow_none=True)


IncidentPageSchema = page_of(IncidentSchema, "IncidentPageSchema")


class IncidentAuthorSchema(Schema):
    name = fields.String()
    role = fields.String()


class IncidentEventSchema(Schema):
    id = fields.Integer()
    kind = fields.String()
    author = fields.Nested(IncidentAuthorSchema, allow_none=True, metadata={"description": "null: detection"})
    text = fields.String(allow_none=True)
    data = fields.Raw()
    created_at = fields.DateTime()


class LinkedRequestSchema(Schema):
    code = fields.String(metadata={"description": "The request's own code, its Open311 service_request_id"})
    service = fields.Pluck(CodeNameSchema, "code")
    status = fields.String()
    kelurahan = fields.Pluck(CodeNameSchema, "code", allow_none=True)
    opd = fields.Pluck(CodeNameSchema, "code")
    lat = fields.Float(allow_none=True)
    long = fields.Float(allow_none=True)
    created_at = fields.DateTime()


LinkedRequestPageSchema = page_of(LinkedRequestSchema, "LinkedRequestPageSchema")


class AlertDeliverySchema(Schema):
    """An area alert's campaign as its batches count it: devices targeted, sent, failed (gone ones
    included) and still to send."""

    campaign = fields.Integer(attribute="id")
    title = fields.String()
    status = fields.String()
    created_at = fields.DateTime()
    finished_at = fields.DateTime(allow_none=True)
    targeted = fields.Integer(metadata={"description": "Devices in the incident's kelurahan"})
    sent = fields.Integer()
    failed = fields.Function(
        failed_deliveries, metadata={"type": "integer", "description": "Refused by the push service or gone"}
    )
    pending = fields.Function(
        pending_deliveries,
        metadata={"type": "integer", "description": "Still to send; 0 once the campaign has ended"},
    )


class IncidentDetailSchema(IncidentSchema):
    """Dumps presenters.as_read_by(): `alerts` is left out for OPD staff."""

    timeline = fields.List(fields.Nested(IncidentEventSchema), attribute="events")
    alert_draft = fields.Function(alert_texts, metadata={"description": "The prefilled area alert texts"})
    alerts = fields.List(
        fields.Nested(AlertDeliverySchema),
        metadata={"description": "Operators and admins only: the delivery of each area alert sent from it"},
    )


class IncidentArticleSchema(ArticleHeadingSchema):
    expires_at = fields.DateTime()


class IncidentAlertSchema(Schema):
    id = fields.Integer()
    status = fields.String()
    title = fields.String()
    target_values = fields.List(fields.String())
    is_alert = fields.Boolean()


class HourCountSchema(Schema):
    hour = fields.DateTime(metadata={"description": "The hour's start (UTC)"})
    count = fields.Integer(metadata={"description": "Linked reports filed in that hour"})


class SituationAlertSchema(AlertDeliverySchema):
    body = fields.String()
    title_en = fields.String(allow_none=True)
    body_en = fields.String(allow_none=True)


class SituationUpdateSchema(IncidentUpdateSchema):
    expires_at = fields.DateTime(allow_none=True)


class IncidentSituationSchema(IncidentDetailSchema):
    """Dumps situation.situation_report()."""

    generated_at = fields.DateTime()
    hourly = fields.List(
        fields.Nested(HourCountSchema),
        metadata={"description": "Every hour from the first report to the close (or now), a week at most"},
    )
    alerts = fields.List(
        fields.Nested(SituationAlertSchema), metadata={"description": "Area alerts sent: delivery and words"}
    )
    updates = fields.List(
        fields.Nested(SituationUpdateSchema),
        attribute="update_articles",
        metadata={"description": "Public updates"},
    )
    open_requests = fields.List(
        fields.Nested(LinkedRequestSchema), metadata={"description": "Every linked request still open"}
    )
