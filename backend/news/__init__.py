"""News: announcements, news, agendas and warnings posted by the city's agencies."""

from flask_smorest import Blueprint

bp = Blueprint("news", __name__, description="Articles of the city's agencies, and their Atom feed.")
