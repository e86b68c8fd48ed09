"""The app run as programs of its own (flask commands, gunicorn) on a SQLite file in a folder:
development settings, the shared cache and the uploads in that folder, no Redis and no Celery.
Plain, for the topology tests and the capacity benchmarks alike."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sqlite_app_environment(folder: Path, database: str) -> dict:
    """The environment variables of an app kept in `folder`, its database the file `database` there."""
    return {
        "SATUPINTU_ENV": "development",
        "DATABASE_URL": f"sqlite:///{folder / database}",
        "CACHE_DIR": str(folder / "cache"),
        "UPLOAD_DIR": str(folder / "uploads"),
        "PWA_DIST_DIR": str(folder),
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
    }


def migrate_and_seed(environment: dict, *seed_options: str) -> None:
    """`flask db upgrade`, then `flask seed` with `seed_options`, each in a process of its own."""
    flask = [sys.executable, "-m", "flask", "--app", "backend"]
    for command in (["db", "upgrade"], ["seed", *seed_options]):
        subprocess.run(
            [*flask, *command], env=os.environ | environment, cwd=ROOT, check=True, capture_output=True
        )
