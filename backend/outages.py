"""Riding out a Redis outage: the rate limiter (rate_limits.py) and the cache work on without it.

An Outage notices that Redis cannot be reached, logs one warning, lets its user skip Redis for
REDIS_RETRY_SECONDS (no request waits on a dead server meanwhile), then lets one try again, and
logs once more when Redis answers again.
"""

import logging
from datetime import timedelta

from flask import current_app
from redis import RedisError

from . import extensions  # the module, not its names: extensions.py imports this module
from .database import utcnow

log = logging.getLogger(__name__)


class Outage:
    """Whether Redis, as one user of it sees it, is down; `what` names it in the log ("Redis (cache)"),
    `meanwhile` says what happens until it is back."""

    def __init__(self, what: str, meanwhile: str, retry_seconds: float):
        self.what = what
        self.meanwhile = meanwhile
        self.retry_seconds = retry_seconds
        self.retry_at = None

    def skip(self) -> bool:
        """Whether Redis is known to be down and it is not yet time to try it again."""
        return self.retry_at is not None and utcnow() < self.retry_at

    def failed(self, error: Exception) -> None:
        """Redis could not be reached: skip it for a while (and say so, once)."""
        if self.retry_at is None:
            log.warning(
                "%s cannot be reached (%s): %s until it answers again.", self.what, error, self.meanwhile
            )
        self.retry_at = utcnow() + timedelta(seconds=self.retry_seconds)

    def answered(self) -> None:
        if self.retry_at is not None:
            log.warning("%s answers again.", self.what)
            self.retry_at = None


def with_cache(action, otherwise):
    """action() against the cache, or otherwise() while the cache's Redis is down.

    When Redis answers again after this process found it down, the cache starts afresh: writes
    made meanwhile could not change the data versions (data_versions.py) that public reads go by."""
    outage = _cache_outage()
    if outage.skip():
        return otherwise()
    try:
        if outage.retry_at is not None:
            extensions.cache.clear()
        result = action()
    except RedisError as error:
        outage.failed(error)
        return otherwise()
    outage.answered()
    return result


def read_through(key: str, compute, fresh=lambda value: True):
    """The cached value, else compute() and keep it; while the cache's Redis is down, compute().
    A kept value that is no longer `fresh` is computed again."""

    def cached():
        value = extensions.cache.get(key)
        if value is None or not fresh(value):
            value = compute()
            extensions.cache.set(key, value)
        return value

    return with_cache(cached, compute)


def _cache_outage() -> Outage:
    extensions = current_app.extensions
    if "cache_outage" not in extensions:
        retry = current_app.config["REDIS_RETRY_SECONDS"]
        extensions["cache_outage"] = Outage("Redis (cache)", "answers are computed afresh", retry)
    return extensions["cache_outage"]
