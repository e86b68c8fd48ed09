"""What the browser gets besides the API: the PWA's files, the API docs page, security headers."""

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, current_app, render_template_string, send_from_directory
from swagger_ui_bundle import swagger_ui_path
from werkzeug.routing import IntegerConverter
from werkzeug.security import safe_join

ROOT = Path(__file__).resolve().parent.parent
mimetypes.add_type("application/manifest+json", ".webmanifest")
bp = Blueprint("web", __name__)

PLACEHOLDER = """<!doctype html><html lang="id"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>SatuPintu</title>
<h1>SatuPintu</h1><p>Aplikasi belum dibangun. Jalankan <code>make run</code>.</p>
<p lang="en">The app has not been built yet. Run <code>make run</code>.</p>
<p><a href="/api/docs">Dokumentasi API</a></p></html>"""

DOCS_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>SatuPintu API</title>
<link rel="stylesheet" href="{{ url_for('web.docs_asset', filename='swagger-ui.css') }}"></head>
<body><div id="swagger-ui"></div>
<script src="{{ url_for('web.docs_asset', filename='swagger-ui-bundle.js') }}"></script>
<script src="{{ url_for('web.docs_init') }}"></script></body></html>"""

DOCS_INIT = """window.ui = SwaggerUIBundle({url: "/api/v1/openapi.json", dom_id: "#swagger-ui",
  deepLinking: true, presets: [SwaggerUIBundle.presets.apis]});"""

API_PREFIXES = ("api/", "open311/")


class IdConverter(IntegerConverter):
    """<id:name> in a URL: a positive id that fits the database column (larger ones are 404s)."""

    def __init__(self, map, *args, **kwargs):
        super().__init__(map, min=1, max=2**31 - 1)


IMMUTABLE = "public, max-age=31536000, immutable"


def _dist_dir() -> Path:
    return Path(current_app.config.get("PWA_DIST_DIR") or ROOT / "pwa" / "dist")


@bp.route("/api/docs")
def docs():
    return render_template_string(DOCS_PAGE)


@bp.route("/api/docs/init.js")
def docs_init():
    return current_app.response_class(DOCS_INIT, mimetype="text/javascript")


@bp.route("/api/docs/assets/<path:filename>")
def docs_asset(filename):
    return send_from_directory(swagger_ui_path, filename, max_age=86400)


@bp.route("/", defaults={"path": ""})
@bp.route("/<path:path>")
def pwa(path: str):
    """A built file when there is one, else index.html so that the app's own router decides.
    Unknown API paths stay 404 JSON answers."""
    if path.startswith(API_PREFIXES) or path in ("api", "open311"):
        abort(404)
    dist = _dist_dir()
    file = safe_join(str(dist), path) if path else None
    if file and Path(file).is_file():
        response = send_from_directory(dist, path)
        if path.startswith("assets/"):
            response.headers["Cache-Control"] = IMMUTABLE
        else:
            response.headers["Cache-Control"] = "no-cache"
        return response
    if not (dist / "index.html").is_file():
        return render_template_string(PLACEHOLDER)
    response = send_from_directory(dist, "index.html")
    response.headers["Cache-Control"] = "no-cache"
    return response


def _tile_origin(template: str) -> str:
    parts = urlsplit(template)
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}" if parts.netloc else ""


def content_security_policy(app: Flask) -> str:
    """Same-origin everything; map tiles are the one outside source, and only as images."""
    images = " ".join(filter(None, ["'self'", "data:", "blob:", _tile_origin(app.config["MAP_TILE_URL"])]))
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            f"img-src {images}",
            "connect-src 'self'",
            "font-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def register_web(app: Flask) -> None:
    app.register_blueprint(bp)
    headers = {
        "Content-Security-Policy": content_security_policy(app),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(self), geolocation=(self), microphone=()",
    }
    if app.config["SEND_SECURITY_HSTS"]:
        headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"

    @app.after_request
    def _security_headers(response):
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response
