"""HTTP endpoints of the command center (operators and admins)."""

from functools import wraps

from flask import Response, stream_with_context

from ..http_cache import cacheable
from ..security import WATCHERS, role_required
from . import bp, export, queries, services
from .schemas import (
    BreakdownSchema,
    CampaignStatSchema,
    CountArgsSchema,
    ExportArgsSchema,
    KelurahanLoadSchema,
    LeagueRowSchema,
    MapArgsSchema,
    MapSchema,
    ScopeArgsSchema,
    SlaSchema,
    SummarySchema,
    TrendDaySchema,
)


def dashboard_read(path: str, response, arguments=ScopeArgsSchema):
    """A command-center read: watchers only, fresh for 15 s, its answer cached per arguments
    (services.cached). The view computes the answer from the scope (services.scope_from) and args."""

    def decorator(compute):
        @bp.route(path, methods=["GET"], endpoint=compute.__name__)
        @role_required(*WATCHERS)
        @cacheable(max_age=15)
        @bp.arguments(arguments, location="query")
        @bp.response(200, response)
        @wraps(compute)
        def view(args):
            return services.cached(path, args, lambda: compute(services.scope_from(args), args))

        return view

    return decorator


@dashboard_read("/dashboard/summary", SummarySchema)
def summary(scope, args):
    """Open, overdue, created today and this week, resolved this week, medians, average rating."""
    return queries.summary(scope)


@dashboard_read("/dashboard/counts", BreakdownSchema(many=True), arguments=CountArgsSchema)
def counts(scope, args):
    """Requests of the period by status, service, group, kecamatan, kelurahan or OPD."""
    return queries.counts(scope, args["by"])


@dashboard_read("/dashboard/sla", SlaSchema)
def sla(scope, args):
    """Open requests past their deadline (oldest first) and each OPD's breach rate."""
    return {"overdue": queries.overdue_list(scope), "breach_rates": queries.breach_rates(scope)}


@dashboard_read("/dashboard/trends", TrendDaySchema(many=True))
def trends(scope, args):
    """Created and resolved per day (city time), over the last `days` days."""
    return queries.trends(scope)


@dashboard_read("/dashboard/opds", LeagueRowSchema(many=True))
def opd_league(scope, args):
    """The OPD league: open, overdue, median resolution, satisfaction, share within SLA."""
    return queries.league(scope)


@dashboard_read("/dashboard/map", MapSchema, arguments=MapArgsSchema)
def map_points(scope, args):
    """Open requests inside a bbox as light points, capped at 2,000."""
    return queries.map_points(scope, args.get("bbox"))


@dashboard_read("/dashboard/kelurahan", KelurahanLoadSchema(many=True))
def kelurahan_load(scope, args):
    """Every kelurahan (of the kecamatan, when one is chosen) with its open and overdue requests now."""
    return queries.by_kelurahan(scope)


@bp.route("/dashboard/campaigns", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.response(200, CampaignStatSchema(many=True))
def campaign_stats():
    """The latest campaigns: delivery and click-through."""
    return services.cached("campaigns", {}, queries.campaign_stats)


@bp.route("/requests.csv", methods=["GET"])
@role_required(*WATCHERS)
@bp.arguments(ExportArgsSchema, location="query")
@bp.response(200, content_type="text/csv")
def export_csv(args):
    """The requests matching the filters as CSV for Excel (UTF-8 with BOM, WITA times), streamed."""
    rows = export.export_rows({key: value for key, value in args.items() if key not in ("cursor", "limit")})
    return Response(
        stream_with_context(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="laporan.csv"', "Cache-Control": "no-store"},
    )
