"""Command-center use cases: scopes from filters, cached read models (the CSV export: export.py)."""

from ..errors import Invalid
from ..extensions import db
from ..incidents.models import Incident
from ..lookups import by_code
from ..outages import read_through
from ..places.models import Kecamatan, Opd
from ..places.services import city_timezone
from . import queries


def kecamatan_id(code: str | None) -> int | None:
    kecamatan = by_code(Kecamatan, code or None, "kecamatan", "Unknown kecamatan.")
    return kecamatan.id if kecamatan else None


def opd_id(code: str | None) -> int | None:
    opd = by_code(Opd, code or None, "opd", "Unknown OPD.")
    return opd.id if opd else None


def scope_from(args: dict) -> queries.Scope:
    return queries.make_scope(
        args["days"],
        city_timezone(),
        kecamatan_id=kecamatan_id(args.get("kecamatan")),
        opd_id=opd_id(args.get("opd")),
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
