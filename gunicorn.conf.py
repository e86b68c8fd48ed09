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
