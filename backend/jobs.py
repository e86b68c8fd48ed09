"""The job runner. Work an HTTP request must not wait for (push fan-out, schedules) is a job.

With CELERY_BROKER_URL or REDIS_URL set, jobs go to Celery workers on Redis
(`celery -A backend.worker worker`, and `--beat` or a separate `celery -A backend.worker beat`
for the periodic tick); as many workers on as many machines as needed. Without a broker, the
embedded default runs the same job functions on a small thread pool inside the app process and
ticks the periodic work itself: no server to install.

Jobs must be safe to run twice: Celery acknowledges late, so a worker killed mid-job means the job
runs again.
"""

import json
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from datetime import datetime

import redis
from celery import Celery, Task, signals
from flask import Flask, current_app
from kombu.exceptions import OperationalError as BrokerUnreachable
from sqlalchemy import event
from sqlalchemy.orm import Session

from . import logs, metrics
from .database import utcnow

log = logging.getLogger(__name__)


class _AppContextTask(Task):
    """Every Celery job, the periodic tick included, runs inside the worker's Flask app. (The base
    class is given when the Celery app is made, so no task can be created with a plain Task.)"""

    def __call__(self, *args, **kwargs):
        queued_by = getattr(self.request, "request_id", None)  # a header that Job.try_enqueue sets
        with self.app.flask_app.app_context(), running(self.name, queued_by):
            return super().__call__(*args, **kwargs)


celery = Celery("satupintu", task_cls=_AppContextTask)
_periodic: list = []
_jobs: dict = {}


@contextmanager
def running(name: str, queued_by: str | None):
    """Run a job: its log records carry its name and the id of the request that queued it; it is
    counted (metrics), and logged when done or failed."""
    started = time.perf_counter()
    with logs.job_context(name, queued_by):
        try:
            yield
        except Exception:
            metrics.count_job(name, "failed")
            log.exception("Job %s failed", name)
            raise
        metrics.count_job(name, "done")
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        log.info("Job %s done", name, extra={"fields": {"duration_ms": duration_ms}})


@signals.setup_logging.connect
def _keep_the_apps_logging(**_) -> None:
    """Celery leaves logging alone when this signal has a receiver: create_app set it up (logs.py)."""


# A broker that does not answer must not hold an HTTP request: two quick tries, then give up.
PUBLISH_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}


class _Runner:
    """Runs jobs in this process on a thread pool, each in its own app context."""

    def __init__(self, app: Flask, workers: int):
        self.app = app
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="job")
        self.pending = 0
        self.waiting: dict[object, datetime] = {}  # queued, not yet started: when each was queued
        self.idle = threading.Condition()

    def enqueue(self, function, args: tuple) -> None:
        queued = object()
        with self.idle:
            self.pending += 1
            self.waiting[queued] = utcnow()
        self.pool.submit(self._run, function, args, queued, logs.request_id.get())

    def _run(self, function, args: tuple, queued, queued_by: str | None) -> None:
        with self.idle:
            del self.waiting[queued]
        name = f"{function.__module__}.{function.__name__}"
        try:
            # A failure is logged by running(); the pool's thread goes on to the next job.
            with suppress(Exception), self.app.app_context(), running(name, queued_by):
                function(*args)
        finally:
            with self.idle:
                self.pending -= 1
                self.idle.notify_all()

    def waiting_jobs(self) -> tuple[int, float]:
        """How many jobs wait for a thread, and how many seconds the oldest has waited."""
        with self.idle:
            oldest = min(self.waiting.values(), default=None)
            return len(self.waiting), 0.0 if oldest is None else (utcnow() - oldest).total_seconds()

    def wait_idle(self, timeout: float = 30) -> bool:
        """Wait until no job is queued or running (tests, and a clean shutdown)."""
        with self.idle:
            return self.idle.wait_for(lambda: self.pending == 0, timeout)


class Job:
    """A function that can run now (`job()`) or later on the runner (`job.enqueue()`)."""

    def __init__(self, function):
        self.function = function
        self.name = f"{function.__module__}.{function.__name__}"
        self.task = celery.task(name=self.name)(function)
        _jobs[self.name] = self

    def __call__(self, *args):
        return self.function(*args)

    def enqueue(self, *args) -> None:
        """Queue the job. When the broker cannot be reached the job is kept in the database, and
        the tick queues it once the broker is back: a caller's work is never left half done."""
        if not self.try_enqueue(*args):
            from .operations.services import keep_job

            keep_job(self.name, list(args))

    def enqueue_after_commit(self, *args) -> None:
        """Queue the job once the caller's transaction commits, and not at all if it rolls back:
        for work started inside a transaction someone else commits (a job run earlier would not
        see it). If the broker cannot be reached then, the job is only logged: work queued this
        way must also be found by a periodic job (resume_stalled_campaigns, say)."""
        from .extensions import db

        db.session.info.setdefault(AFTER_COMMIT, []).append((self, args))

    def try_enqueue(self, *args) -> bool:
        """Queue the job; False (logged) when the broker cannot be reached."""
        runner = current_app.extensions["jobs"]
        if runner is not None:
            runner.enqueue(self.function, args)
            return True
        try:
            headers = {"request_id": logs.request_id.get(), "enqueued_at": utcnow().timestamp()}
            self.task.apply_async(args=args, retry_policy=PUBLISH_RETRY, headers=headers)
        except (BrokerUnreachable, ConnectionError, OSError) as error:
            log.warning("Job %s not queued, the broker is unreachable: %s", self.name, error)
            return False
        return True


