"""Marshmallow schemas for the privacy notice, consents and the data export's state."""

from flask import url_for
from marshmallow import Schema, fields

from ..places.schemas import OpdContactSchema
from .models import ExportStatus, Purpose

STATES = [*ExportStatus, "none"]


class LanguagesSchema(Schema):
    id = fields.String()
    en = fields.String()


class RetentionSchema(Schema):
    reporter_contacts_months = fields.Integer(
        metadata={"description": "Reporter contacts on closed requests are removed this long after closing"}
    )
    audit_trail_months = fields.Integer(metadata={"description": "How long the audit trail is kept"})


class NoticeSchema(Schema):
    version = fields.String(metadata={"description": "What registration sends as privacy_version"})
    published = fields.Date()
    controller = fields.Nested(OpdContactSchema, metadata={"description": "The data controller (an OPD)"})
    retention = fields.Nested(RetentionSchema)
    text = fields.Nested(LanguagesSchema, metadata={"description": "Markdown per language"})
    html = fields.Nested(LanguagesSchema, metadata={"description": "The same, rendered and sanitised"})


class NoticeStateSchema(Schema):
    accepted_version = fields.String(allow_none=True)
    accepted_at = fields.DateTime(allow_none=True)
    current_version = fields.String()


class ConsentStateSchema(Schema):
    purpose = fields.String(metadata={"enum": [Purpose.PUSH.value, Purpose.LOCATION.value]})
    granted = fields.Boolean()
    at = fields.DateTime(allow_none=True, metadata={"description": "When it was last given or withdrawn"})
    notice_version = fields.String(allow_none=True)


class ConsentRecordSchema(Schema):
    purpose = fields.String(metadata={"enum": [purpose.value for purpose in Purpose]})
    granted = fields.Boolean()
    at = fields.DateTime()
    notice_version = fields.String()


class ConsentsSchema(Schema):
    notice = fields.Nested(NoticeStateSchema)
    items = fields.List(fields.Nested(ConsentStateSchema))
    history = fields.List(fields.Nested(ConsentRecordSchema), metadata={"description": "Newest first"})


class ConsentsUpdateSchema(Schema):
    push = fields.Boolean(metadata={"description": "False removes every push subscription of the account"})
    location = fields.Boolean()


class NoticeAcceptSchema(Schema):
    version = fields.String(required=True, metadata={"description": "The current notice's version"})


class ExportSchema(Schema):
    status = fields.String(
        metadata={"enum": STATES, "description": "none: no export, or the last one has expired"}
    )
    created_at = fields.DateTime(allow_none=True)
    ready_at = fields.DateTime(allow_none=True)
    expires_at = fields.DateTime(allow_none=True, metadata={"description": "24 hours after it was made"})
    size = fields.Integer(allow_none=True, metadata={"description": "bytes"})
    download_url = fields.Method("_download_url", allow_none=True, metadata={"type": "string"})

    def _download_url(self, export) -> str | None:
        if export.status != ExportStatus.READY:
            return None
        return url_for("privacy.download_export", file_name=export.file_name)
