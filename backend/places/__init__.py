"""Places: the city, its kecamatan and kelurahan, and its agencies (OPD)."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("places", __name__, description="The city, its districts and its agencies (OPD).")
