"""The audit trail's HTTP answers (admins only). No route changes or deletes a row."""

from . import bp, models

__all__ = ["bp", "models"]  # the models are imported so that their tables exist for every app
