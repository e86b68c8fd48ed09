"""Entry point of the Celery workers: `celery -A backend.worker worker` (and `beat` once)."""

from . import create_app
from .jobs import celery

flask_app = create_app()

__all__ = ["celery", "flask_app"]
