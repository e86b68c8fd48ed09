"""The rate limiter: Flask-Limiter counting in Redis, or in this process while Redis is down.

Flask-Limiter's own in-memory fallback (RATELIMIT_IN_MEMORY_FALLBACK_ENABLED, with
RATELIMIT_SWALLOW_ERRORS) falls back too, but tries Redis again on a wall-clock backoff of up to
32 seconds kept on the one shared Limiter, and only for its own limits; this storage also serves
the login delays (accounts/login_throttle.py), and its retry reads database.utcnow.
"""

import flask_limiter
from flask import Flask
from limits.storage import MemoryStorage, Storage

from .database import utcnow
from .outages import Outage


class FallbackStorage(Storage):
    """Redis (or another limits storage) while it answers, this process's memory while it does not."""

    def __init__(self, primary: Storage, retry_seconds: float):
        super().__init__()
        self.primary = primary
        self.memory = MemoryStorage()
        self.outage = Outage("Redis (rate limits)", "limits count in this process only", retry_seconds)

    @property
    def base_exceptions(self):
        return self.primary.base_exceptions

    def _call(self, name: str, *args):
        if not self.outage.skip():
            try:
                answer = getattr(self.primary, name)(*args)
            except self.primary.base_exceptions as error:
                self.outage.failed(error)
            else:
                self.outage.answered()
                return answer
        return getattr(self.memory, name)(*args)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        return self._call("incr", key, expiry, amount)

    def get(self, key: str) -> int:
        return self._call("get", key)

    def get_expiry(self, key: str) -> float:
        return self._call("get_expiry", key)

    def clear(self, key: str) -> None:
        return self._call("clear", key)

    def check(self) -> bool:
        return True  # it always answers, from memory if need be

    def reset(self) -> int | None:
        self.memory.reset()
        return self._call("reset")


class Limiter(flask_limiter.Limiter):
    """Flask-Limiter whose storage rides out a Redis outage (FallbackStorage)."""

    def init_app(self, app: Flask) -> None:
        super().init_app(app)
        if self.enabled and not isinstance(self._storage, MemoryStorage):
            self._storage = FallbackStorage(self._storage, app.config["REDIS_RETRY_SECONDS"])
            self._limiter = type(self._limiter)(self._storage)

    def retry_after(self) -> int:
        """Seconds until the limit this request used up lets it through (at least 1)."""
        limit = self.current_limit
        if limit is None:
            return 1
        return max(1, int(limit.reset_at - utcnow().timestamp()))
