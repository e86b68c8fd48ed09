"""The editor's tools: an article with its Markdown source for its editors, and the live preview
(the body rendered and sanitised exactly as saving would, nothing stored)."""

from backend.extensions import db
from backend.news.models import Article
from backend.security import Role

from ..factories import auth_headers, error_shape, make_user
from .test_markdown import assert_harmless

PREVIEW = "/api/v1/news/preview"


def test_editors_read_the_markdown_source_of_their_opds_articles(client, staff, admin):
    body = "## Jadwal\n\nSenin sampai Rabu."
    created = client.post(
        "/api/v1/news",
        json={"title": "Jadwal", "category": "berita", "body": body},
        headers=auth_headers(staff),
    ).get_json()
    url = f"/api/v1/staff/news/{created['slug']}"
    for editor in (staff, admin):
        article = client.get(url, headers=auth_headers(editor)).get_json()
        assert article["body"] == body and article["status"] == "draft"
        assert article["body_html"].startswith("<h2>Jadwal</h2>")
    other_opd = make_user(role=Role.OPD_STAFF, opd_code="DLH")
    error_shape(client.get(url, headers=auth_headers(other_opd)), 403)
    assert "body" not in client.get(f"/api/v1/news/{created['slug']}", headers=auth_headers(staff)).get_json()
    error_shape(client.get("/api/v1/staff/news/tidak-ada", headers=auth_headers(staff)), 404)


def test_preview_renders_like_saving_and_stores_nothing(client, staff):
    body = "## Jadwal\n\n**Senin** sampai Rabu.\n\n<script>alert(1)</script> [x](javascript:alert(1))"
    response = client.post(PREVIEW, json={"body": body}, headers=auth_headers(staff))
    assert response.status_code == 200
    html = response.get_json()["body_html"]
    assert "<h2>Jadwal</h2>" in html and "<strong>Senin</strong>" in html
    assert_harmless(html)
    saved = client.post(
        "/api/v1/news",
        json={"title": "Jadwal", "category": "berita", "body": body},
        headers=auth_headers(staff),
    )
    assert saved.get_json()["body_html"] == html
    assert db.session.query(Article).count() == 1


def test_preview_needs_a_body(client, staff):
    body = error_shape(client.post(PREVIEW, json={}, headers=auth_headers(staff)), 422)
    assert "body" in body["errors"]


def test_preview_is_rate_limited_per_editor(app, client, staff, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_NEWS_PREVIEW", "2 per minute")
    headers = auth_headers(staff)
    for _ in range(2):
        assert client.post(PREVIEW, json={"body": "a"}, headers=headers).status_code == 200
    error_shape(client.post(PREVIEW, json={"body": "a"}, headers=headers), 429)


def test_no_article_can_take_the_preview_path(client, staff):
    created = client.post(
        "/api/v1/news", json={"title": "Preview", "category": "berita"}, headers=auth_headers(staff)
    )
    assert created.get_json()["slug"] == "preview-artikel"
