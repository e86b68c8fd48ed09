"""Official warnings (BMKG weather nowcasts as CAP 1.2, earthquakes as JSON) polled, intersected
with the kelurahan and turned into area alerts; the city's own alerts published as CAP 1.2."""

from flask import Blueprint as PlainBlueprint
from flask_smorest import Blueprint

bp = Blueprint("warnings", __name__, description="Official warnings and the city's alerts")
alerts_bp = PlainBlueprint("alerts", __name__)  # the CAP documents and their feed, outside /api/v1
