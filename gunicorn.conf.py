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
accesslog = "-"
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
