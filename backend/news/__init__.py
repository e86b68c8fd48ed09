"""News: announcements, news, agendas and warnings posted by the city's agencies."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("news", __name__, description="Articles of the city's agencies, and their Atom feed.")
