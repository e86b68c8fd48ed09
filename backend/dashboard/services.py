"""Command-center use cases: scopes from filters, cached read models (the CSV export: export.py)."""

from sqlalchemy import select

from ..errors import Invalid
from ..extensions import db
from ..incidents.models import Incident
from ..outages import read_through
from ..places.models import Kecamatan, Opd
from ..places.services import city_timezone
from . import queries


def code_id(model, code: str | None, field: str) -> int | None:
    if not code:
        return None
    found = db.session.scalar(select(model.id).where(model.code == code))
    if found is None:
        raise Invalid(errors={field: [f"Unknown {field}."]})
    return found


def scope_from(args: dict) -> queries.Scope:
    return queries.make_scope(
        args["days"],
        city_timezone(),
        kecamatan_id=code_id(Kecamatan, args.get("kecamatan"), "kecamatan"),
        opd_id=code_id(Opd, args.get("opd"), "opd"),
        incident_id=_incident_id(args.get("incident")),
    )


def _incident_id(incident_id: int | None) -> int | None:
    if incident_id is not None and db.session.get(Incident, incident_id) is None:
        raise Invalid(errors={"incident": ["Unknown incident."]})
    return incident_id


def cached(name: str, args: dict, compute):
    """A read model, computed at most every few seconds however many screens refresh it (and
    every time while the cache's Redis is down)."""
    return read_through(f"dashboard:{name}:{sorted((k, str(v)) for k, v in args.items())}", compute)
