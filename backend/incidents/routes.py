"""HTTP endpoints for incidents."""

from . import bp, detection, models

__all__ = ["bp", "detection", "models"]
