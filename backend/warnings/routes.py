"""The warnings area's HTTP answers."""

from ..accounts.models import Role
from ..security import role_required
from . import alerting, bp, models
from .schemas import WarningSchema

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app


@bp.route("/warnings/<id:warning_id>/send", methods=["POST"])
@role_required(Role.OPERATOR, Role.ADMIN)
@bp.response(200, WarningSchema)
@bp.alt_response(409, description="Not a draft (already sent, replaced, withdrawn) or expired")
def send_warning(warning_id):
    """Send a draft warning now (an operator's one tap): publish its article and start its
    campaign. A second tap, or a warning past its expiry, is refused."""
    return alerting.send_warning(warning_id)
