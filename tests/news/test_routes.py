"""News: writing, publishing now or later, pinning, area scope, the public feed, ETag and Atom."""

import io
from datetime import timedelta
from xml.etree.ElementTree import fromstring

import pytest
from PIL import Image

from backend import events
from backend.database import utcnow
from backend.extensions import db
from backend.news.models import Article
from backend.news.services import publish_due_articles

from ..factories import auth_headers, error_shape, make_user
from .test_markdown import assert_harmless

NEWS = "/api/v1/news"
ATOM = "{http://www.w3.org/2005/Atom}"


def write(client, user, **fields):
    body = {
        "title": "Perbaikan Jalan Jenderal Sudirman",
        "summary": "Lajur kiri ditutup.",
        "category": "pengumuman",
        "body": "## Jadwal\n\nSenin sampai Rabu.",
    } | fields
    return client.post(NEWS, json=body, headers=auth_headers(user))


def published(client, user, **fields):
    slug = write(client, user, **fields).get_json()["slug"]
    assert client.post(f"{NEWS}/{slug}/publish", json={}, headers=auth_headers(user)).status_code == 200
    return slug


def feed_slugs(client, query=""):
    return [item["slug"] for item in client.get(f"{NEWS}{query}").get_json()["items"]]


def test_a_draft_is_invisible_until_published(client, staff):
    created = write(client, staff)
    assert created.status_code == 201
    article = created.get_json()
    assert article["status"] == "draft" and article["opd"]["code"] == "DPU"
    assert article["slug"] == "perbaikan-jalan-jenderal-sudirman"
    error_shape(client.get(f"{NEWS}/{article['slug']}"), 404)
    assert client.get(f"{NEWS}/{article['slug']}", headers=auth_headers(staff)).status_code == 200
    client.post(f"{NEWS}/{article['slug']}/publish", json={}, headers=auth_headers(staff))
    assert client.get(f"{NEWS}/{article['slug']}").get_json()["status"] == "published"


