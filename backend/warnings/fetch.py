"""Fetching a feed or a document over HTTP, defensively: conditional GET, timeouts, an overall
deadline and a size limit. The only module of the warnings area that speaks HTTP.

A fetch either returns what the server said (`Fetched`, or None for 304 Not Modified) or raises:
`Unavailable` when the server may answer better later (down, slow, 5xx, 429), `Refused` when what
it answered will never be usable (too large, 404, a client error).
"""

import time
from dataclasses import dataclass

import requests
import urllib3

MAX_BYTES = 2 * 1024 * 1024  # BMKG's largest CAP documents are about 200 KB
CHUNK_BYTES = 64 * 1024
CONNECT_SECONDS = 3
USER_AGENT = "SatuPintu warnings intake"
TRY_LATER = {408, 425, 429}  # client errors that are the server's way of saying "later"


class FetchError(Exception):
    pass


class Unavailable(FetchError):
    """The server did not answer usefully this time (connection, timeout, 5xx, 429)."""


class Refused(FetchError):
    """The answer is unusable and asking again will not change that (too large, 404, 4xx)."""


@dataclass(frozen=True)
class Fetched:
    url: str
    body: bytes
    etag: str | None
    last_modified: str | None


def fetch(url: str, deadline_seconds: float, etag: str | None = None, last_modified: str | None = None):
    """GET the URL, sending the validators given; None when the server answers 304 Not Modified.
    The whole fetch ends within about 1.5 times deadline_seconds, however slowly the server sends."""
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    # Each wait on the socket is capped at half the deadline, and the deadline is checked between
    # reads: a server that hangs, or trickles bytes, cannot hold the tick.
    timeout = (min(CONNECT_SECONDS, deadline_seconds), deadline_seconds / 2)
    started = time.monotonic()
    try:
        with requests.get(url, headers=headers, timeout=timeout, stream=True, allow_redirects=True) as answer:
            if answer.status_code == 304:
                return None
            _check_status(answer.status_code)
            body = _read_body(answer, started + deadline_seconds)
            return Fetched(url, body, answer.headers.get("ETag"), answer.headers.get("Last-Modified"))
    except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
        raise Unavailable(f"{type(error).__name__}: {_first_line(error)}") from error


def _check_status(status: int) -> None:
    if status >= 500 or status in TRY_LATER:
        raise Unavailable(f"HTTP {status}")
    if status >= 300:
        raise Refused(f"HTTP {status}")


def _read_body(answer: requests.Response, deadline: float) -> bytes:
    declared = answer.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise Refused(f"too large: {int(declared)} bytes (the limit is {MAX_BYTES})")
    body = bytearray()
    # read1 returns what one socket read brought, so a slow sender meets the deadline check often.
    while chunk := answer.raw.read1(CHUNK_BYTES, decode_content=True):
        body += chunk
        if len(body) > MAX_BYTES:
            raise Refused(f"too large: more than {MAX_BYTES} bytes")
        if time.monotonic() > deadline:
            raise Unavailable("too slow: the deadline passed while reading")
    return bytes(body)


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0][:200] if str(error) else ""
