"""Logging: one JSON object per line on stdout, each with the request id of the request (or of the
request that queued the job) it belongs to, for Loki, ELK or whatever collects the container's output.

A request takes its id from X-Request-ID when the caller (a load balancer) sends a sane one, else
gets a new one; the answer echoes it in X-Request-ID, and the jobs it queues carry it (jobs.py).
"""

import json
import logging
import re
import sys
import time
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from flask import Flask, g, request, request_finished, request_started, request_tearing_down

REQUEST_ID_HEADER = "X-Request-ID"
# What a request id from outside may look like: no spaces, quotes or control characters for a log.
_SANE_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
_FIELDS = ("request_id", "job")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"

request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
job_name: ContextVar[str | None] = ContextVar("job_name", default=None)
access_log = logging.getLogger("satupintu.access")


class JsonFormatter(logging.Formatter):
    """A log record as one JSON object: time, level, logger, message, the request id and job when
    known, the exception's traceback when there is one, and any `extra` fields given."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in _FIELDS:
            if value := getattr(record, field, None):
                line[field] = value
        line |= getattr(record, "fields", {})
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class _Context(logging.Filter):
    """Stamps each record with the request id and job of the code that logged it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        record.job = job_name.get()
        return True


class _StdoutHandler(logging.StreamHandler):
    """Writes to whatever sys.stdout is when the record comes (a test's captured output too)."""

    def __init__(self):
        super().__init__()
        self.addFilter(_Context())

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, value):
        pass


def configure_logging(config) -> None:
    """Send the root logger's records to stdout as JSON (LOG_FORMAT=text: plain lines), at LOG_LEVEL;
    once per process, whichever app is made first."""
    root = logging.getLogger()
    if any(isinstance(handler, _StdoutHandler) for handler in root.handlers):
        return
    handler = _StdoutHandler()
    if config["LOG_FORMAT"] == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    root.addHandler(handler)
    root.setLevel(config["LOG_LEVEL"])
    # Neither format shows the caller's file and line, thread or process: not looked up for each
    # record (the logging HOWTO's "Optimization"): about a sixth of what an access line costs.
    logging._srcfile = None
    logging.logThreads = logging.logProcesses = logging.logMultiprocessing = False


def new_request_id() -> str:
    return uuid.uuid4().hex


@contextmanager
def job_context(name: str, queued_by: str | None):
    """Inside a job: its log records carry its name and the request id of the request that queued it."""
    tokens = request_id.set(queued_by), job_name.set(name)
    try:
        yield
    finally:
        request_id.reset(tokens[0])
        job_name.reset(tokens[1])


def request_id_of(sent: str) -> str:
    """The id of a request that came with `sent` in X-Request-ID: that one when it is sane."""
    return sent if _SANE_ID.fullmatch(sent) else new_request_id()


def log_access(method: str, path: str, status: int, seconds: float, remote_addr: str | None) -> None:
    """The access line of an answered request (Flask's, or a hit answered in front of it, fast_hits.py)."""
    fields = {
        "method": method,
        "path": path,
        "status": status,
        "duration_ms": round(seconds * 1000, 1),
        "remote_addr": remote_addr,
    }
    access_log.info("%s %s %s", method, path, status, extra={"fields": fields})


def _started(app: Flask, **_) -> None:
    g.request_id = request_id_of(request.headers.get(REQUEST_ID_HEADER, ""))
    g.request_id_token = request_id.set(g.request_id)
    g.started = time.perf_counter()


def _finished(app: Flask, response, **_) -> None:
    response.headers[REQUEST_ID_HEADER] = g.request_id
    seconds = time.perf_counter() - g.started
    log_access(request.method, logged_path(), response.status_code, seconds, request.remote_addr)


def logged_path() -> str:
    """The request's path with a credential in it (an anonymous reporter's tracking token) masked."""
    path = request.path
    for name in ("token", "sig"):
        if value := (request.view_args or {}).get(name):
            path = path.replace(str(value), "***")
    return path


def _tearing_down(app: Flask, **_) -> None:
    if token := g.pop("request_id_token", None):
        request_id.reset(token)


def register_logging(app: Flask) -> None:
    """JSON logs for this process, and an id for each request (and its start time, for the metrics and
    the access line)."""
    configure_logging(app.config)
    request_started.connect(_started, app)
    request_finished.connect(_finished, app)
    request_tearing_down.connect(_tearing_down, app)
