"""Failed logins per account: a few are free, then each further attempt waits a short delay that
doubles up to a cap. Never a lock: the owner gets in after at most the cap, and a success clears
the count; failures are forgotten after a quiet while.

The counts live in the rate limiter's storage (Redis in production), so every app server sees the
same ones. An attempt counts as a failure from the moment it starts until it succeeds: attempts
sent all at once cannot slip through together before the first of them has failed.
"""

from flask import current_app

from ..database import utcnow
from ..errors import TooManyRequests
from ..extensions import limiter
from .identifiers import login_identifier

TOO_MANY = "Too many failed logins with this e-mail or phone number. Please wait {seconds} s and try again."
# How long the storage keeps an account's count at most; the rule itself forgets it sooner.
KEEP_SECONDS = 24 * 3600


def delay(failures: int) -> int:
    """Seconds an attempt must wait after the last of `failures` failures."""
    config = current_app.config
    beyond = failures - config["LOGIN_FREE_FAILURES"]
    if beyond < 0:
        return 0
    return min(config["LOGIN_DELAY_CAP_SECONDS"], config["LOGIN_DELAY_BASE_SECONDS"] * 2 ** min(beyond, 30))


def begin_attempt(login: str) -> str | None:
    """Count an attempt on the account behind `login`, or refuse it (429) while its delay runs.

    Answers the key that `succeeded` takes once the password proved right."""
    return begin(_key(login), TOO_MANY)


def begin(key: str, too_many: str) -> str | None:
    """Count an attempt under `key` (an account's password, or its second factor), or refuse it
    (429, `too_many` with the seconds to wait) while its delay runs."""
    if not limiter.enabled:
        return None
    storage = limiter.storage
    now = int(utcnow().timestamp())
    failures = storage.get(key)
    if failures:
        # When the last attempt started; missing only while it is being written, that is now.
        last = storage.get(f"{key}/{failures}") or now
        if now - last >= current_app.config["LOGIN_FORGET_FAILURES_SECONDS"]:
            storage.clear(key)
            failures = 0
        elif (wait := last + delay(failures) - now) > 0:
            raise TooManyRequests(wait, too_many.format(seconds=wait))
    number = storage.incr(key, KEEP_SECONDS)
    storage.clear(f"{key}/{number}")
    storage.incr(f"{key}/{number}", KEEP_SECONDS, amount=now)
    storage.clear(f"{key}/{number - 1}")
    if number > current_app.config["LOGIN_FREE_FAILURES"] and number != failures + 1:
        # Another attempt on this account started since we looked: it has the turn.
        wait = delay(number)
        raise TooManyRequests(wait, too_many.format(seconds=wait))
    return key


def _key(login: str) -> str:
    return "login-failures/" + ":".join(login_identifier(login))


def forget(login: str) -> None:
    """The account proved its owner another way (a reset code): its failures are forgotten."""
    if limiter.enabled:
        limiter.storage.clear(_key(login))


def succeeded(key: str | None) -> None:
    """The password (or second factor) was right: the account's failures are forgotten."""
    if key:
        limiter.storage.clear(key)
