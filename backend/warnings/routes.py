"""The warnings area's HTTP answers."""

from ..accounts.models import Role
from ..http_cache import cacheable
from ..security import role_required
from . import bp, models, queries
from .schemas import CommandWarningsSchema

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app

WATCHERS = (Role.OPERATOR, Role.ADMIN)


@bp.route("/dashboard/warnings", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=5, public=False)
@bp.response(200, CommandWarningsSchema)
def command_warnings():
    """Active and draft warnings with their area and delivery, and each source's health. Operators
    only, so never in the shared cache; read afresh, since delivery moves by the second."""
    return queries.command_warnings()
