"""Command center: read models over requests and campaigns for Diskominfo's operators."""

from flask_smorest import Blueprint

bp = Blueprint("dashboard", __name__, description="The city's operations dashboard (operators and admins).")
