"""The audit trail's HTTP answers (admins only). No route changes or deletes a row."""

from flask import Response, stream_with_context

from ..security import Role, role_required
from . import bp, models, queries, services
from .schemas import AuditFilterArgsSchema, AuditPageSchema, AuditQueryArgsSchema

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app


@bp.route("/audit", methods=["GET"])
@role_required(Role.ADMIN)
@bp.arguments(AuditQueryArgsSchema, location="query")
@bp.response(200, AuditPageSchema)
def list_entries(args):
    """Who did what, newest first (admins).

    Filter by actor (user id), action (or its area, e.g. "incident"), target type and id, and a
    time range [since, until); keyset cursor."""
    return queries.list_entries(args)


@bp.route("/audit.csv", methods=["GET"])
@role_required(Role.ADMIN)
@bp.arguments(AuditFilterArgsSchema, location="query")
@bp.response(200, content_type="text/csv")
def export_csv(filters):
    """The audit trail as CSV (admins).

    The rows matching the same filters, for Excel (UTF-8 with BOM, city time), streamed. The
    export is itself audited ("audit.exported", with its filters)."""
    services.record_export("audit.exported", filters)
    return Response(
        stream_with_context(queries.csv_lines(filters)),
        mimetype="text/csv",
        headers={
            "Content-Disposition": 'attachment; filename="jejak-audit.csv"',
            "Cache-Control": "no-store",
        },
    )
