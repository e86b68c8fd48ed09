"""The rate limiter: Flask-Limiter, plus when its refusals let the caller through again."""

import flask_limiter

from .database import utcnow


class Limiter(flask_limiter.Limiter):
    """Flask-Limiter as the app uses it."""

    def retry_after(self) -> int:
        """Seconds until the limit this request used up lets it through (at least 1)."""
        limit = self.current_limit
        if limit is None:
            return 1
        return max(1, int(limit.reset_at - utcnow().timestamp()))
