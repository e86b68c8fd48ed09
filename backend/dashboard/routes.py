"""HTTP endpoints of the command center (operators and admins)."""

from flask import Response, stream_with_context

from ..accounts.models import Role
from ..http_cache import cacheable
from ..security import role_required
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

WATCHERS = (Role.OPERATOR, Role.ADMIN)


@bp.route("/dashboard/summary", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.arguments(ScopeArgsSchema, location="query")
@bp.response(200, SummarySchema)
def summary(args):
    """Open, overdue, created today and this week, resolved this week, medians, average rating."""
    return services.cached("summary", args, lambda: queries.summary(services.scope_from(args)))


@bp.route("/dashboard/counts", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.arguments(CountArgsSchema, location="query")
@bp.response(200, BreakdownSchema(many=True))
def counts(args):
    """Requests of the period by status, service, group, kecamatan, kelurahan or OPD."""
    return services.cached("counts", args, lambda: queries.counts(services.scope_from(args), args["by"]))


@bp.route("/dashboard/sla", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.arguments(ScopeArgsSchema, location="query")
@bp.response(200, SlaSchema)
def sla(args):
    """Open requests past their deadline (oldest first) and each OPD's breach rate."""

    def compute():
        scope = services.scope_from(args)
        return {"overdue": queries.overdue_list(scope), "breach_rates": queries.breach_rates(scope)}

    return services.cached("sla", args, compute)


@bp.route("/dashboard/trends", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.arguments(ScopeArgsSchema, location="query")
@bp.response(200, TrendDaySchema(many=True))
def trends(args):
    """Created and resolved per day (city time), over the last `days` days."""
    return services.cached("trends", args, lambda: queries.trends(services.scope_from(args)))


@bp.route("/dashboard/opds", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.arguments(ScopeArgsSchema, location="query")
@bp.response(200, LeagueRowSchema(many=True))
def opd_league(args):
    """The OPD league: open, overdue, median resolution, satisfaction, share within SLA."""
    return services.cached("opds", args, lambda: queries.league(services.scope_from(args)))


@bp.route("/dashboard/map", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.arguments(MapArgsSchema, location="query")
@bp.response(200, MapSchema)
def map_points(args):
    """Open requests inside a bbox as light points, capped at 2,000."""
    return services.cached(
        "map", args, lambda: queries.map_points(services.scope_from(args), args.get("bbox"))
    )


@bp.route("/dashboard/kelurahan", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=15)
@bp.arguments(ScopeArgsSchema, location="query")
@bp.response(200, KelurahanLoadSchema(many=True))
def kelurahan_load(args):
    """Every kelurahan (of the kecamatan, when one is chosen) with its open and overdue requests now."""
    return services.cached("kelurahan", args, lambda: queries.by_kelurahan(services.scope_from(args)))


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
