"""Domain errors and the one JSON error shape every answer uses.

Shape: {"code": 422, "status": "Unprocessable Entity", "message": "...", "errors": {...}}
("errors" only where fields are at fault). Messages are translated for the caller.
"""

import logging
from http import HTTPStatus

from flask import Flask, jsonify
from flask_limiter import RateLimitExceeded
from marshmallow import ValidationError
from sqlalchemy.exc import DataError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from werkzeug.exceptions import HTTPException

from .extensions import db, limiter
from .i18n import preferred_language, translate

log = logging.getLogger(__name__)

# However much was wrong, an error answer stays small: the first messages, then a count of the rest.
MAX_LISTED_ERRORS = 20
MAX_KEY_LENGTH = 60
MAX_TEXT_LENGTH = 500

DEFAULT_MESSAGES = {
    400: "The request could not be understood.",
    401: "Please log in first.",
    403: "You are not allowed to do this.",
    404: "Not found.",
    405: "This method is not allowed here.",
    409: "This conflicts with the current state.",
    413: "The upload is too large.",
    414: "The address (URL) is too long.",
    415: "This content type is not supported.",
    422: "Some fields are not valid.",
    429: "Too many attempts. Please wait and try again.",
    431: "The request headers are too large.",
    500: "Something went wrong on our side. Please try again later.",
    503: "This service is not available right now.",
}


DATABASE_BUSY = "The service is busy right now. Please try again in a few seconds."
RETRY_AFTER_SECONDS = "5"


class DomainError(Exception):
    """A rule of the domain was broken; services raise it, the handler answers it."""

    code = 400
    headers: dict | None = None

    def __init__(self, message: str | None = None, errors: dict | None = None):
        super().__init__(message)
        self.message = message or DEFAULT_MESSAGES[self.code]
        self.errors = errors


class Unauthorized(DomainError):
    code = 401


class Forbidden(DomainError):
    code = 403


class NotFound(DomainError):
    code = 404


class Conflict(DomainError):
    code = 409


class Unavailable(DomainError):
    code = 503


class TooManyRequests(DomainError):
    """Refused for now: try again in `retry_after` seconds."""

    code = 429

    def __init__(self, retry_after: int, message: str | None = None):
        super().__init__(message)
        self.retry_after = retry_after
        self.headers = {"Retry-After": str(retry_after)}


class Invalid(DomainError):
    """Field-level validation failed in a service: errors maps fields to messages."""

    code = 422


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _count_messages(node) -> int:
    if isinstance(node, dict):
        return sum(_count_messages(value) for value in node.values())
    if isinstance(node, list | tuple):
        return sum(_count_messages(value) for value in node)
    return 1


def listed_errors(errors) -> tuple[dict | list, int]:
    """The first MAX_LISTED_ERRORS messages of a (nested) error structure, translated for the caller,
    and how many were left out.

    Keys become short strings: marshmallow keys list items by int index next to field names, and
    JSON keys are strings anyway (the JSON provider sorts keys, and cannot sort 0 against "code")."""
    language = preferred_language()
    room = MAX_LISTED_ERRORS
    left_out = 0

    def keep(node):
        nonlocal room, left_out
        if not room:
            left_out += _count_messages(node)
            return None
        if isinstance(node, dict):
            kept = {_shorten(str(key), MAX_KEY_LENGTH): keep(value) for key, value in node.items()}
            return {key: value for key, value in kept.items() if value is not None}
        if isinstance(node, list | tuple):
            return [value for value in map(keep, node) if value is not None]
        room -= 1
        return _shorten(translate(str(node), language), MAX_TEXT_LENGTH)

    return keep(errors), left_out


def error_response(code: int, message: str | None = None, errors: dict | None = None, headers=None):
    """Build the one error answer; every error path comes through here."""
    message = translate(message or DEFAULT_MESSAGES.get(code) or HTTPStatus(code).phrase)
    payload = {"code": code, "status": HTTPStatus(code).phrase, "message": _shorten(message, MAX_TEXT_LENGTH)}
    if errors:
        listed, left_out = listed_errors(errors)
        payload["errors"] = listed
        if left_out:
            payload["message"] += " " + translate(f"{left_out} more problems are not listed.")
    response = jsonify(payload)
    response.status_code = code
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _flatten_locations(messages: dict) -> dict:
    """webargs keys errors by location ({"json": {...}}); callers only care about the fields."""
    flat: dict = {}
    for location_errors in messages.values():
        if isinstance(location_errors, dict):
            flat.update(location_errors)
    return flat


def handle_http_exception(error: HTTPException):
    data = getattr(error, "data", None) or {}
    errors = data.get("errors") or (_flatten_locations(data["messages"]) if "messages" in data else None)
    message = data.get("message")
    if error.code == 422 and not message:
        message = DEFAULT_MESSAGES[422]
    elif not message and error.code not in DEFAULT_MESSAGES:
        message = error.description
    headers = dict(data.get("headers") or {})
    if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    return error_response(error.code or 500, message, errors, headers)


def handle_domain_error(error: DomainError):
    db.session.rollback()
    return error_response(error.code, error.message, error.errors, error.headers)


def handle_rate_limited(error: RateLimitExceeded):
    """A limit of Flask-Limiter is used up: say when it lets the caller through again."""
    return error_response(429, headers={"Retry-After": str(limiter.retry_after())})


def handle_validation_error(error: ValidationError):
    """Input checked by a schema inside a handler (multipart forms, headers)."""
    errors = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
    return error_response(422, errors=errors)


def handle_data_error(error: DataError):
    """PostgreSQL refuses a NUL byte in any text, even in a lookup: the input is at fault, not the server."""
    if "NUL" not in str(error.orig):
        return handle_unexpected_error(error)
    db.session.rollback()
    return error_response(400)


def handle_database_unavailable(error: Exception):
    """The database did not answer in time (or is away): the request can be tried again shortly,
    and nothing of it was kept."""
    try:
        db.session.rollback()
    except SQLAlchemyError:  # the connection itself is gone; the pool replaces it
        pass
    log.warning("Database unavailable: %s", error)
    return error_response(503, DATABASE_BUSY, headers={"Retry-After": RETRY_AFTER_SECONDS})


def handle_unexpected_error(error: Exception):
    """Roll back whatever the request left half done and tell nothing of the cause."""
    db.session.rollback()
    log.exception("Unhandled error", exc_info=error)
    return error_response(500)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(RateLimitExceeded, handle_rate_limited)
    app.register_error_handler(DomainError, handle_domain_error)
    app.register_error_handler(ValidationError, handle_validation_error)
    app.register_error_handler(DataError, handle_data_error)
    app.register_error_handler(OperationalError, handle_database_unavailable)
    app.register_error_handler(PoolTimeout, handle_database_unavailable)
    app.register_error_handler(Exception, handle_unexpected_error)
