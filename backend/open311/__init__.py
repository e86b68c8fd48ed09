"""Open311 GeoReport v2: a second face on the service-request layer, for partner systems."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("open311", __name__, description="API keys of partner systems using Open311 (admins).")
