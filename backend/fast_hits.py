"""Hits of the shared cache of public reads, answered in front of Flask.

A hit of the shared cache (http_cache.py) still went through all of Flask's round: the request
guard, the rate limiter's check, the cookie session, Flask-Compress looking the compressed bytes up
again, the security headers; in all more than twice the CPU of a bare Flask answer. So a WSGI
middleware answers the anonymous GETs that http_cache.py would share from a record of what Flask
last sent for the same read (path, query, language, and the compression the caller accepts): the
status, headers and (compressed) body, with the data versions it was computed under. A record is
served only while those versions are current and its entry's time lasts, as a 304 when the caller
has the ETag; anything else goes on to Flask, whose answer fills the record again.

What Flask adds to every answer is in the record (security headers, Vary, Cache-Control); what
each request gets of its own is added here: the request id, the access log line, the metrics. Rate
limits: a record is made only of an answer no limit was checked for (public reads have none), and
the request guard's limits on the URL and headers are asked before a record is looked up.
"""

import hashlib
import time
from datetime import timedelta
from functools import lru_cache

from flask import Flask, g, request, request_finished
from flask_compress.flask_compress import _choose_algorithm
from redis import RedisError
from werkzeug.datastructures import Headers
from werkzeug.http import http_date, remove_entity_headers
from werkzeug.wrappers import Request

from . import data_versions, logs, metrics
from .database import utcnow
from .extensions import cache, compress, limiter
from .http_cache import known_etag, public_read, shared_read
from .outages import with_cache
from .request_guard import oversized

# In the WSGI environ of a request Flask answers because its record was missing or out of date: the
# record's key, for Flask's answer to fill.
FILL = "satupintu.fill_record"
# Where the public reads are: any other path (the PWA's files) is not looked up.
PREFIXES = ("/api/", "/open311/")
# Conditions other than If-None-Match (which a record answers), and ranges: Flask's business.
OTHER_CONDITIONS = (
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_RANGE",
    "HTTP_RANGE",
)


class FastHits:
    """The WSGI middleware in front of Flask's own WSGI app."""

    def __init__(self, app: Flask, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        # A process's first request goes through Flask, so that its once-per-process hooks (the
        # embedded job ticker) start even when hits would answer everything.
        self.warm = False

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        answer = self._hit(Request(environ), started) if self.warm else None
        if answer is None:
            self.warm = True
            return self.wsgi_app(environ, start_response)
        status, headers, body = answer
        start_response(status, headers)
        return [body]

    def _hit(self, req: Request, started: float):
        if not self._answerable(req):
            return None
        store = self.app.extensions["cache"][cache]
        algorithm = _algorithm(compress.enabled_algorithms, req.environ.get("HTTP_ACCEPT_ENCODING", ""))
        key = record_key(req, algorithm)
        try:
            record = store.get(key)
            current = record is not None and data_versions.read(store, record["shows"]) == record["versions"]
        except RedisError:
            return None  # Flask's path notices the outage
        if not current or (record["until"] is not None and utcnow() >= record["until"]):
            req.environ[FILL] = key
            return None
        if req.if_none_match:
            known = known_etag(req, record["etag"])
            if known is None:
                return None  # an old copy, or a weak tag: Flask's path says what it gets
            answer = ("304 NOT MODIFIED", _not_modified(record["headers"], known), b"")
        else:
            answer = ("200 OK", _dated(record["headers"]), record["body"])
        self._account(req, record, int(answer[0][:3]), answer[1], started)
        return answer

    def _answerable(self, req: Request) -> bool:
        """An anonymous GET of the API that Flask would answer from the shared cache if its view is
        a public read, with nothing that makes it Flask's business: a CORS origin, a body, a
        condition other than If-None-Match, an oversized URL or header, a cache known to be down."""
        config = self.app.config
        outage = self.app.extensions.get("cache_outage")
        return (
            req.path.startswith(PREFIXES)
            and shared_read(req, config)
            and not (config["CORS_ORIGINS"] and "HTTP_ORIGIN" in req.environ)
            and not req.environ.get("CONTENT_TYPE")
            and not any(name in req.environ for name in OTHER_CONDITIONS)
            and oversized(req, config) is None
            and (outage is None or outage.retry_at is None)
        )

    def _account(self, req: Request, record: dict, status: int, headers: list, started: float) -> None:
        """What Flask's path does for every answer: the request id, the metrics, the access line."""
        request_id = logs.request_id_of(req.environ.get("HTTP_X_REQUEST_ID", ""))
        headers.append((logs.REQUEST_ID_HEADER, request_id))
        seconds = time.perf_counter() - started
        metrics.count_cache("hit")
        metrics.count_request(record["endpoint"], "GET", status, seconds)
        token = logs.request_id.set(request_id)
        try:
            logs.log_access("GET", record["path"], status, seconds, req.remote_addr)
        finally:
            logs.request_id.reset(token)


def record_key(req, algorithm: str | None) -> str:
    described = f"{public_read(req)}|{algorithm}"
    return "record:" + hashlib.sha256(described.encode()).hexdigest()


# Flask-Compress's own choice, a private function of the pinned version: tests/test_fast_hits.py
# compares a hit with Flask's answer for several Accept-Encoding headers.
@lru_cache(maxsize=1024)
def _algorithm(enabled: tuple[str, ...], accept_encoding: str) -> str | None:
    """The compression Flask-Compress chooses for an Accept-Encoding (few differ: kept per header)."""
    return _choose_algorithm(enabled, accept_encoding)


def _dated(headers: list) -> list:
    """The record's headers with a Date of now where Flask's answer had one."""
    return [(name, http_date() if name == "Date" else value) for name, value in headers]


def _not_modified(headers: list, etag: str) -> list:
    """The 304 Flask's path gives for a current ETag: its 200's headers but the body's own and the
    Date, and the caller's ETag."""
    kept = Headers([(name, value) for name, value in headers if name != "Date"])
    remove_entity_headers(kept)
    kept["ETag"] = f'"{etag}"'
    return kept.to_wsgi_list()


def _fill(app: Flask, response, **_) -> None:
    """Keep what Flask sent for a shared read whose record was missing or out of date, for as
    long as its entry lasts; not when a rate limit was checked or a cookie set."""
    key = request.environ.get(FILL)
    shared = g.pop("shared_answer", None)  # the tests run many requests in one app context
    if (
        key is None
        or shared is None
        or response.status_code != 200
        or response.is_streamed
        or "Set-Cookie" in response.headers
        or limiter.current_limits
    ):
        return
    entry = shared["entry"]
    seconds = int((entry["kept_until"] - utcnow()) / timedelta(seconds=1))
    if seconds < 1:
        return
    record = {
        "headers": [(name, value) for name, value in response.headers if name != logs.REQUEST_ID_HEADER],
        "body": response.get_data(),
        "etag": entry["etag"],
        "until": entry["until"],
        "shows": shared["shows"],
        "versions": shared["versions"],
        "endpoint": request.url_rule.rule,
        "path": logs.logged_path(),
    }
    with_cache(lambda: cache.set(key, record, timeout=seconds), lambda: None)


def register_fast_hits(app: Flask) -> None:
    app.wsgi_app = FastHits(app, app.wsgi_app)
    request_finished.connect(_fill, app)
