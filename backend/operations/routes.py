"""Health, readiness and metrics (outside /api/v1, for the load balancer and monitoring) and the periodic
jobs' status."""

from flask import Response, current_app, jsonify, request

from .. import metrics
from ..errors import NotFound
from ..jobs import periodic_names
from ..security import WATCHERS, role_required
from . import bp, health_bp, services
from .schemas import PeriodicJobSchema

plain_blueprints = (health_bp,)


@health_bp.route("/healthz")
def healthz():
    """The process is alive and answering; it checks nothing else."""
    return jsonify(status="ok")


@health_bp.route("/readyz")
def readyz():
    """503 when the database, Redis or the job broker does not answer; late periodic jobs are
    listed (status "degraded") without taking the server out of rotation."""
    ready, body = services.readiness(periodic_names())
    response = jsonify(body)
    response.status_code = 200 if ready else 503
    response.headers["Cache-Control"] = "no-store"
    if not ready:
        response.headers["Retry-After"] = "5"
    return response


@health_bp.route("/metrics")
def prometheus_metrics():
    """Prometheus's text format, for the addresses in METRICS_ALLOWED_ADDRESSES; 404 for others."""
    if not metrics.allowed(request.remote_addr) or _through_an_untrusted_proxy():
        raise NotFound()
    body, content_type = metrics.exposition()
    return Response(body, content_type=content_type, headers={"Cache-Control": "no-store"})


def _through_an_untrusted_proxy() -> bool:
    """A request a proxy forwarded while the app trusts none (PROXY_COUNT 0) comes from the proxy's
    address, often the machine itself: its sender is unknown, so /metrics refuses it."""
    return "X-Forwarded-For" in request.headers and not current_app.config.get("PROXY_COUNT")


@bp.route("/operations/jobs", methods=["GET"])
@role_required(*WATCHERS)
@bp.response(200, PeriodicJobSchema(many=True))
def list_periodic_jobs():
    """Each periodic job's last run, last success and last error (command center)."""
    return services.job_statuses(periodic_names())
