"""HTTP caching of reads: ETag, Cache-Control and 304 answers, and the shared cache of public reads.

A public read asked anonymously is the same for everyone, so its answer is kept in the app's cache
(Redis in production, shared by every app server) under its URL, the caller's language and the
current versions of the data areas it shows (data_versions.py). A hit, and a 304 for a current
ETag, costs two cache lookups and no database statement. Anyone logged in is answered afresh:
what differs per viewer never goes into, or comes out of, the shared entry. Flask-Compress keeps
each shared answer's compressed bytes beside it (CompressedAnswers), so a hit is not compressed
again: for a phone's request, compressing costs more than the rest of the hit. Most hits do not
come this far: fast_hits.py answers them in front of Flask from what this path last sent.
"""

import hashlib
from datetime import datetime, timedelta
from functools import wraps

from flask import current_app, g, make_response, request

from . import data_versions, metrics
from .database import utcnow
from .extensions import cache
from .i18n import language_of
from .outages import with_cache

VARY = "Accept-Language, Authorization"
# Query arguments that are credentials (a tracking token, a signed URL): never a shared answer.
CREDENTIALS = ("token", "sig")


def cacheable(max_age: int, public: bool = True, shows: tuple[str, ...] = (), changes_at=None):
    """Give a GET answer a strong ETag and Cache-Control, and answer 304 when the client has it.

    `shows` names the data areas of a public read: its anonymous answers come from the shared
    cache. `changes_at()` says when, with no write, the answer changes by the clock alone (a
    scheduled article appears, a warning expires), or None."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if shows and shared_read(request, current_app.config):
                return with_cache(
                    lambda: _shared_answer(lambda: view(*args, **kwargs), shows, changes_at, max_age),
                    lambda: _unshared_answer(view(*args, **kwargs), max_age, public),
                )
            return _answer(view(*args, **kwargs), max_age, public)

        return wrapper

    return decorator


def _answer(result, max_age: int, public: bool):
    response = make_response(result)
    if request.method != "GET" or response.status_code != 200:
        return response
    response.add_etag()
    # An answer given to a logged-in caller may differ from the anonymous one: never share it.
    _cache_headers(response, max_age, public and not logged_in(request, current_app.config))
    return response.make_conditional(request)


def _unshared_answer(result, max_age: int, public: bool):
    """A public read answered afresh while the cache's Redis is down."""
    metrics.count_cache("unavailable")
    return _answer(result, max_age, public)


def _cache_headers(response, max_age: int, public: bool) -> None:
    scope = "public" if public else "private"
    response.headers["Cache-Control"] = f"{scope}, max-age={max_age}, stale-while-revalidate={max_age}"
    response.headers.add("Vary", VARY)


def logged_in(req, config) -> bool:
    environ = req.environ
    return "HTTP_AUTHORIZATION" in environ or (
        "HTTP_COOKIE" in environ and config["JWT_ACCESS_COOKIE_NAME"] in req.cookies
    )


def shared_read(req, config) -> bool:
    """Whether a request (Flask's, or a plain Werkzeug one in front of Flask) is answered from the
    shared cache when its view is a public read: an anonymous GET with no credential in its query."""
    return (
        config["PUBLIC_CACHE"]
        and req.method == "GET"
        and not logged_in(req, config)
        and not any(name in req.args for name in CREDENTIALS)
    )


def public_read(req) -> str:
    """What tells one public read from another, data versions aside: path, query and language."""
    return f"{req.path}?{sorted(req.args.items(multi=True))}|{language_of(req)}"


def _shared_answer(compute, shows: tuple[str, ...], changes_at, max_age: int):
    versions = data_versions.current(shows)
    key = _entry_key(versions)
    entry = _cached_entry(key)
    metrics.count_cache("miss" if entry is None else "hit")
    if entry is None:
        response = make_response(compute())
        if response.status_code != 200:
            return response
        response.add_etag()
        entry = _keep(key, response, changes_at)
    known = known_etag(request, entry["etag"])
    if known:
        response = current_app.response_class(status=304)
    else:
        response = current_app.response_class(entry["body"], mimetype=entry["mimetype"])
        g.compressed_answer_key = f"{key}:{entry['etag']}"
        g.shared_answer = {"shows": shows, "versions": versions, "entry": entry}  # for fast_hits.py
    response.set_etag(known or entry["etag"])
    _cache_headers(response, max_age, public=True)
    return response


def known_etag(req, etag: str) -> str | None:
    """The client's copy of this answer (Flask-Compress tags a compressed one "etag:algorithm")."""
    for tag in req.if_none_match.as_set():
        if tag == etag or tag.startswith(f"{etag}:"):
            return tag
    return None


def _entry_key(versions: str) -> str:
    described = f"{public_read(request)}|{versions}"
    return "shared:" + hashlib.sha256(described.encode()).hexdigest()


def _cached_entry(key: str) -> dict | None:
    entry = cache.get(key)
    if entry is None or (entry["until"] is not None and utcnow() >= entry["until"]):
        return None
    return entry


def _keep(key: str, response, changes_at) -> dict:
    seconds = current_app.config["PUBLIC_CACHE_SECONDS"]
    until: datetime | None = changes_at() if changes_at else None
    if until is not None:
        seconds = max(1, min(seconds, int((until - utcnow()) / timedelta(seconds=1)) + 1))
    entry = {
        "body": response.get_data(),
        "mimetype": response.mimetype,
        "etag": response.get_etag()[0],
        "until": until,
        "kept_until": utcnow() + timedelta(seconds=seconds),
    }
    cache.set(key, entry, timeout=seconds)
    return entry


class CompressedAnswers:
    """Flask-Compress's cache (COMPRESS_CACHE_BACKEND) of the shared answers' compressed bytes, in the
    app's cache. Its keys are "algorithm;<compressed_answer_key>"; other answers have an empty key
    and are compressed each time."""

    def get(self, key: str) -> bytes | None:
        if not _answer_key(key):
            return None
        found = with_cache(lambda: cache.get(f"compressed:{key}"), lambda: None)
        g.compressed_answer_found = found is not None
        return found

    def set(self, key: str, value: bytes) -> None:
        # Flask-Compress sets after every get, a hit too.
        if _answer_key(key) and not g.pop("compressed_answer_found", False):
            seconds = current_app.config["PUBLIC_CACHE_SECONDS"]
            with_cache(lambda: cache.set(f"compressed:{key}", value, timeout=seconds), lambda: None)


def compressed_answer_key(_request) -> str:
    """Flask-Compress's COMPRESS_CACHE_KEY: the shared answer being sent, or empty."""
    return g.get("compressed_answer_key", "")


def _answer_key(key: str) -> str:
    return key.partition(";")[2]
