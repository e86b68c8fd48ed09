"""Service requests: filing, reading, the OPD workflow with SLAs, and residents' actions."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("service_requests", __name__, description="Reports and applications, and their timeline.")
