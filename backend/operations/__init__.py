"""Operations: health and readiness for the load balancer, and the periodic jobs' last runs."""

from flask import Blueprint as PlainBlueprint
from flask_smorest import Blueprint

bp = Blueprint(
    "operations", __name__, description="How the city's deployment is doing (operators and admins)."
)
health_bp = PlainBlueprint("health", __name__)
