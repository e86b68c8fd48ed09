"""The PWA's files, the API docs page, compression, security headers and CORS."""

import gzip
import json

import brotli
import pytest


@pytest.fixture
def dist(app, tmp_path, monkeypatch):
    path = tmp_path / "dist"
    monkeypatch.setitem(app.config, "PWA_DIST_DIR", str(path))
    (path / "assets").mkdir(parents=True, exist_ok=True)
    (path / "index.html").write_text("<!doctype html><title>SatuPintu</title><div id=app></div>")
    (path / "assets" / "index-abc123.js").write_text("console.log('SatuPintu');\n" * 100)
    (path / "sw.js").write_text("self.addEventListener('fetch', () => {})")
    return path


def test_unknown_app_paths_fall_back_to_index_html(client, dist):
    for path in ["/", "/laporan/BPN-7K3Q9", "/berita"]:
        response = client.get(path)
        assert response.status_code == 200 and b"SatuPintu" in response.data
        assert response.headers["Cache-Control"] == "no-cache"


def test_hashed_assets_are_cached_for_a_year_and_the_worker_never(client, dist):
    assert "immutable" in client.get("/assets/index-abc123.js").headers["Cache-Control"]
    assert client.get("/sw.js").headers["Cache-Control"] == "no-cache"


def test_answers_and_app_files_are_compressed_for_browsers_that_accept_it(client, dist):
    services = client.get("/api/v1/services", headers={"Accept-Encoding": "gzip"})
    assert services.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in services.headers["Vary"]
    plain = client.get("/api/v1/services")
    assert "Content-Encoding" not in plain.headers
    assert json.loads(gzip.decompress(services.data)) == plain.json
    assert len(services.data) < len(plain.data) / 3

    script = client.get("/assets/index-abc123.js", headers={"Accept-Encoding": "br, gzip"})
    assert script.headers["Content-Encoding"] == "br"
    assert brotli.decompress(script.data) == (dist / "assets" / "index-abc123.js").read_bytes()


def test_a_compressed_answer_revalidates_to_304(client, dist):
    for path in ["/api/v1/services", "/assets/index-abc123.js"]:
        first = client.get(path, headers={"Accept-Encoding": "br"})
        again = client.get(path, headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304, path


def test_placeholder_page_when_the_pwa_is_not_built(app, client, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "PWA_DIST_DIR", str(tmp_path / "not-built"))
    response = client.get("/")
    assert response.status_code == 200 and b"make run" in response.data


def test_every_answer_has_security_headers(client):
    for response in [client.get("/"), client.get("/api/v1/kecamatan"), client.get("/api/v1/nope")]:
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "Strict-Transport-Security" not in response.headers


def test_csp_allows_the_configured_map_tiles_as_images_only(make_app, base_app):
    app = make_app(MAP_TILE_URL="https://{s}.tiles.contoh.id/{z}/{x}/{y}.png")
    csp = app.test_client().get("/").headers["Content-Security-Policy"]
    assert "img-src 'self' data: blob: https://*.tiles.contoh.id" in csp
    assert "connect-src 'self';" in csp


def test_docs_page_and_its_assets_are_served_locally(client):
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "http://" not in html and "https://" not in html
    assert client.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200
    assert client.get("/api/docs/assets/swagger-ui.css").status_code == 200
    assert b"/api/v1/openapi.json" in client.get("/api/docs/init.js").data


def test_cors_is_closed_unless_configured(client, make_app, base_app):
    closed = client.get("/api/v1/kecamatan", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in closed.headers
    app = make_app(CORS_ORIGINS=["https://mitra.contoh.id"])
    with app.app_context():
        allowed = app.test_client().get("/api/v1/city", headers={"Origin": "https://mitra.contoh.id"})
        assert allowed.headers["Access-Control-Allow-Origin"] == "https://mitra.contoh.id"
        other = app.test_client().get("/api/v1/city", headers={"Origin": "https://evil.example"})
        assert "Access-Control-Allow-Origin" not in other.headers
