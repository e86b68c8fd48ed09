"""The Idempotency-Key header: a client's UUID that makes a resent POST answer the first one."""

import uuid

from flask import request
from marshmallow import ValidationError

HEADER_DOC = {"in": "header", "name": "Idempotency-Key", "schema": {"type": "string", "format": "uuid"}}


def idempotency_key() -> str | None:
    """The request's key in its canonical form, None without one; 422 when it is not a UUID."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    try:
        return str(uuid.UUID(key))
    except ValueError:
        raise ValidationError({"idempotency_key": ["Not a valid UUID."]}) from None
