"""The shared cache of public reads (http_cache.py, data_versions.py): every server sees a write at
once, a current ETag costs no database statement, and no viewer's own answer is shared."""

import gzip
import json
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from backend.database import utcnow
from backend.extensions import cache, db
from backend.news.models import Article

from .factories import auth_headers, hide_request, make_request, make_user, post_request
from .news.test_routes import published, write
from .service_requests.test_workflow import transition

PUBLIC_READS = [
    "/api/v1/news?limit=6",
    "/api/v1/news/banner",
    "/api/v1/services",
    "/api/v1/service-groups",
    "/api/v1/city",
    "/api/v1/kecamatan",
    "/api/v1/kelurahan?kecamatan=6471010",
    "/api/v1/requests",
    "/open311/v2/services.json",
    "/open311/v2/requests.json",
]


@contextmanager
def statements():
    """The SQL statements run inside the block."""
    seen = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", count)


@pytest.fixture
def second_server(redis_app, redis_server, make_app):
    """Another app server on the same database and the same Redis."""
    return make_app(CACHE_TYPE="RedisCache", CACHE_REDIS_URL=redis_server.url).test_client()


@pytest.mark.parametrize("url", PUBLIC_READS)
def test_a_repeated_public_read_and_a_current_etag_touch_no_database(app, client, staff, url):
    make_request(status="in_progress")
    published(client, staff)
    app.extensions["jobs"].wait_idle()  # the article's announcement, run in the background
    first = client.get(url)
    assert first.status_code == 200 and first.headers["ETag"]

    with statements() as seen:
        again = client.get(url)
        unchanged = client.get(url, headers={"If-None-Match": first.headers["ETag"]})

    assert again.get_data() == first.get_data() and again.headers["ETag"] == first.headers["ETag"]
    assert unchanged.status_code == 304
    assert seen == []


def test_a_publish_an_edited_service_and_a_status_change_show_at_once_on_another_server(
    redis_app, second_server, staff, admin
):
    first_server = redis_app.test_client()
    filed = make_request(status="submitted")
    slugs = lambda: [item["slug"] for item in first_server.get("/api/v1/news").get_json()["items"]]  # noqa: E731
    service = lambda: first_server.get("/api/v1/services/jalan-berlubang").get_json()  # noqa: E731
    status = lambda: first_server.get(f"/api/v1/requests/{filed.code}").get_json()["status"]  # noqa: E731
    assert slugs() == [] and status() == "submitted"
    name = service()["name"]

    slug = published(second_server, staff)
    renamed = second_server.patch(
        "/api/v1/services/jalan-berlubang",
        json={"name": {"id": "Jalan rusak", "en": "Damaged road"}},
        headers=auth_headers(admin),
    )
    assert renamed.status_code == 200
    assert transition(second_server, staff, filed.code, "accepted").status_code == 200

    assert slugs() == [slug]
    assert service()["name"] != name and service()["name"]["id"] == "Jalan rusak"
    assert status() == "accepted"


def test_a_write_made_while_redis_was_down_shows_once_it_answers_again(redis_app, redis_server, staff, clock):
    client = redis_app.test_client()
    assert client.get("/api/v1/news").get_json()["items"] == []
    redis_server.stop()
    slug = published(client, staff)  # cannot change the data version: Redis is down
    redis_server.start()
    assert [item["slug"] for item in client.get("/api/v1/news").get_json()["items"]] == [slug]

    clock.advance(redis_app.config["REDIS_RETRY_SECONDS"])
    assert [item["slug"] for item in client.get("/api/v1/news").get_json()["items"]] == [slug]


def test_a_scheduled_article_and_an_expiring_warning_follow_the_clock(client, staff, clock):
    soon = clock.now + timedelta(minutes=10)
    later = write(client, staff, title="Jadwal Pemadaman").get_json()["slug"]
    scheduled = client.post(
        f"/api/v1/news/{later}/publish", json={"published_at": soon.isoformat()}, headers=auth_headers(staff)
    )
    assert scheduled.get_json()["status"] == "scheduled"
    warning = published(client, staff, title="Waspada", category="peringatan", expires_at=soon.isoformat())
    assert [item["slug"] for item in client.get("/api/v1/news/banner").get_json()] == [warning]
    assert later not in [item["slug"] for item in client.get("/api/v1/news").get_json()["items"]]

    clock.advance(10 * 60)

    assert client.get("/api/v1/news/banner").get_json() == []
    assert later in [item["slug"] for item in client.get("/api/v1/news").get_json()["items"]]


