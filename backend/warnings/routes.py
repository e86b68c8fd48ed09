"""The warnings area's HTTP answers."""

from ..accounts.models import Role
from ..security import role_required
from . import alerting, bp, models
from .schemas import WarningSchema

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app


@bp.route("/warnings/<id:warning_id>/send", methods=["POST"])
@role_required(Role.OPERATOR, Role.ADMIN)
@bp.response(200, WarningSchema)
def send_warning(warning_id):
    """Send a draft warning: publish its article and start its campaign (an operator's one tap).

    A warning that is not a draft (already sent, replaced, withdrawn) or is past its expiry
    answers 409: nothing is sent twice, nor late."""
    return alerting.send_warning(warning_id)
