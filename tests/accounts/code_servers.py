"""Real servers for the one-time code tests: an SMTP server (aiosmtpd) whose mail the tests read,
and an SMS/WhatsApp gateway on 127.0.0.1 that records what it was asked to send."""

import json
import logging
import re
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from ..services import free_port

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP command
CODE = re.compile(r"\b(\d{6})\b")


def _nth(items: list, number: int):
    return items[number - 1] if len(items) >= number else None


def _wait_for(find, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (found := find()) is not None:
            return found
        time.sleep(0.05)
    raise AssertionError(f"nothing {what} within {seconds} s")


class MailServer:
    """An SMTP server in a thread; `mails` holds what it received, newest last."""

    def __init__(self):
        self.mails: list[EmailMessage] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        self.mails.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"

    def config(self) -> dict:
        return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": self.port, "MAIL_USE_TLS": False}

    def to(self, address: str) -> list[EmailMessage]:
        return [mail for mail in self.mails if mail["To"] == address]

    def last_to(self, address: str, number: int = 1, seconds: float = 5) -> EmailMessage:
        """The `number`-th mail to the address (waits for the job to send it)."""
        return _wait_for(lambda: _nth(self.to(address), number), seconds, f"mailed to {address}")

    def code_for(self, address: str, number: int = 1) -> str:
        """The code in the `number`-th mail to the address."""
        return CODE.search(self.last_to(address, number).get_content())[1]


class Gateway:
    """The city's SMS/WhatsApp gateway: answers 200 (after `delay` seconds) and keeps each request."""

    def __init__(self):
        self.received: list[dict] = []
        self.delay = 0.0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                time.sleep(gateway.delay)
                gateway.received.append({"body": body, "authorization": self.headers["Authorization"]})
                answer = json.dumps({"id": f"msg-{len(gateway.received)}"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/send"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def config(self) -> dict:
        return {"OTP_GATEWAY_URL": self.url, "OTP_GATEWAY_TOKEN": "rahasia-gateway"}

    def to(self, phone: str) -> list[dict]:
        return [entry["body"] for entry in self.received if entry["body"]["to"] == phone]

    def code_for(self, phone: str, number: int = 1, seconds: float = 5) -> str:
        """The code in the `number`-th message to the phone (waits for the job to send it)."""
        body = _wait_for(lambda: _nth(self.to(phone), number), seconds, f"sent to {phone}")
        return CODE.search(body["text"])[1]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def mail_server():
    server = MailServer()
    server.controller.start()
    yield server
    server.controller.stop()


@pytest.fixture(scope="session")
def gateway_server():
    server = Gateway()
    yield server
    server.close()
