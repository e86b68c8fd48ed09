"""Delivering web push messages. The only module that encrypts and sends them.

Many messages go out concurrently over one pooled aiohttp session (connections kept per push
service), with the VAPID JWT signed once per push-service origin and renewed well before it
expires. Each answer is classified: sent, gone (the subscription no longer exists), too large,
or failed; 429, 5xx and timeouts are retried, honouring Retry-After, with capped backoff.

Encryption is pywebpush's own: `WebPusher.encode()` makes a fresh P-256 key and calls
`http_ece.encrypt(..., version="aes128gcm")` (RFC 8291), and `encrypt()` below makes that same
call. Calling it directly, and posting on the shared session ourselves, skips what WebPusher adds
per message (a deep copy of the subscription, case-insensitive header dicts, an unused public key
encoding, decoding the answer as text): about a seventh of the CPU a message costs. http_ece and
py_vapid are pywebpush's dependencies, pinned next to it.
"""

import asyncio
import atexit
import os
import queue
import threading
import time
from base64 import urlsafe_b64decode
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from enum import StrEnum
from urllib.parse import urlsplit

import aiohttp
import http_ece
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid

JWT_LIFETIME = 12 * 3600
JWT_RENEW_BEFORE = 3600
TIMEOUT = aiohttp.ClientTimeout(total=10)
GROUP_SECONDS = 0.02  # how long outcomes are gathered for one recording transaction


class Result(StrEnum):
    SENT = "sent"
    GONE = "gone"
    TOO_LARGE = "too_large"
    FAILED = "failed"


@dataclass(frozen=True)
class Target:
    subscription_id: int
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True)
class Message:
    payload: bytes
    ttl: int
    urgency: str = "normal"
    topic: str | None = None


@dataclass(frozen=True)
class Outcome:
    subscription_id: int
    result: Result
    status: int | None
    attempts: int


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    base_seconds: float = 1.0
    cap_seconds: float = 30.0

    def delay(self, attempt: int, retry_after: str | None) -> float:
        backoff = self.base_seconds * 2 ** (attempt - 1)
        return min(self.cap_seconds, max(backoff, _seconds(retry_after)))


def _seconds(retry_after: str | None) -> float:
    """Retry-After as seconds: either a number or an HTTP date."""
    if not retry_after:
        return 0.0
    try:
        return max(0.0, float(retry_after))
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(retry_after).timestamp() - time.time())
        except (TypeError, ValueError):
            return 0.0


def classify(status: int | None) -> Result | None:
    """The outcome of one answer, or None when it is worth trying again."""
    if status is not None and 200 <= status <= 202:
        return Result.SENT
    if status in (404, 410):
        return Result.GONE
    if status == 413:
        return Result.TOO_LARGE
    if status is None or status == 429 or status >= 500:
        return None
    return Result.FAILED


class VapidSigner:
    """VAPID Authorization headers, one JWT per push-service origin, renewed before it expires."""

    def __init__(self, private_key: str, subject: str):
        self.vapid = Vapid.from_string(private_key=private_key)
        self.subject = subject
        self.cache: dict[str, tuple[str, int]] = {}

    def authorization(self, endpoint: str) -> str:
        parts = urlsplit(endpoint)
        origin = f"{parts.scheme}://{parts.netloc}"
        now = int(time.time())
        cached = self.cache.get(origin)
        if cached is None or cached[1] - now < JWT_RENEW_BEFORE:
            expires = now + JWT_LIFETIME
            # A new claims dict each time: py_vapid writes into the dict it is given.
            signed = self.vapid.sign({"sub": self.subject, "aud": origin, "exp": expires})
            cached = self.cache[origin] = (signed["Authorization"], expires)
        return cached[0]


def _unb64(text: str) -> bytes:
    return urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encrypt(payload: bytes, target: Target) -> bytes:
    """RFC 8291 aes128gcm in one 4,096-byte record, as WebPusher.encode() does it: a fresh
    ephemeral P-256 key and a fresh random salt for every message, never reused."""
    return http_ece.encrypt(
        payload,
        salt=os.urandom(16),
        private_key=ec.generate_private_key(ec.SECP256R1()),
        dh=_unb64(target.p256dh),
        auth_secret=_unb64(target.auth),
        version="aes128gcm",
    )


def _headers(message: Message, authorization: str) -> dict:
    headers = {
        "Authorization": authorization,
        "TTL": str(message.ttl),
        "Urgency": message.urgency,
        "Content-Encoding": "aes128gcm",
    }
    if message.topic:
        headers["Topic"] = message.topic
    return headers