AFTER_COMMIT = "jobs_after_commit"


def _enqueue_committed(session: Session) -> None:
    for queued, args in session.info.pop(AFTER_COMMIT, []):
        queued.try_enqueue(*args)


def _drop_rolled_back(session: Session) -> None:
    session.info.pop(AFTER_COMMIT, None)


def job_named(name: str) -> Job | None:
    return _jobs.get(name)


def job(function) -> Job:
    return Job(function)


def periodic(function) -> Job:
    """A job the tick runs every JOB_TICK_SECONDS (30 s); it must find its own work and be safe to overlap."""
    wrapped = Job(function)
    _periodic.append(wrapped)
    return wrapped


def periodic_names() -> list[str]:
    return [periodic_job.function.__name__ for periodic_job in _periodic]


@job
def tick() -> None:
    """Run every periodic job once, each in its own transaction, and record how it went."""
    from .extensions import db
    from .operations.services import record_run

    for periodic_job in _periodic:
        started, error = utcnow(), None
        try:
            periodic_job()
        except Exception as failure:  # one failing job must not stop the others
            db.session.rollback()
            log.exception("Periodic job %s failed", periodic_job.function.__name__)
            error = failure
        record_run(periodic_job.function.__name__, started, error)


def _start_ticker_on_first_request(app: Flask) -> None:
    """Tick from the serving process only: not from CLI commands, and once per process."""
    started = threading.Event()
    lock = threading.Lock()

    def loop():
        while not threading.Event().wait(app.config["JOB_TICK_SECONDS"]):
            app.extensions["jobs"].enqueue(tick.function, ())

    @app.before_request
    def _start():
        if started.is_set():
            return
        with lock:
            if not started.is_set():
                started.set()
                threading.Thread(target=loop, name="job-ticker", daemon=True).start()


def _broker_url(config) -> str | None:
    return config.get("CELERY_BROKER_URL") or config.get("REDIS_URL")


def waiting_jobs() -> list[tuple[str, int, float]]:
    """The jobs waiting to run: (queue, how many, seconds the oldest has waited), for the embedded
    runner or the broker's queue (Redis; left out when it cannot be read)."""
    runner = current_app.extensions["jobs"]
    if runner is not None:
        return [("embedded", *runner.waiting_jobs())]
    queue, url = current_app.config["JOB_QUEUE"], _broker_url(current_app.config)
    if not url.startswith(("redis://", "rediss://", "unix://")):
        return []
    try:
        with redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2) as client:
            # kombu pushes on the left and takes from the right: the oldest waits at the right end.
            count, oldest = client.llen(queue), client.lindex(queue, -1)
    except redis.RedisError as error:
        log.warning("The job queue cannot be read: %s", error)
        return []
    return [(queue, count, _waited(oldest))]


def _waited(message: bytes | None) -> float:
    """Seconds since a queued Celery message was sent (the enqueued_at header Job.try_enqueue sets)."""
    try:
        enqueued_at = json.loads(message)["headers"]["enqueued_at"]
    except (TypeError, ValueError, KeyError):
        return 0.0
    return max(0.0, utcnow().timestamp() - float(enqueued_at))


def init_jobs(app: Flask) -> None:
    """Celery when a broker is configured, else the in-process runner (and its ticker)."""
    for name, listener in (("after_commit", _enqueue_committed), ("after_rollback", _drop_rolled_back)):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)
    broker = _broker_url(app.config)
    if broker:
        celery.flask_app = app
        if celery.conf.broker_url not in (None, broker):
            celery._after_fork()  # connections are pooled per broker: start new ones (tests' apps)
        celery.conf.update(
            broker_url=broker,
            task_default_queue=app.config["JOB_QUEUE"],
            task_ignore_result=True,
            task_acks_late=True,
            task_reject_on_worker_lost=True,
            worker_prefetch_multiplier=1,
            worker_redirect_stdouts=False,  # the app's log handler writes to stdout itself
            broker_connection_retry_on_startup=True,
            broker_connection_timeout=2,
            # Unacknowledged jobs of a dead worker are looked for every 10 s (kombu would otherwise
            # look only every tenth time, leaving them stranded for minutes).
            broker_transport_options={
                "visibility_timeout": app.config["JOB_VISIBILITY_TIMEOUT"],
                "unacked_restore_throttle": 1,
                "socket_timeout": 5,
                "socket_connect_timeout": 2,
            },
            beat_schedule={"tick": {"task": tick.task.name, "schedule": app.config["JOB_TICK_SECONDS"]}},
        )
        app.extensions["jobs"] = None
        return
    app.extensions["jobs"] = _Runner(app, app.config["JOB_THREADS"])
    if app.config["JOB_TICKER"]:
        _start_ticker_on_first_request(app)
