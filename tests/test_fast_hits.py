"""Shared-cache hits answered in front of Flask (backend/fast_hits.py): the same status, headers, body
and ETag as Flask's own answer, 304s, the same bypasses, writes seen at once, and every request still
logged and counted."""

from contextlib import contextmanager

import pytest
from flask import request_started

from backend.extensions import cache, limiter

from .factories import auth_headers
from .news.test_routes import published
from .test_logs import log_lines
from .test_metrics import scrape, value

PHONE = {"Accept-Encoding": "gzip, deflate, br, zstd", "Accept-Language": "id-ID,id;q=0.9,en;q=0.8"}
# Headers each answer has of its own.
OWN = {"X-Request-ID", "Date"}


@contextmanager
def through_flask(app):
    """The requests inside the block that Flask itself answered."""
    seen = []

    def note(sender, **_):
        seen.append(1)

    request_started.connect(note, app)
    try:
        yield seen
    finally:
        request_started.disconnect(note, app)


def headers_of(response) -> dict:
    return {name: value for name, value in response.headers.items() if name not in OWN}


def drop_records(app) -> None:
    """Forget what the fast path answers from, so that the next read goes through Flask again."""
    for key in list(cache.cache._cache):
        if key.startswith("record:"):
            cache.delete(key)


@pytest.mark.parametrize("url", ["/api/v1/news?limit=6", "/api/v1/services", "/open311/v2/services.xml"])
@pytest.mark.parametrize(
    "encoding", ["gzip, deflate, br, zstd", "gzip", "br", "identity", None], ids=lambda e: str(e)
)
def test_a_hit_has_the_status_headers_body_and_etag_flask_gave(app, client, staff, url, encoding):
    published(client, staff)
    phone = PHONE | {"Accept-Encoding": encoding} if encoding else {}
    missed = client.get(url, headers=phone)
    with through_flask(app) as flask:
        hit = client.get(url, headers=phone)

    assert flask == [] and hit.status_code == missed.status_code == 200
    assert headers_of(hit) == headers_of(missed) and hit.get_data() == missed.get_data()
    assert ("Date" in hit.headers) == ("Date" in missed.headers)
    assert hit.headers["X-Request-ID"] != missed.headers["X-Request-ID"]
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
        assert hit.headers[header]


@pytest.mark.parametrize("encoding", ["gzip", "br", "identity"])
def test_a_current_etag_gets_the_304_flask_gives(app, client, encoding):
    phone = PHONE | {"Accept-Encoding": encoding}
    etag = client.get("/api/v1/services", headers=phone).headers["ETag"]
    drop_records(app)
    slow = client.get("/api/v1/services", headers=phone | {"If-None-Match": etag})
    client.get("/api/v1/services", headers=phone)  # the record again
    with through_flask(app) as flask:
        fast = client.get("/api/v1/services", headers=phone | {"If-None-Match": etag})

    assert flask == [] and fast.status_code == slow.status_code == 304
    assert headers_of(fast) == headers_of(slow) and fast.headers["ETag"] == etag
    assert fast.get_data() == slow.get_data() == b""


def test_an_old_or_weak_etag_is_answered_by_flask(app, client):
    current = client.get("/api/v1/services", headers=PHONE).headers["ETag"]
    for sent in ('"lama"', f"W/{current}"):
        with through_flask(app) as flask:
            answer = client.get("/api/v1/services", headers=PHONE | {"If-None-Match": sent})
        assert flask == [1] and answer.status_code in (200, 304)


@pytest.mark.parametrize(
    "asked",
    [
        {"headers": {"Authorization": "Bearer x"}},
        {"query_string": {"token": "rahasia"}},
        {"method": "HEAD"},
        {"headers": {"Range": "bytes=0-10"}},
        {"headers": {"X-Panjang": "x" * 9000}},
    ],
    ids=["authorization", "token", "head", "range", "oversized-header"],
)
def test_reads_the_shared_cache_does_not_answer_go_through_flask(app, client, asked):
    client.get("/api/v1/services")
    client.get("/api/v1/services")
    with through_flask(app) as flask:
        client.open("/api/v1/services", **asked)
    assert flask == [1]


def test_a_logged_in_reader_is_answered_by_flask_as_their_own(app, client, resident):
    client.get("/api/v1/services")
    client.get("/api/v1/services")
    with through_flask(app) as flask:
        answer = client.get("/api/v1/services", headers=auth_headers(resident))
    client.set_cookie(app.config["JWT_ACCESS_COOKIE_NAME"], "x")
    with through_flask(app) as flask_with_cookie:
        client.get("/api/v1/services")
    assert flask == [1] and answer.headers["Cache-Control"].startswith("private")
    assert flask_with_cookie == [1]


