"""The warnings area's HTTP answers."""

from . import bp, models

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app
