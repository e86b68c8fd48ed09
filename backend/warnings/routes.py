"""The warnings area's HTTP answers."""

from flask import current_app

from ..http_cache import cacheable
from . import alerts_bp, bp, cap_out, models

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app
plain_blueprints = (alerts_bp,)


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