def test_stored_html_is_sanitised(client, staff):
    body = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> ![a](https://evil.example/a.png)"
    slug = published(client, staff, body=body)
    assert_harmless(client.get(f"{NEWS}/{slug}").get_json()["body_html"])
    assert_harmless(db.session.scalar(db.select(Article.body_html)))


def test_slugs_are_unique_and_fixed_once_published(client, staff):
    first = published(client, staff)
    second = write(client, staff).get_json()["slug"]
    assert second == f"{first}-2"
    renamed = client.patch(
        f"{NEWS}/{first}", json={"title": "Judul Baru Sekali"}, headers=auth_headers(staff)
    )
    assert renamed.get_json()["slug"] == first and renamed.get_json()["updated_at"] is not None
    draft = client.patch(f"{NEWS}/{second}", json={"title": "Judul Draf Baru"}, headers=auth_headers(staff))
    assert draft.get_json()["slug"] == "judul-draf-baru" and draft.get_json()["updated_at"] is None


def test_staff_of_another_opd_cannot_edit_publish_or_archive(client, staff):
    slug = write(client, staff).get_json()["slug"]
    other = make_user(role="opd_staff", opd_code="DLH")
    headers = auth_headers(other)
    error_shape(client.patch(f"{NEWS}/{slug}", json={"title": "Diambil alih"}, headers=headers), 403)
    error_shape(client.post(f"{NEWS}/{slug}/publish", json={}, headers=headers), 403)
    error_shape(client.post(f"{NEWS}/{slug}/archive", headers=headers), 403)
    error_shape(write(client, other, opd="DPU"), 403)


def test_admin_writes_for_any_opd(client, admin):
    response = write(client, admin, opd="DLH")
    assert response.status_code == 201 and response.get_json()["opd"]["code"] == "DLH"
    error_shape(write(client, admin), 422)


def test_scheduled_article_appears_exactly_when_its_time_comes(client, staff):
    slug = write(client, staff).get_json()["slug"]
    when = utcnow() + timedelta(hours=2)
    scheduled = client.post(
        f"{NEWS}/{slug}/publish", json={"published_at": when.isoformat()}, headers=auth_headers(staff)
    )
    assert scheduled.get_json()["status"] == "scheduled"
    announced = []
    events.article_published.connect(announced.append, weak=False)
    try:
        assert slug not in feed_slugs(client) and publish_due_articles() == []
        error_shape(client.get(f"{NEWS}/{slug}"), 404)
        article = db.session.scalar(db.select(Article))
        article.published_at = utcnow() - timedelta(seconds=1)  # the clock reaches the scheduled time
        db.session.commit()
        assert slug in feed_slugs(client)
        assert client.get(f"{NEWS}/{slug}").get_json()["status"] == "published"
        assert [a.slug for a in publish_due_articles()] == [slug]
        assert publish_due_articles() == []
        assert [a.slug for a in announced] == [slug]
    finally:
        events.article_published.disconnect(announced.append)


def test_publishing_now_announces_the_article_once(client, staff):
    announced = []
    events.article_published.connect(announced.append, weak=False)
    try:
        slug = published(client, staff)
    finally:
        events.article_published.disconnect(announced.append)
    assert [article.slug for article in announced] == [slug]


def test_archived_articles_vanish_from_the_feed(client, staff):
    slug = published(client, staff)
    client.post(f"{NEWS}/{slug}/archive", headers=auth_headers(staff))
    assert slug not in feed_slugs(client)
    error_shape(client.get(f"{NEWS}/{slug}"), 404)
    error_shape(client.post(f"{NEWS}/{slug}/publish", json={}, headers=auth_headers(staff)), 409)


def test_hidden_articles_vanish_from_the_feed(client, staff, admin):
    slug = published(client, staff)
    client.post(
        f"{NEWS}/{slug}/moderation",
        json={"hidden": True, "reason": "Salah info"},
        headers=auth_headers(admin),
    )
    assert slug not in feed_slugs(client)


def test_pinned_first_and_at_most_three(client, staff):
    old = published(client, staff, title="Pengumuman Lama", is_pinned=True)
    for number in range(2):
        published(client, staff, title=f"Pengumuman Baru {number}")
    assert feed_slugs(client)[0] == old
    for number in range(2):
        published(client, staff, title=f"Sematan {number}", is_pinned=True)
    body = error_shape(write(client, staff, title="Sematan Keempat", is_pinned=True), 409)
    assert "3" in body["message"]


def test_feed_pages_with_a_stable_cursor(client, staff):
    slugs = [published(client, staff, title=f"Berita nomor {number}") for number in range(7)]
    seen, cursor = [], None
    while True:
        page = client.get(f"{NEWS}?limit=3" + (f"&cursor={cursor}" if cursor else "")).get_json()
        seen += [item["slug"] for item in page["items"]]
        if len(seen) == 3:
            published(client, staff, title="Berita yang datang belakangan")
        cursor = page["next"]
        if not cursor:
            break
    assert seen == list(reversed(slugs))


def test_filters_category_opd_and_text(client, staff):
    agenda = published(
        client,
        staff,
        title="Car Free Day Minggu",
        category="agenda",
        event_starts_at=(utcnow() + timedelta(days=3)).isoformat(),
        event_place="Lapangan Merdeka",
    )
    plain = published(client, staff, title="Perbaikan Drainase")
    other = published(client, make_user(role="opd_staff", opd_code="DLH"), title="Jadwal Angkut Sampah")
    assert feed_slugs(client, "?category=agenda") == [agenda]
    assert set(feed_slugs(client, "?opd=DPU")) == {agenda, plain}
    assert feed_slugs(client, "?q=SAMPAH") == [other]
    error_shape(client.get(f"{NEWS}?category=gosip"), 422)


def test_kecamatan_scope(client, staff):
    everyone = published(client, staff, title="Untuk semua warga")
    timur = published(client, staff, title="Air mati di Balikpapan Timur", kecamatan="64.71.01")
    assert set(feed_slugs(client, "?kecamatan=64.71.01")) == {everyone, timur}
    assert feed_slugs(client, "?kecamatan=64.71.02") == [everyone]
    error_shape(write(client, staff, kecamatan="99.99.99"), 422)


def test_agenda_and_warning_need_their_details(client, staff):
    assert "event_starts_at" in error_shape(write(client, staff, category="agenda"), 422)["errors"]
    assert "expires_at" in error_shape(write(client, staff, category="peringatan"), 422)["errors"]


def test_banner_shows_warnings_until_they_expire(client, staff):
    soon = (utcnow() + timedelta(hours=48)).isoformat()
    slug = published(client, staff, title="Waspada Banjir", category="peringatan", expires_at=soon)
    assert [item["slug"] for item in client.get(f"{NEWS}/banner").get_json()] == [slug]
    article = db.session.scalar(db.select(Article))
    article.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get(f"{NEWS}/banner").get_json() == []
    assert slug in feed_slugs(client)


@pytest.mark.parametrize("path", ["", "/berita-tidak-ada"])
def test_feed_and_article_answer_etag_and_304(client, staff, path):
    slug = published(client, staff)
    url = NEWS if not path else f"{NEWS}/{slug}"
    first = client.get(url)
    assert first.headers["ETag"] and "max-age" in first.headers["Cache-Control"]
    assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    published(client, staff, title="Berita baru mengubah daftar")
    if not path:
        assert client.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 200


def _image_bytes() -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (1200, 800), "navy").save(data, "PNG")
    data.seek(0)
    return data