def test_a_hidden_request_leaves_the_public_list_at_once(client, admin):
    shown = make_request(status="accepted")
    assert [item["code"] for item in client.get("/api/v1/requests").get_json()["items"]] == [shown.code]
    hide_request(client, admin, shown.code)
    assert client.get("/api/v1/requests").get_json()["items"] == []


def test_a_logged_in_reader_never_gets_another_persons_answer_through_the_cache(client, resident, staff):
    own = make_request(status="resolved", reporter=resident)
    url = f"/api/v1/requests/{own.code}"
    anonymous = client.get(url).get_json()
    as_reporter = client.get(url, headers=auth_headers(resident))
    as_staff = client.get(url, headers=auth_headers(staff)).get_json()
    stranger = make_user()
    as_stranger = client.get(url, headers=auth_headers(stranger)).get_json()
    anonymous_again = client.get(url).get_json()

    assert as_reporter.get_json()["viewer"]["is_reporter"] and as_reporter.get_json()["viewer"]["can_rate"]
    assert "private" in as_reporter.headers["Cache-Control"]
    assert as_staff["reporter"]["name"] == resident.name and as_staff["viewer"]["allowed_transitions"]
    assert "reporter" not in as_stranger and not as_stranger["viewer"]["is_reporter"]
    assert anonymous_again == anonymous and "reporter" not in anonymous
    assert not anonymous_again["viewer"]["is_reporter"]


def test_a_tracking_token_is_never_answered_from_the_shared_entry(client):
    filed = post_request(
        client, service_code="air-pdam-mati", attributes={"nomor_pelanggan": "123456"}
    ).get_json()
    url = f"/api/v1/requests/{filed['code']}"
    public = client.get(url).get_json()
    holder = client.get(url, query_string={"token": filed["tracking_token"]}).get_json()
    public_again = client.get(url).get_json()

    assert "nomor_pelanggan" in holder["attributes"]
    assert "nomor_pelanggan" not in public["attributes"] and public_again == public


def test_with_the_cache_off_every_read_is_computed(make_app, app, staff):
    uncached = make_app(PUBLIC_CACHE=False).test_client()
    uncached.get("/api/v1/news")
    with statements() as seen:
        uncached.get("/api/v1/news")
    assert seen


def test_an_article_hidden_by_moderation_leaves_the_feed(client, staff, admin):
    slug = published(client, staff)
    assert client.get("/api/v1/news").get_json()["items"]
    article = db.session.scalar(db.select(Article).where(Article.slug == slug))
    article.is_hidden = True
    article.updated_at = utcnow()
    db.session.commit()
    assert client.get("/api/v1/news").get_json()["items"] == []


def test_a_compressed_answer_is_kept_beside_its_entry_and_a_compressed_etag_gets_304(app, client):
    phone = {"Accept-Encoding": "gzip"}
    first = client.get("/api/v1/services", headers=phone)
    assert first.headers["Content-Encoding"] == "gzip" and first.headers["ETag"].endswith(':gzip"')
    assert any(key.startswith("compressed:gzip;") for key in cache_keys(app))

    with statements() as seen:
        again = client.get("/api/v1/services", headers=phone)
        unchanged = client.get("/api/v1/services", headers=phone | {"If-None-Match": first.headers["ETag"]})

    assert gzip.decompress(again.get_data()) == gzip.decompress(first.get_data())
    assert json.loads(gzip.decompress(again.get_data()))[0]["code"]
    assert unchanged.status_code == 304 and unchanged.headers["ETag"] == first.headers["ETag"]
    assert seen == []


def cache_keys(app) -> list[str]:
    return list(cache.cache._cache)
