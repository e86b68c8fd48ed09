"""Entry point of the Celery workers: `celery -A backend.worker worker` (and `beat` once)."""

from celery import signals

from . import create_app
from .jobs import celery
from .metrics import serve_worker_metrics

flask_app = create_app()


@signals.worker_init.connect
def _serve_metrics(**_) -> None:
    serve_worker_metrics(flask_app.config)


__all__ = ["celery", "flask_app"]
