"""Command-center use cases: scopes from filters, cached read models, the CSV export."""

import csv
import io

from sqlalchemy import select

from ..catalog.models import Service
from ..database import utcnow
from ..errors import Invalid
from ..extensions import db
from ..outages import read_through
from ..places.models import Kecamatan, Kelurahan, Opd
from ..places.services import city_timezone
from ..service_requests.models import OPEN_STATUSES
from ..service_requests.models import ServiceRequest as R
from ..service_requests.queries import filter_requests
from . import queries

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_COLUMNS = [
    "code",
    "service",
    "status",
    "opd",
    "kecamatan",
    "kelurahan",
    "address",
    "lat",
    "long",
    "created_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "sla_due_at",
    "overdue",
    "supporters",
    "rating",
    "description",
]


def _id(model, code: str | None, field: str) -> int | None:
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
        kecamatan_id=_id(Kecamatan, args.get("kecamatan"), "kecamatan"),
        opd_id=_id(Opd, args.get("opd"), "opd"),
    )


def cached(name: str, args: dict, compute):
    """A read model, computed at most every few seconds however many screens refresh it (and
    every time while the cache's Redis is down)."""
    return read_through(f"dashboard:{name}:{sorted((k, str(v)) for k, v in args.items())}", compute)


def safe_cell(value):
    """Spreadsheets run a cell that starts with = + - @ as a formula: make such text plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def export_rows(args: dict):
    """The requests matching the filters as CSV lines (UTF-8 with BOM, times in the city's zone),
    streamed from the database in chunks."""
    zone = city_timezone()
    query = (
        select(
            R.code,
            Service.code.label("service"),
            R.status,
            Opd.code.label("opd"),
            Kecamatan.name.label("kecamatan"),
            Kelurahan.name.label("kelurahan"),
            R.address,
            R.lat,
            R.long,
            R.created_at,
            R.first_response_at,
            R.resolved_at,
            R.closed_at,
            R.sla_due_at,
            R.supporter_count,
            R.rating,
            R.description,
        )
        .join(Service, Service.id == R.service_id)
        .join(Opd, Opd.id == R.opd_id)
        .outerjoin(Kecamatan, Kecamatan.id == R.kecamatan_id)
        .outerjoin(Kelurahan, Kelurahan.id == R.kelurahan_id)
    )
    query = filter_requests(query, args)
    if args.get("opd"):
        query = query.where(R.opd_id == _id(Opd, args["opd"], "opd"))
    query = query.order_by(R.created_at, R.id).execution_options(yield_per=1000)

    def line(values) -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerow([safe_cell(value) for value in values])
        return buffer.getvalue()

    def local(moment):
        return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""

    def generate():
        yield "\ufeff" + line(EXPORT_COLUMNS)
        now = utcnow()
        for row in db.session.execute(query):
            overdue = row.status in OPEN_STATUSES and row.sla_due_at < now
            yield line(
                [
                    row.code,
                    row.service,
                    row.status,
                    row.opd,
                    row.kecamatan or "",
                    row.kelurahan or "",
                    row.address or "",
                    row.lat,
                    row.long,
                    local(row.created_at),
                    local(row.first_response_at),
                    local(row.resolved_at),
                    local(row.closed_at),
                    local(row.sla_due_at),
                    "ya" if overdue else "tidak",
                    row.supporter_count,
                    row.rating or "",
                    row.description,
                ]
            )

    return generate()
