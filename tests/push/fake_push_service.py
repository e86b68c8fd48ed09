"""A push service on 127.0.0.1 for tests: it checks each message as a real one would.

It holds each fake device's private key and auth secret, decrypts what pywebpush sent (RFC 8291,
aes128gcm, with http_ece) and verifies the VAPID header (RFC 8292: an ES256 JWT whose `aud` is the
endpoint's origin, `exp` at most 24 h ahead, `sub` a mailto: or https: URL, signed by the key in
`k`, which must be the server's public key). It answers 201 unless told otherwise per device.
"""

import base64
import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from secrets import token_bytes, token_urlsafe

import http_ece
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Received:
    payload: dict
    ttl: int
    urgency: str | None
    topic: str | None


@dataclass
class Device:
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes
    answers: deque = field(default_factory=deque)  # (status, retry_after) to give, then 201
    received: list[Received] = field(default_factory=list)
    delay: float = 0.0

    @property
    def subscription(self) -> dict:
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"endpoint": self.endpoint, "keys": {"p256dh": b64(public), "auth": b64(self.auth)}}


class FakePushService:
    def __init__(self, vapid_public_key: str):
        self.vapid_public_key = vapid_public_key
        self.devices: dict[str, Device] = {}
        self.errors: list[str] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def device(self, *answers: tuple[int, str | None], delay: float = 0.0) -> Device:
        path = f"/push/{token_urlsafe(12)}"
        device = Device(
            self.origin + path, ec.generate_private_key(ec.SECP256R1()), token_bytes(16), deque(answers)
        )
        device.delay = delay
        self.devices[path] = device
        return device

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _check_vapid(self, authorization: str) -> str | None:
        try:
            scheme, params = authorization.split(" ", 1)
            values = dict(part.strip().split("=", 1) for part in params.split(","))
            assert scheme == "vapid", "scheme"
            assert values["k"] == self.vapid_public_key, "k is not the server's VAPID key"
            key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(values["k"]))
            claims = jwt.decode(values["t"], key=key, algorithms=["ES256"], audience=self.origin)
            assert claims["exp"] <= time.time() + 24 * 3600, "exp more than 24 h ahead"
            assert claims["sub"].startswith(("mailto:", "https:")), "sub"
        except Exception as error:  # any flaw is a protocol error of the sender
            return f"VAPID: {error!r}"
        return None

    def _receive(self, device: Device, headers, body: bytes) -> str | None:
        problem = self._check_vapid(headers.get("Authorization", ""))
        if problem:
            return problem
        if headers.get("Content-Encoding") != "aes128gcm" or "TTL" not in headers:
            return "headers: Content-Encoding aes128gcm and TTL are required"
        plain = http_ece.decrypt(
            body, private_key=device.private_key, auth_secret=device.auth, version="aes128gcm"
        )
        message = Received(
            json.loads(plain), int(headers["TTL"]), headers.get("Urgency"), headers.get("Topic")
        )
        with self.lock:
            device.received.append(message)
        return None

    def _handler(self):
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                device = service.devices.get(self.path)
                if device is None:
                    return self._answer(404)
                if device.delay:
                    time.sleep(device.delay)
                with service.lock:
                    status, retry_after = device.answers.popleft() if device.answers else (201, None)
                if status == 201:
                    problem = service._receive(device, self.headers, body)
                    if problem:
                        service.errors.append(problem)
                        return self._answer(400)
                self._answer(status, retry_after)

            def _answer(self, status, retry_after=None):
                self.send_response(status)
                if retry_after:
                    self.send_header("Retry-After", retry_after)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        return Handler