async def _send_one(session, signer, target: Target, message: Message, gate, policy, settle) -> Outcome:
    try:
        body = encrypt(message.payload, target)
    except (ValueError, http_ece.ECEException):  # keys that cannot be used: this message fails
        return await settle(Outcome(target.subscription_id, Result.FAILED, None, 1))
    status = None
    for attempt in range(1, policy.attempts + 1):
        retry_after = None
        headers = _headers(message, signer.authorization(target.endpoint))
        # Held for the request and until its outcome is settled (recorded), not while a retry
        # waits: so no more than `concurrency` messages are ever sent but not yet recorded.
        async with gate:
            try:
                async with session.post(
                    target.endpoint, data=body, headers=headers, timeout=TIMEOUT
                ) as answer:
                    await answer.read()  # so that the connection is kept for the next message
                    status, retry_after = answer.status, answer.headers.get("Retry-After")
            except (TimeoutError, aiohttp.ClientError, OSError):
                status = None
            result = classify(status)
            if result is not None:
                return await settle(Outcome(target.subscription_id, result, status, attempt))
        if attempt < policy.attempts:
            await asyncio.sleep(policy.delay(attempt, retry_after))
    return await settle(Outcome(target.subscription_id, Result.FAILED, status, policy.attempts))


class _Loop:
    """One event loop and one HTTP session per process, kept across batches, so that connections
    (TLS handshakes, in production) to each push service are reused, not made again per batch."""

    def __init__(self, concurrency: int):
        self.pid = os.getpid()
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, name="push-sender", daemon=True).start()
        self.session = self.run(self._session(concurrency))
        atexit.register(self.close)

    def close(self) -> None:
        if self.loop.is_running() and not self.session.closed:
            self.run(self.session.close())

    async def _session(self, concurrency: int) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=concurrency)
        return aiohttp.ClientSession(connector=connector, cookie_jar=aiohttp.DummyCookieJar())

    def run(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result()


_loops: dict[int, _Loop] = {}
_loops_lock = threading.Lock()


def _shared_loop(concurrency: int) -> _Loop:
    """This process's sender loop (a forked worker makes its own)."""
    with _loops_lock:
        loop = _loops.get(concurrency)
        if loop is None or loop.pid != os.getpid():
            loop = _loops[concurrency] = _Loop(concurrency)
        return loop


async def _unsettled(outcome: Outcome) -> Outcome:
    return outcome


async def _send_all(session, targets, message_for, signer, policy, concurrency, settle) -> list[Outcome]:
    gate = asyncio.Semaphore(concurrency)
    return await asyncio.gather(
        *(_send_one(session, signer, target, message_for(target), gate, policy, settle) for target in targets)
    )


class _Settler:
    """Hands outcomes from the sender's loop to the calling thread, which records them in groups
    (one transaction for all that came in meanwhile) and then lets their senders go on."""

    def __init__(self, loop: asyncio.AbstractEventLoop, concurrency: int):
        self.loop, self.group = loop, concurrency
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()

    async def __call__(self, outcome: Outcome) -> Outcome:
        recorded = self.loop.create_future()
        self.inbox.put((outcome, recorded))
        await recorded
        return outcome

    def serve(self, sending, record) -> None:
        """Record outcomes until `sending` (the concurrent future of the whole send) is done."""
        while True:
            try:
                waiting = [self.inbox.get(timeout=0.05)]
            except queue.Empty:
                if sending.done():
                    return
                continue
            # A moment for more to come in: one transaction for many outcomes costs far less CPU
            # than one each, and the other slots keep sending meanwhile.
            gathered_by = time.monotonic() + GROUP_SECONDS
            while len(waiting) < self.group and (left := gathered_by - time.monotonic()) > 0:
                try:
                    waiting.append(self.inbox.get(timeout=left))
                except queue.Empty:
                    break
            while not self.inbox.empty():
                waiting.append(self.inbox.get_nowait())
            try:
                record([outcome for outcome, _ in waiting])
            except BaseException:
                sending.cancel()
                raise
            for _, recorded in waiting:
                self.loop.call_soon_threadsafe(recorded.set_result, None)


def send_many(
    targets: list[Target],
    message_for,
    signer: VapidSigner,
    policy: RetryPolicy = RetryPolicy(),
    concurrency: int = 32,
    record=None,
) -> list[Outcome]:
    """Send each target its message (`message_for(target)`), at most `concurrency` at a time.

    With `record`, it is called in this thread with each group of outcomes as they come in, and a
    message's slot is given to the next one only once its outcome is recorded: a process killed
    mid-send leaves at most `concurrency` messages sent but unrecorded."""
    if not targets:
        return []
    shared = _shared_loop(concurrency)
    if record is None:
        return shared.run(
            _send_all(shared.session, targets, message_for, signer, policy, concurrency, _unsettled)
        )
    settler = _Settler(shared.loop, concurrency)
    sending = asyncio.run_coroutine_threadsafe(
        _send_all(shared.session, targets, message_for, signer, policy, concurrency, settler), shared.loop
    )
    settler.serve(sending, record)
    return sending.result()
