"""Catalogue: the services residents can request, with the attributes that make their forms."""

from flask_smorest import Blueprint

bp = Blueprint("catalog", __name__, description="The service catalogue (Open311 service definitions).")
