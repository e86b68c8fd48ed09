"""Answers of the operations endpoints."""

from marshmallow import Schema, fields


class PeriodicJobSchema(Schema):
    name = fields.String(metadata={"description": "The job, e.g. start_due_campaigns."})
    last_run_at = fields.DateTime(allow_none=True)
    last_success_at = fields.DateTime(allow_none=True)
    last_error = fields.String(allow_none=True)
    last_error_at = fields.DateTime(allow_none=True)
    last_duration_ms = fields.Integer(allow_none=True)
    runs = fields.Integer()
    failures = fields.Integer()
    late = fields.Boolean(metadata={"description": "No success within JOB_STALE_SECONDS."})
