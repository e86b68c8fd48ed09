"""Fetching a feed: conditional GET, errors, a hanging server and a huge answer, against a local server."""

import time

import pytest

from backend.warnings.fetch import MAX_BYTES, Refused, Unavailable, fetch

DEADLINE = 2.0


@pytest.fixture
def server(feed_server):
    feed_server.reset()
    yield feed_server
    feed_server.reset()


def test_a_fetch_sends_the_validators_and_a_304_is_nothing_new(server):
    server.serve("/feed.json", "{}", etag='"v1"')

    first = fetch(server.url + "/feed.json", DEADLINE)
    again = fetch(server.url + "/feed.json", DEADLINE, first.etag, "Thu, 24 Sep 2026 07:00:00 GMT")

    assert (first.body, first.etag) == (b"{}", '"v1"')
    assert again is None
    assert server.requests[1].headers["If-None-Match"] == '"v1"'
    assert server.requests[1].headers["If-Modified-Since"] == "Thu, 24 Sep 2026 07:00:00 GMT"


@pytest.mark.parametrize(("status", "error"), [(500, Unavailable), (503, Unavailable), (429, Unavailable)])
def test_a_server_error_is_unavailable(server, status, error):
    server.serve("/feed.json", "oops", status=status)

    with pytest.raises(error, match=f"HTTP {status}"):
        fetch(server.url + "/feed.json", DEADLINE)


def test_a_missing_document_is_refused(server):
    with pytest.raises(Refused, match="HTTP 404"):
        fetch(server.url + "/gone.xml", DEADLINE)


def test_a_hanging_server_is_given_up_within_the_deadline(server):
    server.serve("/feed.json", hang=True)
    started = time.monotonic()

    with pytest.raises(Unavailable, match="Timeout"):
        fetch(server.url + "/feed.json", DEADLINE)

    assert time.monotonic() - started < 1.5 * DEADLINE


def test_a_server_trickling_its_answer_is_given_up_at_the_deadline(server):
    server.serve("/feed.json", stream_bytes=1000, trickle=0.2)
    started = time.monotonic()

    with pytest.raises(Unavailable, match="too slow"):
        fetch(server.url + "/feed.json", DEADLINE)

    assert time.monotonic() - started < 1.5 * DEADLINE


def test_a_20_mb_answer_is_refused_after_the_limit(server):
    server.serve("/feed.json", stream_bytes=20 * 1024 * 1024)

    with pytest.raises(Refused, match=f"more than {MAX_BYTES} bytes"):
        fetch(server.url + "/feed.json", DEADLINE)


def test_a_declared_20_mb_answer_is_refused_before_reading(server):
    server.serve("/feed.json", b"x" * (20 * 1024 * 1024))

    with pytest.raises(Refused, match="too large: 20971520 bytes"):
        fetch(server.url + "/feed.json", DEADLINE)


def test_nothing_listening_is_unavailable(server):
    with pytest.raises(Unavailable, match="ConnectionError"):
        fetch("http://127.0.0.1:9/feed.json", DEADLINE)