def test_each_language_has_its_own_hit(app, client):
    answers = {}
    for language in ("en", "id"):
        asked = PHONE | {"Accept-Language": language}
        missed = client.get("/open311/v2/services.json", headers=asked)
        with through_flask(app) as flask:
            answers[language] = client.get("/open311/v2/services.json", headers=asked)
        assert flask == [] and answers[language].get_data() == missed.get_data()
    assert answers["en"].get_data() != answers["id"].get_data()


def test_a_published_article_shows_at_once_and_is_then_a_hit(app, client, staff):
    slugs = lambda: [item["slug"] for item in client.get("/api/v1/news", headers=PHONE).get_json()["items"]]  # noqa: E731
    assert slugs() == [] and slugs() == []
    slug = published(client, staff)
    assert slugs() == [slug]
    with through_flask(app) as flask:
        assert slugs() == [slug]
    assert flask == []


def test_a_hit_is_logged_and_counted(app, client, capsys):
    client.get("/api/v1/services", headers=PHONE)
    before = scrape(client)
    capsys.readouterr()
    with through_flask(app) as flask:
        hit = client.get("/api/v1/services", headers=PHONE | {"X-Request-ID": "hp-0001"})
        unchanged = client.get("/api/v1/services", headers=PHONE | {"If-None-Match": hit.headers["ETag"]})
    out = capsys.readouterr().out
    after = scrape(client)

    assert flask == [] and hit.headers["X-Request-ID"] == "hp-0001" and unchanged.status_code == 304
    lines = [line for line in log_lines(out) if line["logger"] == "satupintu.access"]
    assert [(line["status"], line["method"], line["path"]) for line in lines] == [
        (200, "GET", "/api/v1/services"),
        (304, "GET", "/api/v1/services"),
    ]
    assert lines[0]["request_id"] == "hp-0001" and lines[1]["request_id"] == unchanged.headers["X-Request-ID"]
    moved = lambda name, **labels: value(after, name, **labels) - value(before, name, **labels)  # noqa: E731
    read = {"endpoint": "/api/v1/services", "method": "GET"}
    assert moved("satupintu_http_requests_total", status="200", **read) == 1
    assert moved("satupintu_http_requests_total", status="304", **read) == 1
    assert moved("satupintu_http_request_duration_seconds_count", **read) == 2
    assert moved("satupintu_public_cache_lookups_total", result="hit") == 2


def test_a_rate_limit_on_public_reads_still_counts_every_read(base_app, app, make_app):
    limited = make_app(RATELIMIT_APPLICATION="2 per minute")
    try:
        client = limited.test_client()
        statuses = [client.get("/api/v1/services").status_code for _ in range(3)]
    finally:
        limiter.limit_manager.set_application_limits([])  # init_app keeps them
        limiter.init_app(base_app)
    assert statuses == [200, 200, 429]


def test_on_redis_a_hit_shows_another_servers_write_at_once_and_a_redis_outage_goes_to_flask(
    redis_app, redis_server, make_app, staff
):
    first = redis_app.test_client()
    second = make_app(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=redis_server.url).test_client()
    slugs = lambda: [item["slug"] for item in first.get("/api/v1/news", headers=PHONE).get_json()["items"]]  # noqa: E731
    assert slugs() == [] and slugs() == []  # a process's first request goes through Flask
    with through_flask(redis_app) as flask:
        assert slugs() == []
    slug = published(second, staff)
    assert slugs() == [slug]
    with through_flask(redis_app) as flask_after:
        assert slugs() == [slug]
    redis_server.stop()
    with through_flask(redis_app) as flask_down:
        assert slugs() == [slug] and slugs() == [slug]
    assert flask == flask_after == [] and flask_down == [1, 1]


def test_behind_a_proxy_a_hit_logs_the_phones_address(app, make_app, capsys):
    proxied = make_app(PROXY_COUNT=1)
    client = proxied.test_client()
    phone = PHONE | {"X-Forwarded-For": "10.20.30.40"}
    client.get("/api/v1/services", headers=phone)  # the process's first request
    client.get("/api/v1/services", headers=phone)  # fills the record
    with through_flask(proxied) as flask:
        client.get("/api/v1/services", headers=phone)
    lines = [line for line in log_lines(capsys.readouterr().out) if line["logger"] == "satupintu.access"]
    assert flask == [] and [line["remote_addr"] for line in lines] == ["10.20.30.40"] * 3
