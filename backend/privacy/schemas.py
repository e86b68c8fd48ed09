"""The data export's state as the owner reads it."""

from flask import url_for
from marshmallow import Schema, fields

from .models import ExportStatus

STATES = [*ExportStatus, "none"]


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
