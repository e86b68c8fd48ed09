"""Readiness checks and the periodic jobs' records."""

import logging
from datetime import datetime, timedelta

import redis
from flask import current_app
from sqlalchemy import func, select, text, update
from sqlalchemy.exc import IntegrityError

from ..database import utcnow
from ..extensions import db
from ..jobs import job_named, periodic
from ..storage import storage
from .models import KeptJob, PeriodicJobRun
from .schemas import PeriodicJobSchema

log = logging.getLogger(__name__)
CHECK_TIMEOUT_SECONDS = 2


REQUEUE_AT_ONCE = 500


def keep_job(name: str, args: list) -> None:
    """Keep a job that could not be queued (its caller has committed its own work already)."""
    db.session.add(KeptJob(name=name, args=args))
    db.session.commit()


@periodic
def requeue_kept_jobs() -> None:
    """Queue the jobs kept while the broker was away, oldest first; stop at the first that still
    cannot be queued. A job queued twice (two ticks at once) is harmless: every job is idempotent."""
    kept = db.session.scalars(select(KeptJob).order_by(KeptJob.id).limit(REQUEUE_AT_ONCE)).all()
    for row in kept:
        kept_job = job_named(row.name)
        if kept_job is not None and not kept_job.try_enqueue(*row.args):
            return
        db.session.delete(row)
        db.session.commit()


def kept_jobs_waiting() -> tuple[int, float]:
    """How many jobs are kept (their broker was away), and how many seconds the oldest has waited."""
    count, oldest = db.session.execute(select(func.count(KeptJob.id), func.min(KeptJob.created_at))).one()
    return count, 0.0 if oldest is None else (utcnow() - oldest).total_seconds()


def record_run(name: str, started: datetime, error: BaseException | None) -> None:
    """Keep the job's last run, success and error (its own transaction; the job's is over)."""
    now = utcnow()
    values = {"last_run_at": started, "last_duration_ms": int((now - started).total_seconds() * 1000)}
    if error is None:
        values |= {"last_success_at": now}
    else:
        values |= {"last_error": f"{type(error).__name__}: {error}"[:2000], "last_error_at": now}
    counts = {
        "runs": PeriodicJobRun.runs + 1,
        "failures": PeriodicJobRun.failures + (0 if error is None else 1),
    }
    changed = db.session.execute(
        update(PeriodicJobRun).where(PeriodicJobRun.name == name).values(**values, **counts)
    ).rowcount
    if not changed:
        db.session.add(PeriodicJobRun(name=name, runs=1, failures=int(error is not None), **values))
    try:
        db.session.commit()
    except IntegrityError:  # another process recorded this job's first run at the same moment
        db.session.rollback()
        record_run(name, started, error)


def job_statuses(names: list[str]) -> list[PeriodicJobRun]:
    """Each periodic job's record (an empty one if it never ran), `late` when its last success is
    older than JOB_STALE_SECONDS."""
    rows = {row.name: row for row in db.session.scalars(select(PeriodicJobRun))}
    stale_before = utcnow() - timedelta(seconds=current_app.config["JOB_STALE_SECONDS"])
    statuses = [rows.get(name) or PeriodicJobRun(name=name, runs=0, failures=0) for name in names]
    for row in statuses:
        row.late = row.last_success_at is None or row.last_success_at < stale_before
    return statuses


def _check(probe) -> dict:
    try:
        probe()
    except Exception as error:  # a readiness probe reports every failure, whatever its kind
        log.warning("Readiness check failed: %s", error)
        return {"ok": False, "error": f"{type(error).__name__}: {error}"[:300]}
    return {"ok": True}


def _database() -> None:
    try:
        db.session.execute(text("SELECT 1"))
    finally:
        db.session.rollback()


def _redis(url: str):
    return lambda: redis.Redis.from_url(
        url, socket_timeout=CHECK_TIMEOUT_SECONDS, socket_connect_timeout=CHECK_TIMEOUT_SECONDS
    ).ping()


def _broker() -> None:
    from ..jobs import celery

    with celery.connection_for_write() as connection:
        connection.ensure_connection(max_retries=1, timeout=CHECK_TIMEOUT_SECONDS)


def readiness(job_names: list[str]) -> tuple[bool, dict]:
    """Whether this server can serve: its database, Redis, job broker and object storage answer. Late periodic
    jobs are reported but do not take the server out of rotation: a stopped beat is not this
    server's fault, and taking every app server out for it would stop the whole city's app."""
    config = current_app.config
    checks = {"database": _check(_database)}
    if config.get("REDIS_URL"):
        checks["redis"] = _check(_redis(config["REDIS_URL"]))
    if current_app.extensions["jobs"] is None:
        checks["broker"] = _check(_broker)
    if config.get("STORAGE_S3_BUCKET"):
        checks["storage"] = _check(storage().check)
    jobs = job_statuses(job_names) if checks["database"]["ok"] else []
    ready = all(check["ok"] for check in checks.values())
    late = [job.name for job in jobs if job.late]
    status = "ok" if ready and not late else ("degraded" if ready else "unavailable")
    body = {"checks": checks, "late_jobs": late, "jobs": PeriodicJobSchema(many=True).dump(jobs)}
    return ready, {"status": status, **body}
