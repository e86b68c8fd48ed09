"""gunicorn settings: `gunicorn -c gunicorn.conf.py` serves the app."""

import multiprocessing
import os

wsgi_app = "backend:create_app()"
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 9)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 60
graceful_timeout = 30
# Recycle workers now and then so that no slow leak grows past the memory budget.
max_requests = 2000
max_requests_jitter = 200
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
