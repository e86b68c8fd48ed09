"""Reading the audit trail: the admin's filtered pages and the CSV export."""

import csv
import io
import json

from sqlalchemy import Select, select

from ..dashboard.export import safe_cell
from ..extensions import db
from ..i18n import preferred_language
from ..pagination import Page, keyset_page
from ..places.services import city_timezone
from .models import AuditEntry

CSV_HEADERS = {
    "id": ["No.", "Waktu", "ID pelaku", "Nama pelaku", "Peran", "Tindakan", "Jenis sasaran", "ID sasaran",
           "Rincian", "Alamat IP", "Peramban"],
    "en": ["No.", "Time", "Actor ID", "Actor name", "Role", "Action", "Target type", "Target ID",
           "Details", "IP address", "User agent"],
}  # fmt: skip


def filtered(args: dict) -> Select:
    """The rows matching the admin's filters (an action without a dot names a whole area)."""
    query = select(AuditEntry)
    if args.get("actor") is not None:
        query = query.where(AuditEntry.actor_id == args["actor"])
    if args.get("action"):
        query = query.where(_action_is(args["action"]))
    for name in ("target_type", "target_id"):
        if args.get(name):
            query = query.where(getattr(AuditEntry, name) == args[name])
    if args.get("since"):
        query = query.where(AuditEntry.at >= args["since"])
    if args.get("until"):
        query = query.where(AuditEntry.at < args["until"])
    return query


def _action_is(action: str):
    """One action ("user.role_changed"), or with no dot a whole area ("user": every user.* one)."""
    if "." in action:
        return AuditEntry.action == action
    return AuditEntry.action.startswith(f"{action}.", autoescape=True)


def list_entries(args: dict) -> Page:
    """Newest first; ids grow with time, so they are the keyset."""
    return keyset_page(filtered(args), [AuditEntry.id], args.get("cursor"), args["limit"])


def csv_lines(args: dict):
    """Every matching row as CSV lines for Excel (UTF-8 with BOM, city time), newest first."""
    zone = city_timezone()
    query = filtered(args).order_by(AuditEntry.id.desc()).execution_options(yield_per=1000)
    headers = CSV_HEADERS[preferred_language()]

    def line(values) -> str:
        buffer = io.StringIO()
        csv.writer(buffer).writerow([safe_cell(value) for value in values])
        return buffer.getvalue()

    def generate():
        yield "\ufeff" + line(headers)
        for entry in db.session.scalars(query):
            actor = entry.actor
            yield line([
                entry.id, entry.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
                entry.actor_id or "", actor.name if actor else "", entry.actor_role or "", entry.action,
                entry.target_type or "", entry.target_id or "", json.dumps(entry.details, ensure_ascii=False),
                entry.ip_address or "", entry.user_agent or "",
            ])  # fmt: skip

    return generate()