def test_cover_and_body_images(client, staff):
    upload = client.post(
        f"{NEWS}/images",
        data={"image": (_image_bytes(), "sampul.png")},
        headers=auth_headers(staff),
        content_type="multipart/form-data",
    )
    assert upload.status_code == 201
    image = upload.get_json()
    served = client.get(image["url"])
    assert served.mimetype == "image/jpeg" and "immutable" in served.headers["Cache-Control"]
    slug = published(client, staff, cover_id=image["id"], body=f"Foto:\n\n![jalan]({image['url']})")
    article = client.get(f"{NEWS}/{slug}").get_json()
    assert article["cover"]["thumb_url"] == image["thumb_url"]
    assert f'src="{image["url"]}"' in article["body_html"]
    error_shape(write(client, staff, cover_id=99999), 422)


def test_image_upload_refuses_non_images(client, staff):
    response = client.post(
        f"{NEWS}/images",
        data={"image": (io.BytesIO(b"bukan gambar"), "a.png")},
        headers=auth_headers(staff),
        content_type="multipart/form-data",
    )
    error_shape(response, 422)
    error_shape(client.post(f"{NEWS}/images", data={}, headers=auth_headers(staff)), 422)


def test_atom_feed_is_well_formed_with_the_required_elements(client, staff):
    slug = published(client, staff, body="![x](/api/v1/news/images/abcdefghijklmnopqrstuvwx.jpg)")
    draft = write(client, staff, title="Masih draf").get_json()["slug"]
    response = client.get("/news.atom")
    assert response.mimetype == "application/atom+xml"
    feed = fromstring(response.data)
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}").text
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/news.atom"
    [entry] = feed.findall(f"{ATOM}entry")
    for required in ("id", "title", "updated"):
        assert entry.find(f"{ATOM}{required}").text
    assert entry.find(f"{ATOM}link").get("href") == f"http://localhost/berita/{slug}"
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Dinas Pekerjaan Umum"
    assert 'src="http://localhost/api/v1/news/images/' in entry.find(f"{ATOM}content").text
    assert draft not in response.get_data(as_text=True)


def test_staff_list_their_opds_articles_in_every_state(client, staff, admin):
    draft = write(client, staff, title="Draf DPU").get_json()["slug"]
    done = published(client, staff, title="Terbit DPU")
    published(client, make_user(role="opd_staff", opd_code="DLH"), title="Terbit DLH")
    mine = client.get("/api/v1/staff/news", headers=auth_headers(staff)).get_json()["items"]
    assert {item["slug"] for item in mine} == {draft, done}
    assert "body" in mine[0]
    everything = client.get("/api/v1/staff/news", headers=auth_headers(admin)).get_json()["items"]
    assert len(everything) == 3


def test_publish_due_command_publishes_scheduled_articles(app, client, staff):
    slug = write(client, staff).get_json()["slug"]
    client.post(
        f"{NEWS}/{slug}/publish",
        json={"published_at": (utcnow() + timedelta(hours=1)).isoformat()},
        headers=auth_headers(staff),
    )
    article = db.session.scalar(db.select(Article))
    article.published_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["publish-due"])
    assert result.exit_code == 0 and "Published 1" in result.output
    db.session.refresh(article)
    assert article.status == "published"


def test_publishing_twice_is_refused_and_announces_once(client, staff):
    slug = published(client, staff)
    error_shape(client.post(f"{NEWS}/{slug}/publish", json={}, headers=auth_headers(staff)), 409)


def test_reserved_paths_are_never_slugs(client, staff):
    assert write(client, staff, title="Banner").get_json()["slug"] == "banner-artikel"
