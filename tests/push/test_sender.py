"""The sender on its own: RFC 8291 encryption with fresh keys, VAPID per origin, and answers that are
not the push service's (keys that cannot be used, a service that cannot be reached)."""

import socket
from dataclasses import replace

import http_ece
import jwt
import pytest

from backend.push import sender
from backend.push.sender import Message, Result, RetryPolicy, Target, VapidSigner, encrypt, send_many

QUICK = RetryPolicy(attempts=3, base_seconds=0.01, cap_seconds=0.05)


def target_of(device, subscription_id: int = 1) -> Target:
    keys = device.subscription["keys"]
    return Target(subscription_id, device.endpoint, keys["p256dh"], keys["auth"])


@pytest.fixture
def signer(vapid_keys):
    return VapidSigner(vapid_keys["VAPID_PRIVATE_KEY"], vapid_keys["VAPID_SUBJECT"])


def test_each_message_gets_its_own_ephemeral_key_and_salt(push_service):
    device = push_service.device()
    target = target_of(device)
    first, second = encrypt(b"x" * 3993, target), encrypt(b"x" * 3993, target)
    assert len(first) == len(second) == 4096  # the largest payload fills exactly one record
    # aes128gcm header: salt (16), record size (4), key id length (1), the sender's public key (65)
    assert first[:16] != second[:16]
    assert first[21:86] != second[21:86]
    for body in (first, second):
        assert int.from_bytes(body[16:20]) == 4096
        plain = http_ece.decrypt(
            body, private_key=device.private_key, auth_secret=device.auth, version="aes128gcm"
        )
        assert plain == b"x" * 3993


def test_one_jwt_per_origin_renewed_before_it_expires(signer, vapid_keys, monkeypatch):
    now = 1_900_000_000
    monkeypatch.setattr(sender.time, "time", lambda: now)
    first = signer.authorization("https://fcm.googleapis.com/fcm/send/a")
    assert signer.authorization("https://fcm.googleapis.com/fcm/send/b") == first
    other = signer.authorization("https://updates.push.services.mozilla.com/wpush/v2/c")
    assert other != first
    token = first.split("t=", 1)[1].split(",", 1)[0]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["aud"] == "https://fcm.googleapis.com"
    assert claims["sub"] == vapid_keys["VAPID_SUBJECT"]
    assert claims["exp"] - now <= 24 * 3600
    now += sender.JWT_LIFETIME - sender.JWT_RENEW_BEFORE + 1
    assert signer.authorization("https://fcm.googleapis.com/fcm/send/a") != first


def test_unusable_keys_fail_that_message_only(push_service, signer):
    good, bad = push_service.device(), push_service.device()
    not_a_point = Target(2, bad.endpoint, "BA" + "A" * 85, target_of(bad).auth)
    outcomes = send_many(
        [target_of(good), not_a_point], lambda target: Message(b'{"n":1}', 60), signer, QUICK
    )
    assert [(o.subscription_id, o.result, o.attempts) for o in outcomes] == [
        (1, Result.SENT, 1),
        (2, Result.FAILED, 1),
    ]
    assert len(good.received) == 1 and bad.received == []


def test_a_push_service_that_cannot_be_reached_is_retried_then_failed(push_service, signer):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    target = replace(target_of(push_service.device()), endpoint=f"http://127.0.0.1:{port}/push/x")
    [outcome] = send_many([target], lambda target: Message(b"{}", 60), signer, QUICK)
    assert (outcome.result, outcome.status, outcome.attempts) == (Result.FAILED, None, QUICK.attempts)


def test_headers_carry_ttl_urgency_and_topic(push_service, signer):
    device = push_service.device()
    message = Message(b'{"n":2}', 600, "low", "rq-ABC123")
    [outcome] = send_many([target_of(device)], lambda target: message, signer, QUICK)
    assert outcome.result == Result.SENT
    [received] = device.received
    assert (received.payload, received.ttl, received.urgency, received.topic) == (
        {"n": 2},
        600,
        "low",
        "rq-ABC123",
    )
    assert push_service.errors == []
