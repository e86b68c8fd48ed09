"""Prometheus metrics, read by the city's monitoring at /metrics (operations/routes.py).

Counted as things happen, in each process: requests and their latency by endpoint, push messages
by outcome, lookups of the shared cache of public reads, jobs run. Under gunicorn (several worker
processes) set PROMETHEUS_MULTIPROC_DIR to an empty folder: every process writes its figures there
and /metrics adds them all up, whichever worker answers (gunicorn.conf.py clears it at start and
marks dead workers). Celery workers on the same machine with the same folder are added in too; a
worker on a machine of its own serves its figures itself (serve_worker_metrics). Without that folder
(the embedded single process, the tests) each process counts in memory.

Read when scraped, from the database and the broker, so the same whichever process answers: jobs
waiting and how long the oldest has waited, and each periodic job's last success.
"""

import json
import logging
import os
import threading
import time
from ipaddress import ip_address, ip_network
from wsgiref.simple_server import WSGIRequestHandler, make_server

from flask import Flask, current_app, g, request, request_finished
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
    make_wsgi_app,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

log = logging.getLogger(__name__)

# The *_created series (when each series began) are left out, as in multiprocess mode: a scrape is
# then the same whichever mode serves it.
disable_created_metrics()
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "satupintu_http_requests",
    "HTTP requests answered, by endpoint (the URL rule), method and status code.",
    ["endpoint", "method", "status"],
)
LATENCY = Histogram(
    "satupintu_http_request_duration_seconds",
    "Time from the request's arrival in the app to its answer, by endpoint and method.",
    ["endpoint", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
PUSH_MESSAGES = Counter(
    "satupintu_push_messages",
    "Web push messages by outcome: sent, gone (the subscription no longer exists), failed, too_large.",
    ["result"],
)
PUBLIC_CACHE = Counter(
    "satupintu_public_cache_lookups",
    "Anonymous public reads looked up in the shared cache: hit, miss, or unavailable (Redis down).",
    ["result"],
)
JOBS = Counter("satupintu_jobs", "Jobs run, by job and outcome (done, failed).", ["job", "outcome"])


def count_push(outcomes) -> None:
    for outcome in outcomes:
        PUSH_MESSAGES.labels(str(outcome.result)).inc()


def count_cache(result: str) -> None:
    PUBLIC_CACHE.labels(result).inc()


def count_job(name: str, outcome: str) -> None:
    JOBS.labels(name, outcome).inc()


def count_request(endpoint: str, method: str, status: int, seconds: float) -> None:
    """An answered request (Flask's, or a hit answered in front of it, fast_hits.py)."""
    method = method if method in METHODS else "other"
    REQUESTS.labels(endpoint, method, str(status)).inc()
    LATENCY.labels(endpoint, method).observe(seconds)


def _observe(app: Flask, response, **_) -> None:
    endpoint = request.url_rule.rule if request.url_rule else "unmatched"
    count_request(endpoint, request.method, response.status_code, time.perf_counter() - g.started)


def register_metrics(app: Flask) -> None:
    """Count every answer (after logs.register_logging, which notes when the request came)."""
    request_finished.connect(_observe, app)


def allowed(address: str | None, networks: list[str] | None = None) -> bool:
    """Whether METRICS_ALLOWED_ADDRESSES (addresses or CIDR ranges; or `networks`) lets `address`
    read the metrics."""
    try:
        caller = ip_address(address or "")
    except ValueError:
        return False
    networks = current_app.config["METRICS_ALLOWED_ADDRESSES"] if networks is None else networks
    return any(caller in ip_network(network, strict=False) for network in networks)


class _ThisProcess:
    """The figures counted in this process's memory (no PROMETHEUS_MULTIPROC_DIR)."""

    def collect(self):
        yield from REGISTRY.collect()


class _ReadWhenScraped:
    """Figures from the database and the broker, read inside the scraping request's app context."""

    def collect(self):
        from .jobs import periodic_names, waiting_jobs
        from .operations.services import job_statuses, kept_jobs_waiting

        depth = GaugeMetricFamily(
            "satupintu_job_queue_depth", "Jobs waiting to run, by queue.", labels=["queue"]
        )
        age = GaugeMetricFamily(
            "satupintu_job_queue_oldest_age_seconds",
            "How long the oldest waiting job has waited, by queue (0 when none waits).",
            labels=["queue"],
        )
        kept = _from_database(lambda: [("kept", *kept_jobs_waiting())], [])
        for queue, count, oldest_seconds in waiting_jobs() + kept:
            depth.add_metric([queue], count)
            age.add_metric([queue], oldest_seconds)
        success = GaugeMetricFamily(
            "satupintu_periodic_job_last_success_timestamp_seconds",
            "When each periodic job last succeeded (Unix time; 0 if never).",
            labels=["job"],
        )
        late = GaugeMetricFamily(
            "satupintu_periodic_job_late",
            "1 when a periodic job has not succeeded within JOB_STALE_SECONDS.",
            labels=["job"],
        )
        for job in _from_database(lambda: job_statuses(periodic_names()), []):
            success.add_metric([job.name], job.last_success_at.timestamp() if job.last_success_at else 0)
            late.add_metric([job.name], int(job.late))
        yield from (depth, age, success, late)


def _from_database(read, otherwise):
    """read(), or `otherwise` while the database does not answer: the other figures are still worth having."""
    try:
        return read()
    except SQLAlchemyError as error:
        db.session.rollback()
        log.warning("Metrics: the database cannot be read: %s", error)
        return otherwise


def _counted() -> CollectorRegistry:
    """A registry of what this process counted, or every process in PROMETHEUS_MULTIPROC_DIR."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)
    else:
        registry.register(_ThisProcess())
    return registry


def exposition() -> tuple[bytes, str]:
    """Every metric in Prometheus's text format, and its content type."""
    registry = _counted()
    registry.register(_ReadWhenScraped())
    return generate_latest(registry), CONTENT_TYPE_LATEST


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # each scrape is not worth a log line
        pass


def serve_worker_metrics(config) -> None:
    """A Celery worker's own figures (the jobs it ran, the push messages it sent) at
    http://<worker>:WORKER_METRICS_PORT/metrics, for METRICS_ALLOWED_ADDRESSES only (others: 404);
    with a prefork pool, PROMETHEUS_MULTIPROC_DIR gathers its child processes' figures."""
    if not config.get("WORKER_METRICS_PORT"):
        return
    networks = config["METRICS_ALLOWED_ADDRESSES"]
    answer = make_wsgi_app(_counted())

    def metrics_only(environ, start_response):
        if environ.get("PATH_INFO") == "/metrics" and allowed(environ.get("REMOTE_ADDR"), networks):
            return answer(environ, start_response)
        start_response("404 Not Found", [("Content-Type", "application/json")])
        return [json.dumps({"code": 404, "status": "Not Found", "message": "Not found."}).encode()]

    host, port = config["WORKER_METRICS_HOST"], int(config["WORKER_METRICS_PORT"])
    server = make_server(host, port, metrics_only, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, name="worker-metrics", daemon=True).start()
    log.info("Worker metrics at http://%s:%s/metrics", host, server.server_port)
