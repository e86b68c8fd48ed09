"""What every request passes before any handler: a URL and headers of sane size, and a JSON body
that is small, shallow, well-formed and made of text that can be stored. Also the one rule for
endpoints that read a JSON object: without one, the request is refused, not read as "no changes".

The checks run first of all hooks (Flask-Limiter's reads the login out of the body), so a handler,
a schema or a key function never meets a body that would crash it.
"""

import json
import re

from flask import Flask, current_app, request
from flask_smorest import abort
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import BadRequest

INVALID_JSON = "Invalid JSON body."
TOO_DEEP = "The JSON is nested too deeply."
NOT_TEXT = "Contains a character that is not valid text (a lone surrogate)."
NOT_JSON = "Send the data as JSON (Content-Type: application/json)."
NOT_AN_OBJECT = "Send the fields as a JSON object."

# A string literal in JSON text, escapes included; what is inside one is not structure.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKETS = bytes.maketrans(b"{}", b"[]")
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))
_OPEN = ord("[")
# In a body known to be UTF-8, only an escape can bring a surrogate in.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# The two headers a WSGI environ holds without "HTTP_".
CONTENT_HEADERS = ("CONTENT_TYPE", "CONTENT_LENGTH")


class RefusedJson(ValueError):
    """Well-formed JSON the app will not read; `message` says why, for a person."""

    def __init__(self, message: str, field: str = "_schema"):
        super().__init__(message)
        self.message = message
        self.field = field


def nested_deeper_than(raw: bytes, limit: int) -> bool:
    """Whether JSON text opens more than `limit` arrays or objects inside each other, counted on the
    bytes, without parsing: strings dropped, then the brackets alone."""
    brackets = _STRING.sub(b"", raw).translate(_BRACKETS, _NOT_BRACKETS)
    depth = 0
    for byte in brackets:
        if byte == _OPEN:
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _lone_surrogate_in(value) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_lone_surrogate_in(key) or _lone_surrogate_in(item) for key, item in value.items())
    if isinstance(value, list):
        return any(_lone_surrogate_in(item) for item in value)
    return False


def check_text(raw: bytes, value) -> None:
    """Refuse parsed JSON holding a lone surrogate ("\\ud800"): Python keeps one in a str, but no
    UTF-8 text (PostgreSQL, a JSON answer, a log line) can. The field named is the top-level one."""
    if not _SURROGATE_ESCAPE.search(raw) or not _lone_surrogate_in(value):
        return
    fields = value.items() if isinstance(value, dict) else ()
    field = next(
        (key for key, item in fields if _lone_surrogate_in(item) and not _lone_surrogate_in(key)), None
    )
    raise RefusedJson(NOT_TEXT, field or "_schema")


def loads(text: str):
    """json.loads for JSON text inside a request (a form field): RefusedJson for nesting deeper than
    MAX_JSON_DEPTH or a lone surrogate, ValueError for text that is not JSON."""
    raw = text.encode()
    if nested_deeper_than(raw, current_app.config["MAX_JSON_DEPTH"]):
        raise RefusedJson(TOO_DEEP)
    value = json.loads(raw)
    check_text(raw, value)
    return value


def oversized(req, config) -> int | None:
    """414 for a URL over MAX_URL_LENGTH, 431 for more header lines than MAX_HEADER_COUNT or one over
    MAX_HEADER_LENGTH, else None (also asked by the fast path of shared-cache hits, fast_hits.py)."""
    environ = req.environ
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI") or req.full_path
    if len(target) > config["MAX_URL_LENGTH"]:
        return 414
    # Each header line's length (name, ": ", value, CRLF) read off the WSGI environ, where a name is
    # as long as its key without "HTTP_" (quicker than Werkzeug's headers, for fast_hits.py).
    lengths = [
        len(key) - 1 + len(value)
        for key, value in environ.items()
        if key.startswith("HTTP_") and key[5:] not in CONTENT_HEADERS
    ]
    lengths += [len(key) + 4 + len(environ[key]) for key in CONTENT_HEADERS if environ.get(key)]
    if len(lengths) > config["MAX_HEADER_COUNT"] or max(lengths, default=0) > config["MAX_HEADER_LENGTH"]:
        return 431
    return None


def _check_json_body(config) -> None:
    """At most MAX_JSON_LENGTH bytes (uploads go as multipart, under MAX_CONTENT_LENGTH), nested at
    most MAX_JSON_DEPTH deep, and only storable text. The parsed body is kept for the handler."""
    request.max_content_length = min(config["MAX_JSON_LENGTH"], config["MAX_CONTENT_LENGTH"] or float("inf"))
    raw = request.get_data(cache=True)
    if not raw.strip():
        return  # whether an empty body will do is the endpoint's business
    if nested_deeper_than(raw, config["MAX_JSON_DEPTH"]):
        abort(400, message=TOO_DEEP)
    try:
        raw.decode()  # strictly: Flask's reading lets a surrogate encoded in UTF-8 bytes through
        body = request.get_json()
    except (UnicodeDecodeError, BadRequest):
        abort(400, message=INVALID_JSON)
    try:
        check_text(raw, body)
    except RefusedJson as refusal:
        abort(422, errors={refusal.field: [refusal.message]})


def json_object_body() -> dict:
    """The JSON object an endpoint reads: another content type is a 415; a missing, empty or
    non-object body a 422."""
    if not request.is_json:
        if request.content_length or request.headers.get("Transfer-Encoding"):
            abort(415, message=NOT_JSON)
        abort(422, message=NOT_AN_OBJECT)
    body = request.get_json(silent=True) if request.get_data(cache=True).strip() else None
    if not isinstance(body, dict):
        abort(422, message=NOT_AN_OBJECT)
    return body


class JsonBodyParser(FlaskParser):
    """webargs' parser, with json_object_body() behind every JSON schema (webargs alone reads a
    missing or form-encoded body as an empty object: a PATCH that answers 200 and changes nothing)."""

    def load_json(self, req, schema):
        return json_object_body()


def check_request() -> None:
    config = current_app.config
    if code := oversized(request, config):
        abort(code)
    if request.is_json:
        _check_json_body(config)


def register_request_guard(app: Flask) -> None:
    """Put the checks ahead of every other before_request hook, extensions' included."""
    app.before_request_funcs.setdefault(None, []).insert(0, check_request)
