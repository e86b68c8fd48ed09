"""Sending push messages with this deployment's VAPID keys and retry policy: the one path both the
campaigns (campaigns.py) and the transactional messages (transactional.py) go through."""

from functools import lru_cache

from flask import current_app

from .. import metrics
from ..errors import Conflict
from .models import PushSubscription
from .sender import RetryPolicy, Target, VapidSigner, send_many


def target_of(row: PushSubscription) -> Target:
    return Target(row.id, row.endpoint, row.p256dh, row.auth)


@lru_cache(maxsize=4)
def _signer(private_key: str, subject: str) -> VapidSigner:
    """One signer per process, so that each push service's JWT is signed once and reused."""
    return VapidSigner(private_key, subject)


def deliver(targets: list[Target], message_for, record=None) -> list:
    """Send with this deployment's VAPID keys and retry policy (see send_many for `record`)."""
    config = current_app.config
    if not config.get("VAPID_PRIVATE_KEY"):
        raise Conflict("Push is not configured: run `flask vapid-keys`.")
    signer = _signer(config["VAPID_PRIVATE_KEY"], config["VAPID_SUBJECT"])
    policy = RetryPolicy(
        config["PUSH_RETRY_ATTEMPTS"], config["PUSH_RETRY_BASE_SECONDS"], config["PUSH_RETRY_CAP_SECONDS"]
    )
    outcomes = send_many(targets, message_for, signer, policy, config["PUSH_CONCURRENCY"], record)
    metrics.count_push(outcomes)
    return outcomes
