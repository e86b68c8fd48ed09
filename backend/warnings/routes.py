"""The warnings area's HTTP answers."""

from . import bp
from . import models  # noqa: F401  (the tables exist for every app, routes or not)

__all__ = ["bp"]
