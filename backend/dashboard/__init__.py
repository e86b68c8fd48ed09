"""Command center: read models over requests and campaigns for Diskominfo's operators."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint(
    "dashboard", __name__, description="The city's operations dashboard (operators and admins)."
)
