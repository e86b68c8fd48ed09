"""gunicorn settings: `gunicorn -c gunicorn.conf.py` serves the app."""

import multiprocessing
import os

wsgi_app = "backend:create_app()"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# Worker class gthread: each worker process answers `threads` requests at once. A request spends
# part of its time waiting on PostgreSQL and Redis (the shared cache, rate limits), and another
# thread runs meanwhile; gthread also keeps connections alive between a phone's (or the load
# balancer's) requests, which the sync worker cannot. Threads share one process's GIL, so the CPU
# is used through processes: two per core (plus one), as a process waiting on I/O leaves its core
# to another; capped so that a big machine does not open more database connections than the
# server takes. Each thread holds at most one connection of its process's SQLAlchemy pool (5 kept
# open), so 4 threads never open and close overflow connections; one app server holds at most
# workers x threads PostgreSQL connections (20 on 2 cores, 36 from 4 cores up): keep the sum over
# app servers and Celery workers under PostgreSQL's max_connections (100 by default).
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Idle kept-alive connections, seconds: a phone's next screen often follows within a few. Behind
# a proxy that keeps its upstream connections alive, set it above the proxy's idle timeout, or the
# proxy may send a request on a connection gunicorn is closing (a 502 now and then).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
timeout = 60
# Recycle workers now and then so that no slow leak grows past the memory budget. The jitter is as
# large as the base: each worker (and each one started in its place) draws its own limit between
# 10,000 and 20,000 requests, so the workers, which all started together, are replaced one at a time
# and far apart, not all at once in the middle of a burst (a new worker takes about 1.3 s of CPU to
# import the app; meanwhile the others answer).
max_requests = 10000
max_requests_jitter = 10000
# A worker that reaches max_requests (or gets SIGTERM on a deploy) stops accepting, finishes every
# request it has in flight and answers one already under way on a kept-alive connection with
# "Connection: close"; only after graceful_timeout is it killed. `timeout` does not bound a gthread
# request (the worker's main thread keeps reporting alive), so the grace is what does: 60 s, longer
# than any request should take (a statement waits DATABASE_WAIT_MS at most), a slow phone's upload
# of three photos included, so recycling drops no request in flight
# (tests/topology/test_worker_recycling.py proves it under load). A stop with nothing
# in flight ends within 2 s (idle kept-alive connections linger that long); the service manager's
# stop timeout (systemd TimeoutStopSec, Kubernetes terminationGracePeriodSeconds) must exceed 60 s.
graceful_timeout = 60
# The app logs each request itself, as JSON on stdout with its request id (backend/logs.py); gunicorn's
# own messages (workers starting and stopping) go to stderr.
accesslog = None
errorlog = "-"
# The app itself refuses a URL over MAX_URL_LENGTH (414) and a header line over MAX_HEADER_LENGTH or
# more than MAX_HEADER_COUNT of them (431) in its JSON error shape; gunicorn's limits stand above
# those (the request line at its ceiling, 8190) so that it answers with its HTML page only far beyond.
limit_request_line = 8190
limit_request_fields = 128
limit_request_field_size = 32768
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def served_at(address: str) -> str:
    """The address a browser on this machine opens for a bind address (`make run` prints it; gunicorn
    ignores names that are not its settings). All interfaces are reached through the loopback."""
    if address.startswith(("unix:", "fd://")):
        return address
    host, _, port = address.rpartition(":")
    if not port.isdigit():  # no port given: gunicorn's default
        host, port = address, "8000"
    host = {"": "127.0.0.1", "0.0.0.0": "127.0.0.1", "[::]": "[::1]"}.get(host, host)  # noqa: S104 (read, not bound)
    return f"http://{host}:{port}"


# Metrics (backend/metrics.py): with PROMETHEUS_MULTIPROC_DIR set, every worker writes its figures into
# that folder and /metrics adds them up, whichever worker answers.
metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        pass
    return True


def on_starting(server):
    """Start counting afresh: drop the files of processes that no longer run (a previous start's),
    keep those of running ones (Celery workers on this machine writing to the same folder)."""
    if not metrics_dir:
        if workers > 1:
            server.log.warning(
                "PROMETHEUS_MULTIPROC_DIR is not set: /metrics counts one worker's requests only."
            )
        return
    os.makedirs(metrics_dir, exist_ok=True)
    for name in os.listdir(metrics_dir):
        pid = name.rpartition("_")[2].removesuffix(".db")
        if name.endswith(".db") and pid.isdigit() and not _running(int(pid)):
            os.remove(os.path.join(metrics_dir, name))


def child_exit(server, worker):
    """A dead worker's live gauges no longer count; its counters still do."""
    if metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
