"""SatuPintu: the Flask application factory."""

from importlib import import_module
from pathlib import Path

from flask import Flask
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix

from . import http_cache
from .config import (
    check_production_config,
    config_from_environment,
    database_engine_options,
    normalise_database_url,
)
from .data_versions import watch_writes
from .extensions import api, cache, compress, db, jwt, limiter, migrate
from .fast_hits import register_fast_hits
from .jobs import init_jobs
from .push.vapid import load_keys as load_vapid_keys
from .storage import init_storage
from .web import register_web

AREAS = (
    "accounts",
    "places",
    "catalog",
    "service_requests",
    "news",
    "open311",
    "push",
    "dashboard",
    "operations",
    "warnings",
    "incidents",
    "audit",
    "privacy",
)
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def create_app(config=None) -> Flask:
    """Build the app. `config` is a Config class, or a mapping applied over the environment's."""
    app = Flask(__name__, static_folder=None)
    configure(app, config)
    register_extensions(app)
    register_blueprints(app)
    register_handlers(app)
    register_web(app)  # the PWA's pages and files, and the security headers on every answer
    register_listeners()
    register_commands(app)
    wrap_wsgi_app(app)
    return app


def configure(app: Flask, config) -> None:
    if config is None or isinstance(config, dict):
        app.config.from_object(config_from_environment())
        app.config.update(config or {})
    else:
        app.config.from_object(config)
    if app.config["ENV_NAME"] == "production":
        check_production_config(app.config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{Path(app.instance_path) / 'satupintu.db'}"
    app.config["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    app.config.setdefault(
        "SQLALCHEMY_ENGINE_OPTIONS",
        database_engine_options(app.config["SQLALCHEMY_DATABASE_URI"], app.config["DATABASE_WAIT_MS"]),
    )
    if app.config.get("CACHE_TYPE") == "FileSystemCache" and not app.config.get("CACHE_DIR"):
        app.config["CACHE_DIR"] = str(Path(app.instance_path) / "cache")
    app.config.setdefault("UPLOAD_DIR", None)
    if not app.config["UPLOAD_DIR"]:
        app.config["UPLOAD_DIR"] = str(Path(app.instance_path) / "uploads")


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR), render_as_batch=True, compare_type=True)
    jwt.init_app(app)
    limiter.init_app(app)
    cache.init_app(app)
    watch_writes()
    app.config.setdefault("COMPRESS_CACHE_BACKEND", http_cache.CompressedAnswers)
    app.config.setdefault("COMPRESS_CACHE_KEY", http_cache.compressed_answer_key)
    compress.init_app(app)
    api.init_app(app)
    init_jobs(app)
    load_vapid_keys(app)
    init_storage(app)
    if app.config["CORS_ORIGINS"]:
        CORS(app, resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}}, supports_credentials=True)


def register_blueprints(app: Flask) -> None:
    """Each area's routes module fills its blueprint under /api/v1; a few answers (the Atom feed,
    Open311) live outside it, on the plain Flask blueprints the module lists."""
    from .web import IdConverter

    app.url_map.converters["id"] = IdConverter
    api.register_converter(IdConverter, lambda converter: {"type": "integer", "minimum": 1})
    for area in AREAS:
        routes = import_module(f".{area}.routes", __name__)
        api.register_blueprint(routes.bp, url_prefix="/api/v1")
        for blueprint in getattr(routes, "plain_blueprints", ()):
            app.register_blueprint(blueprint)


def wrap_wsgi_app(app: Flask) -> None:
    """In front of Flask: the shared cache's hits, and before them ProxyFix (the caller's address)."""
    register_fast_hits(app)
    proxies = int(app.config.get("PROXY_COUNT", 0))
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)


def register_handlers(app: Flask) -> None:
    """What runs around every request: logging, metrics, the error shape, the guard, the tokens."""
    from .errors import register_error_handlers
    from .logs import register_logging
    from .metrics import register_metrics
    from .request_guard import register_request_guard
    from .security import register_jwt_callbacks

    register_logging(app)
    register_metrics(app)
    register_error_handlers(app)
    register_request_guard(app)
    register_jwt_callbacks(app)


def register_listeners() -> None:
    """Who hears the domain events (backend/events.py); blinker ignores a repeated connect."""
    from . import events
    from .privacy.erasure import erase_personal_data
    from .push.devices import forget_devices
    from .push.transactional import connect_listeners as connect_push_listeners
    from .service_requests.photos import erase_reporters_photos

    connect_push_listeners()
    # Photos first: a photo store out of reach fails the deletion before anything else is erased.
    for erase in (erase_reporters_photos, erase_personal_data, forget_devices):
        events.account_deleted.connect(erase)


def register_commands(app: Flask) -> None:
    from .cli import register_commands as register_cli_commands

    register_cli_commands(app)
