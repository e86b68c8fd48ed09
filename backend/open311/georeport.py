"""The GeoReport v2 endpoints under /open311/v2, in JSON and XML.

Errors here use the spec's format ([{"code", "description"}]), not the /api/v1 shape."""

import re
import uuid

from flask import Blueprint, current_app, request
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.exceptions import HTTPException

from ..errors import DEFAULT_MESSAGES, DomainError
from ..extensions import db, limiter
from ..http_cache import cacheable
from ..i18n import translate
from ..text_fields import AwareTime, PlainText
from . import presenters, services
from .formats import render, render_error

bp = Blueprint("open311_georeport", __name__, url_prefix="/open311/v2")
FORMAT = "<any(json, xml):fmt>"
ATTRIBUTE = re.compile(r"^attribute\[(\w+)\](\[\])?$")
# Open311 answers only with these codes; the rest of ours map onto them.
SPEC_CODES = {401: 403, 409: 400, 413: 400, 415: 400, 422: 400}


class CommaList(fields.String):
    def _deserialize(self, value, attr, data, **kwargs):
        return [
            part.strip()
            for part in super()._deserialize(value, attr, data, **kwargs).split(",")
            if part.strip()
        ]


class RequestsQuery(Schema):
    service_request_id = CommaList()
    service_code = CommaList()
    start_date = AwareTime()
    end_date = AwareTime()
    status = CommaList(validate=validate.ContainsOnly(["open", "closed"]))
    page = fields.Integer(validate=validate.Range(min=1, max=100_000))
    page_size = fields.Integer(validate=validate.Range(min=1, max=services.MAX_PAGE_SIZE))
    jurisdiction_id = fields.String()


class RequestPost(Schema):
    service_code = fields.String(required=True, validate=validate.Length(max=40))
    lat = fields.Float(validate=validate.Range(min=-90, max=90))
    long = fields.Float(validate=validate.Range(min=-180, max=180))
    address_string = PlainText(validate=validate.Length(max=300))
    description = PlainText(load_default="", validate=validate.Length(max=4000))
    email = fields.Email()
    phone = PlainText(validate=validate.Length(max=32))
    first_name = PlainText(validate=validate.Length(max=60))
    last_name = PlainText(validate=validate.Length(max=60))


def _fmt() -> str:
    return (request.view_args or {}).get("fmt", "json")


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException):
    message = DEFAULT_MESSAGES.get(error.code, error.name)
    return render_error(SPEC_CODES.get(error.code, error.code), translate(message), _fmt())


def _describe(errors, prefix: str = "") -> list[str]:
    """Nested field errors as flat, readable lines: "attribute[nik]: Wajib diisi."."""
    if isinstance(errors, dict):
        lines = []
        for field, nested in errors.items():
            name = f"{prefix}[{field}]" if prefix else str(field)
            lines += _describe(nested, "attribute" if name == "attributes" else name)
        return lines
    if isinstance(errors, list):
        return [line for item in errors for line in _describe(item, prefix)]
    return [f"{prefix}: {translate(errors)}" if prefix else translate(errors)]


@bp.errorhandler(DomainError)
def _domain_error(error: DomainError):
    db.session.rollback()
    details = "; ".join(_describe(error.errors or {}))
    return render_error(SPEC_CODES.get(error.code, error.code), details or translate(error.message), _fmt())


@bp.errorhandler(ValidationError)
def _invalid(error: ValidationError):
    return render_error(400, "; ".join(_describe(error.messages)), _fmt())


@bp.route(f"/discovery.{FORMAT}")
def discovery(fmt):
    return render(presenters.discovery(current_app.config.get("OPEN311_CONTACT")), "discovery", fmt)


@bp.route(f"/services.{FORMAT}")
@cacheable(max_age=0, shows=("catalog", "places"))
def list_services(fmt):
    return render([presenters.service(item) for item in services.list_services()], "services", fmt)


@bp.route(f"/services/<code>.{FORMAT}")
@cacheable(max_age=0, shows=("catalog", "places"))
def service_definition(code, fmt):
    return render(presenters.service_definition(services.get_service(code)), "service_definition", fmt)


@bp.route(f"/requests.{FORMAT}", methods=["GET"])
@cacheable(max_age=0, shows=("service_requests", "catalog", "places"))
def list_requests(fmt):
    found = services.find_requests(RequestsQuery().load(request.args.to_dict()))
    notes = services.status_notes(found)
    return render([presenters.request(item, notes.get(item.id)) for item in found], "service_requests", fmt)


def _attributes(form) -> dict:
    """attribute[CODE]=value and attribute[CODE][]=value (several) as one dict."""
    values = {}
    for name in form:
        match = ATTRIBUTE.match(name)
        if match:
            values[match[1]] = form.getlist(name) if match[2] else form[name]
    return values


def _api_key() -> str:
    return "open311:" + (request.form.get("api_key") or request.remote_addr or "")


@bp.route(f"/requests.{FORMAT}", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_OPEN311"], key_func=_api_key)
def create_request(fmt):
    key = services.check_key(request.form.get("api_key"))
    plain = {name: value for name, value in request.form.items() if name in RequestPost().fields}
    data = RequestPost().load(plain)
    if data.get("lat") is None and not data.get("address_string"):
        raise ValidationError({"lat": ["Give lat and long, or address_string."]})
    contact = {
        "name": " ".join(filter(None, [data.get("first_name"), data.get("last_name")])) or None,
        "email": data.get("email"),
        "phone": data.get("phone"),
    }
    idempotency = request.headers.get("Idempotency-Key")
    filed = services.file_request(
        key,
        {
            "service_code": data["service_code"],
            "description": data["description"],
            "attributes": _attributes(request.form),
            "lat": data.get("lat"),
            "long": data.get("long"),
            "address": data.get("address_string"),
            "contact": contact if any(contact.values()) else None,
        },
        str(uuid.uuid5(uuid.NAMESPACE_URL, f"{key.id}:{idempotency}")) if idempotency else None,
    )
    answer = [{"service_request_id": filed.code, "service_notice": None, "account_id": None}]
    return render(answer, "service_requests", fmt)


@bp.route(f"/requests/<code>.{FORMAT}")
@cacheable(max_age=0, shows=("service_requests", "catalog", "places"))
def get_request(code, fmt):
    item = services.get_request(code)
    return render(
        [presenters.request(item, services.status_notes([item]).get(item.id))], "service_requests", fmt
    )


@bp.route(f"/tokens/<token>.{FORMAT}")
def get_token(token, fmt):
    item = services.find_by_token(token)
    return render([{"service_request_id": item.code, "token": token}], "service_requests", fmt)


@bp.route("/<path:unknown>")
def unknown_path(unknown):
    return render_error(404, translate("Not found."), "xml" if unknown.endswith(".xml") else "json")
