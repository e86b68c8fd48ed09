"""A local HTTP server for the feed tests: it serves bytes by path, answers 304 to a matching
If-None-Match, can answer an error status, hang, or stream a huge body, and records every request."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent.parent / "fixtures" / "bmkg"


@dataclass
class Answer:
    body: bytes = b""
    status: int = 200
    etag: str | None = None
    content_type: str = "application/xml"
    hang: bool = False  # accept the request, then say nothing until the server closes
    stream_bytes: int = 0  # send this many bytes, with no Content-Length (a huge answer)
    trickle: float = 0  # with stream_bytes: one byte, then this many seconds' pause, and so on


@dataclass
class Request:
    path: str
    headers: dict = field(default_factory=dict)


class FeedServer:
    def __init__(self):
        self.answers: dict[str, Answer] = {}
        self.requests: list[Request] = []
        self.closing = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def serve(self, path: str, body: bytes | str = b"", **answer) -> None:
        self.answers[path] = Answer(body.encode() if isinstance(body, str) else body, **answer)

    def serve_fixture(self, path: str, name: str, **answer) -> None:
        self.serve(path, (FIXTURES / name).read_bytes(), **answer)

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]

    def reset(self) -> None:
        self.answers.clear()
        self.requests.clear()

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


def _handler(feeds: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            feeds.requests.append(Request(self.path, dict(self.headers)))
            answer = feeds.answers.get(self.path)
            if answer is None:
                self.send_error(404)
            elif answer.hang:
                feeds.closing.wait(60)
            elif answer.etag and self.headers.get("If-None-Match") == answer.etag:
                self.send_response(304)
                self.end_headers()
            else:
                try:
                    self._stream(answer) if answer.stream_bytes else self._send(answer)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (too large, too slow): what the test wants

        def _send(self, answer: Answer) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            if answer.etag:
                self.send_header("ETag", answer.etag)
            self.end_headers()
            self.wfile.write(answer.body)

        def _stream(self, answer: Answer) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<" if answer.trickle else b"<" * 65536
            for _ in range(answer.stream_bytes // len(chunk)):
                self.wfile.write(chunk)
                self.wfile.flush()
                if answer.trickle and feeds.closing.wait(answer.trickle):
                    return

        def log_message(self, *args):
            pass

    return Handler
