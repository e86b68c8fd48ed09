"""The CSV export of the requests matching the filters: headers, statuses and service names in the
caller's language, each code kept in a column of its own beside its name."""

import csv
import io

from sqlalchemy import select

from ..audit.services import record_export
from ..catalog.models import Service
from ..database import utcnow
from ..extensions import db
from ..i18n import preferred_language
from ..places.models import Kecamatan, Kelurahan, Opd
from ..places.services import city_timezone
from ..service_requests.models import OPEN_STATUSES, STATUS_LABELS
from ..service_requests.models import ServiceRequest as R
from ..service_requests.queries import filter_requests
from .services import opd_id

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (key, Indonesian header, English header), in the order of the file.
COLUMNS = [
    ("code", "Kode laporan", "Tracking code"),
    ("service_code", "Kode layanan", "Service code"),
    ("service", "Layanan", "Service"),
    ("status_code", "Kode status", "Status code"),
    ("status", "Status", "Status"),
    ("opd_code", "Kode OPD", "OPD code"),
    ("opd", "OPD", "OPD"),
    ("kecamatan", "Kecamatan", "Kecamatan"),
    ("kelurahan", "Kelurahan", "Kelurahan"),
    ("address", "Alamat", "Address"),
    ("lat", "Lintang", "Latitude"),
    ("long", "Bujur", "Longitude"),
    ("created_at", "Dibuat", "Created"),
    ("first_response_at", "Respons pertama", "First response"),
    ("resolved_at", "Selesai", "Resolved"),
    ("closed_at", "Ditutup", "Closed"),
    ("sla_due_at", "Tenggat", "Due"),
    ("overdue", "Melewati tenggat", "Overdue"),
    ("supporters", "Pendukung", "Supporters"),
    ("rating", "Penilaian", "Rating"),
    ("description", "Uraian", "Description"),
]
YES_NO = {"id": ("ya", "tidak"), "en": ("yes", "no")}


def headers(language: str) -> list[str]:
    """The header row in a language ("id" or "en")."""
    return [indonesian if language == "id" else english for _, indonesian, english in COLUMNS]


def safe_cell(value):
    """Spreadsheets run a cell that starts with = + - @ as a formula: make such text plain text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _named(name, language: str) -> str:
    """A catalogue name stored per language ({"id": ..., "en": ...}) in the caller's language."""
    if isinstance(name, dict):
        return name.get(language) or name.get("id") or ""
    return name or ""


def export_rows(args: dict):
    """The requests matching the filters as CSV lines (UTF-8 with BOM, times in the city's zone),
    streamed from the database in chunks."""
    zone = city_timezone()
    language = preferred_language()
    statuses = STATUS_LABELS[language]
    yes, no = YES_NO[language]
    query = (
        select(
            R.code,
            Service.code.label("service_code"),
            Service.name.label("service"),
            R.status,
            Opd.code.label("opd_code"),
            Opd.short_name.label("opd"),
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
        query = query.where(R.opd_id == opd_id(args["opd"]))
    query = query.order_by(R.created_at, R.id).execution_options(yield_per=1000)
    record_export("requests.exported", args)

    def line(values) -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerow([safe_cell(value) for value in values])
        return buffer.getvalue()

    def local(moment):
        return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moment else ""

    def generate():
        yield "\ufeff" + line(headers(language))
        now = utcnow()
        for row in db.session.execute(query):
            overdue = row.status in OPEN_STATUSES and row.sla_due_at < now
            yield line(
                [
                    row.code,
                    row.service_code,
                    _named(row.service, language),
                    row.status,
                    statuses.get(row.status, row.status),
                    row.opd_code,
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
                    yes if overdue else no,
                    row.supporter_count,
                    row.rating or "",
                    row.description,
                ]
            )

    return generate()
