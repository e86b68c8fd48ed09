"""Health and readiness (outside /api/v1, for the load balancer) and the periodic jobs' status."""

from flask import jsonify

from ..accounts.models import Role
from ..jobs import periodic_names
from ..security import role_required
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


@bp.route("/operations/jobs", methods=["GET"])
@role_required(Role.OPERATOR, Role.ADMIN)
@bp.response(200, PeriodicJobSchema(many=True))
def list_periodic_jobs():
    """Each periodic job's last run, last success and last error (command center)."""
    return services.job_statuses(periodic_names())
