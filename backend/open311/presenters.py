"""The GeoReport v2 shapes of services, service definitions and requests."""

from datetime import datetime

from flask import url_for

from ..catalog.models import Service, ServiceAttribute
from ..i18n import preferred_language
from ..places.services import city_timezone
from ..service_requests.models import ServiceRequest, Status
from ..service_requests.photos import photo_urls

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"


def _text(value: dict | None) -> str | None:
    if not value:
        return None
    return value.get(preferred_language()) or value.get("id")


def _time(moment: datetime | None) -> str | None:
    return moment.astimezone(city_timezone()).isoformat(timespec="seconds") if moment else None


def discovery(contact: str | None) -> dict:
    return {
        "changeset": "2026-11-28T00:00:00Z",
        "contact": contact or "",
        "key_service": "Ask the city's Diskominfo for an api_key.",
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": url_for("open311_georeport.discovery", fmt="json", _external=True).rsplit("/", 1)[0],
                "changeset": "2026-11-28T00:00:00Z",
                "type": "production",
                "formats": ["application/json", "text/xml"],
            }
        ],
    }


def service(item: Service) -> dict:
    return {
        "service_code": item.code,
        "service_name": _text(item.name),
        "description": _text(item.description),
        "metadata": bool(item.active_attributes),
        "type": "realtime",
        "keywords": ",".join(item.keywords or []),
        "group": _text(item.group.name),
    }


def _attribute(attribute: ServiceAttribute) -> dict:
    answer = {
        "variable": True,
        "code": attribute.code,
        "datatype": attribute.datatype,
        "required": attribute.required,
        "datatype_description": _text(attribute.description),
        "order": attribute.position + 1,
        "description": _text(attribute.label),
    }
    if attribute.values:
        answer["values"] = [{"key": value["key"], "name": _text(value["name"])} for value in attribute.values]
    return answer


def service_definition(item: Service) -> dict:
    return {"service_code": item.code, "attributes": [_attribute(a) for a in item.active_attributes]}


def request(item: ServiceRequest, status_notes: str | None) -> dict:
    closed = item.status in (Status.RESOLVED, Status.CLOSED, Status.REJECTED)
    photos = item.report_photos
    return {
        "service_request_id": item.code,
        "status": "closed" if closed else "open",
        "status_notes": status_notes,
        "service_name": _text(item.service.name),
        "service_code": item.service.code,
        "description": item.description or None,
        "agency_responsible": item.opd.name,
        "service_notice": None,
        "requested_datetime": _time(item.created_at),
        "updated_datetime": _time(item.closed_at or item.resolved_at or item.updated_at),
        "expected_datetime": _time(item.sla_due_at),
        "address": item.address,
        "address_id": None,
        "zipcode": None,
        "lat": item.lat,
        "long": item.long,
        "media_url": photo_urls(item, photos[0], external=True)["url"] if photos else None,
    }
