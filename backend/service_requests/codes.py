"""Tracking codes (BPN-7K3Q9) and the secret tracking tokens of anonymous requests."""

import hashlib
import hmac
import secrets

from flask import current_app

# No 0/O, 1/I/L or U: easy to read out over the phone and to type on a small keyboard.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 5


def new_code(prefix: str) -> str:
    return f"{prefix}-{''.join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))}"


def normalise_code(code: str) -> str:
    """Accept what a person types, in any case and with stray spaces."""
    return code.strip().upper()


def tracking_token(code: str) -> str:
    """The anonymous reporter's secret for a request. Derived, not stored, so that a resent
    (idempotent) submission can be answered with the same token again."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"tracking-token:{code}".encode(), hashlib.sha256).hexdigest()[:32]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
