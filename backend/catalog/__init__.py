"""Catalogue: the services residents can request, with the attributes that make their forms."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("catalog", __name__, description="The service catalogue (Open311 service definitions).")
