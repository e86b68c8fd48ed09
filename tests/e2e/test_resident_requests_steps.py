"""Reusable steps for the resident request tests: file through the live API, move a request along
the workflow as its OPD would, make residents. No tests live here."""

import json
import uuid

from backend.security import Role
from backend.service_requests import workflow

from ..factories import auth_headers, make_user, point_in, valid_attributes

# Manggar, Balikpapan Timur: a kelurahan of the seeded city pack.
KELURAHAN = "64.71.01.1001"
STAFF_PATH = {
    "accepted": ("accepted",),
    "in_progress": ("accepted", "in_progress"),
    "resolved": ("accepted", "in_progress", "resolved"),
    "closed": ("accepted", "in_progress", "resolved", "closed"),
}


def make_resident(**fields):
    """A resident who can log in with factories.PASSWORD."""
    return make_user(role=Role.RESIDENT, **fields)


def file_request_via_api(
    page, user=None, service_code: str = "jalan-berlubang", photo: bytes | None = None, **fields
) -> dict:
    """Files a request through the live server's API, as `user` (anonymous without), with the
    service's required attributes and a map point in KELURAHAN, and a JPEG `photo` if given (then as
    multipart); answers the API's JSON (an anonymous filing carries its tracking_token)."""
    lat, long = point_in(KELURAHAN)
    body = {
        "service_code": service_code,
        "description": "Lubang besar di depan sekolah, berbahaya untuk motor.",
        "attributes": valid_attributes(service_code),
        "lat": lat,
        "long": long,
        "address": "Jl. Mulawarman No. 12",
        "kelurahan": KELURAHAN,
    } | fields
    headers = {"Idempotency-Key": str(uuid.uuid4())} | (auth_headers(user) if user else {})
    if photo is None:
        response = page.request.post("/api/v1/requests", data=body, headers=headers)
    else:
        form = {name: value for name, value in body.items() if value is not None}
        form["attributes"] = json.dumps(form["attributes"])
        form["public"] = json.dumps(form.get("public", True))
        form["photos"] = {"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": photo}
        response = page.request.post("/api/v1/requests", multipart=form, headers=headers)
    assert response.status == 201, response.text()
    return response.json()


def advance_request(code: str, to: str, opd_code: str = "DPU") -> None:
    """Moves a request to `to` through the real workflow, step by step, as staff of its OPD."""
    staff = make_user(role=Role.OPD_STAFF, opd_code=opd_code)
    for status in STAFF_PATH[to]:
        note = "Sudah ditambal dan dipadatkan." if status == "resolved" else None
        workflow.change_status(code, staff, status, note)
