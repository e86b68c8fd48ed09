"""The warnings area's HTTP answers: the command center's read and an operator's one-tap send under
/api/v1, and the city's alerts as CAP 1.2 outside it."""

from flask import current_app

from ..http_cache import cacheable
from ..security import WATCHERS, role_required
from . import alerting, alerts_bp, bp, cap_out, models, queries
from .schemas import CommandWarningsSchema, WarningSchema

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app
plain_blueprints = (alerts_bp,)


@bp.route("/dashboard/warnings", methods=["GET"])
@role_required(*WATCHERS)
@cacheable(max_age=5, public=False)
@bp.response(200, CommandWarningsSchema)
def command_warnings():
    """Active and draft warnings with their area and delivery, and each source's health. Operators
    only, so never in the shared cache; read afresh, since delivery moves by the second."""
    return queries.command_warnings()


@bp.route("/warnings/<id:warning_id>/send", methods=["POST"])
@role_required(*WATCHERS)
@bp.response(200, WarningSchema)
def send_warning(warning_id):
    """Send a draft warning: publish its article and start its campaign (an operator's one tap).

    A warning that is not a draft (already sent, replaced, withdrawn) or is past its expiry
    answers 409: nothing is sent twice, nor late."""
    return alerting.send_warning(warning_id)


@alerts_bp.route("/alerts.atom")
@cacheable(max_age=60)
def alerts_feed():
    """The city's newest published alerts as Atom 1.0, each entry linking its CAP document."""
    body = cap_out.feed(cap_out.latest_alerts())
    return current_app.response_class(body, mimetype="application/atom+xml")


@alerts_bp.route("/alerts/<path:identifier>.xml")  # a slash too: any such URL is ours
@cacheable(max_age=300)
def alert_document(identifier: str):
    """One published alert as a CAP 1.2 document."""
    body = cap_out.document(cap_out.published_alert(identifier))
    return current_app.response_class(body, mimetype="application/cap+xml")
