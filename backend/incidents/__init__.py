"""Incidents: surges of reports in one place, noticed by detection or opened by an operator, tied to
the official warning that explains them, and run to the end with one alert and one closing message."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("incidents", __name__, description="Incidents: many reports of one thing in one place.")
