"""Places: the city, its kecamatan and kelurahan, and its agencies (OPD)."""

from flask_smorest import Blueprint

bp = Blueprint("places", __name__, description="The city, its districts and its agencies (OPD).")
