"""Service requests: filing, reading, the OPD workflow with SLAs, and residents' actions."""

from flask_smorest import Blueprint

bp = Blueprint("service_requests", __name__, description="Reports and applications, and their timeline.")
