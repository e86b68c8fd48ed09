"""Configuration classes. Secrets and URLs come from the environment."""

import os
from datetime import timedelta

DEV_SECRET_KEY = "dev-secret-key-change-me"
DEV_JWT_SECRET_KEY = "dev-jwt-secret-key-change-me-too"


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def normalise_database_url(url: str) -> str:
    """Make plain postgres URLs use the psycopg 3 driver that requirements.txt installs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def database_engine_options(url: str, wait_ms: int) -> dict:
    """A database that stops answering makes a statement fail after `wait_ms` (answered 503), rather
    than hold a worker until gunicorn kills it."""
    if url.startswith("postgresql"):
        return {
            "pool_pre_ping": True,
            "pool_timeout": wait_ms / 1000,
            "connect_args": {
                "connect_timeout": max(1, wait_ms // 1000),
                "options": f"-c statement_timeout={wait_ms} -c lock_timeout={wait_ms}",
            },
        }
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": wait_ms / 1000}}  # how long a write waits for the lock
    return {}


class Config:
    """Development defaults: works with no environment at all."""

    ENV_NAME = "development"
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", DEV_JWT_SECRET_KEY)

    # None means "a SQLite file in the instance folder", resolved in create_app.
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")
    # How long one statement may wait for the database before the request answers 503.
    DATABASE_WAIT_MS = int(os.environ.get("DATABASE_WAIT_MS", "5000"))
    REDIS_URL = os.environ.get("REDIS_URL")
    CITY_PACK = os.environ.get("CITY_PACK", "balikpapan")
    # The official warning feeds, instead of the city pack's URLs (tests and staging: a local server).
    BMKG_NOWCAST_URL = os.environ.get("BMKG_NOWCAST_URL")
    BMKG_EARTHQUAKE_URL = os.environ.get("BMKG_EARTHQUAKE_URL")
    # One fetch from a warning feed ends after about this long (a hanging server must not hold the
    # tick), and a nowcast poll fetches at most this many CAP documents (BMKG allows ~60 requests/min).
    WARNINGS_FETCH_SECONDS = float(os.environ.get("WARNINGS_FETCH_SECONDS", "6"))
    WARNINGS_DOCUMENTS_PER_POLL = int(os.environ.get("WARNINGS_DOCUMENTS_PER_POLL", "20"))
    # The `sender` of the city's CAP alerts (/alerts.atom): globally unique, no spaces, commas, < or &.
    # Unset: alerts@ the host the app is served at.
    CAP_SENDER = os.environ.get("CAP_SENDER")
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR")
    # Photos in a private bucket of S3-compatible object storage instead of UPLOAD_DIR (storage.py);
    # unset AWS_* values come from boto3's own chain (a profile, an instance role).
    STORAGE_S3_BUCKET = os.environ.get("STORAGE_S3_BUCKET")
    S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL")
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")
    AWS_DEFAULT_REGION = os.environ.get("AWS_DEFAULT_REGION")
    PWA_DIST_DIR = os.environ.get("PWA_DIST_DIR")
    MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    CORS_ORIGINS = _env_list("CORS_ORIGINS")
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
    MAX_CONTENT_LENGTH = 32 * 1024 * 1024
    # Refused at the door by backend/request_guard.py, in the app's JSON error shape; gunicorn.conf.py
    # lets somewhat more through so that gunicorn's own HTML page is not what a client sees.
    MAX_JSON_LENGTH = 1024 * 1024
    MAX_JSON_DEPTH = 32
    MAX_URL_LENGTH = 4096
    MAX_HEADER_LENGTH = 8190
    MAX_HEADER_COUNT = 100

    # Tokens: short-lived access token in a header, rotating refresh token in a cookie.
    JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=15)
    JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=30)
    # How long the refresh token traded last still works once more (its answer was lost in transit).
    REFRESH_RETRY_SECONDS = int(os.environ.get("REFRESH_RETRY_SECONDS", "30"))
    JWT_TOKEN_LOCATION = ["headers", "cookies"]
    JWT_REFRESH_COOKIE_PATH = "/api/v1/auth"
    JWT_REFRESH_CSRF_COOKIE_PATH = "/"
    JWT_COOKIE_SAMESITE = "Strict"
    JWT_COOKIE_SECURE = False
    JWT_COOKIE_CSRF_PROTECT = True
    JWT_SESSION_COOKIE = False

    # Argon2id cost; the tests lower it, production keeps the library's recommended values.
    PASSWORD_HASH_TIME_COST = 3
    PASSWORD_HASH_MEMORY_COST = 65536

    RATELIMIT_ENABLED = True
    # Off: Flask-Limiter would put its window's Retry-After on every answer, the login delay's 429
    # included; errors.py adds Retry-After to each 429 instead.
    RATELIMIT_HEADERS_ENABLED = False
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI") or REDIS_URL or "memory://"
    # While Redis cannot be reached, rate limits count in each process and the cache is skipped;
    # Redis is tried again after this many seconds (outages.py).
    REDIS_RETRY_SECONDS = int(os.environ.get("REDIS_RETRY_SECONDS", "10"))
    # Many phones share one address behind carrier-grade NAT: per address, logins count only when
    # they fail, and registrations get room for a hall full of people signing up on one Wi-Fi.
    RATELIMIT_LOGIN = os.environ.get("RATELIMIT_LOGIN", "30 per minute;300 per hour")
    RATELIMIT_REGISTER = os.environ.get("RATELIMIT_REGISTER", "30 per minute;300 per hour")
    RATELIMIT_REGISTER_FAILED = os.environ.get("RATELIMIT_REGISTER_FAILED", "10 per minute;50 per hour")
    # Per account (accounts/login_throttle.py): a few failed logins are free, then each attempt waits
    # a delay that doubles up to a cap; failures are forgotten after a quiet while or a success.
    LOGIN_FREE_FAILURES = int(os.environ.get("LOGIN_FREE_FAILURES", "5"))
    LOGIN_DELAY_BASE_SECONDS = int(os.environ.get("LOGIN_DELAY_BASE_SECONDS", "2"))
    LOGIN_DELAY_CAP_SECONDS = int(os.environ.get("LOGIN_DELAY_CAP_SECONDS", "60"))
    LOGIN_FORGET_FAILURES_SECONDS = int(os.environ.get("LOGIN_FORGET_FAILURES_SECONDS", "900"))
    RATELIMIT_FILING = "10 per minute;60 per day"
    RATELIMIT_COMMENTS = "10 per minute;200 per day"
    RATELIMIT_OPEN311 = "120 per minute"
    RATELIMIT_NEWS_PREVIEW = "60 per minute"
    OPEN311_CONTACT = os.environ.get("OPEN311_CONTACT")
    NEWS_MAX_PINNED = 3

    SEND_SECURITY_HSTS = False

    # The server-side cache of public reads (http_cache.py) and dashboard answers: Redis, shared by
    # every app server; without Redis, files in the instance folder, shared by the worker processes
    # of the one server (an in-process cache would let one worker answer from before a write
    # another worker made). CACHE_DIR None means "<instance>/cache", resolved in create_app.
    CACHE_TYPE = "RedisCache" if REDIS_URL else "FileSystemCache"
    CACHE_REDIS_URL = REDIS_URL
    CACHE_DIR = os.environ.get("CACHE_DIR")
    CACHE_THRESHOLD = 5000
    CACHE_DEFAULT_TIMEOUT = 20
    # Anonymous public reads answered from that cache (PUBLIC_CACHE=off answers each afresh, for
    # comparison); an entry is kept at most this long even when no write changes its data.
    PUBLIC_CACHE = os.environ.get("PUBLIC_CACHE", "on").lower() not in ("off", "0", "false", "no")
    PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "300"))

    # Answers and app files compressed (zstd, brotli or gzip, as the browser accepts) for phones on
    # slow mobile data: the catalogue's JSON and the report screen's code shrink to about a fifth.
    COMPRESS_MIMETYPES = [
        "text/html",
        "text/css",
        "text/javascript",
        "application/javascript",
        "application/json",
        "application/geo+json",
        "application/manifest+json",
        "image/svg+xml",
        "text/xml",
        "application/atom+xml",
        "text/csv",
    ]
    # Files are streamed; a 304 for the app's own (compressed) files spares a second download.
    COMPRESS_STREAMING_ENDPOINT_CONDITIONAL = ["web.pwa", "web.docs_asset"]

    # Jobs: Celery on Redis when a broker is set, else an in-process thread pool that also ticks.
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL")
    JOB_QUEUE = os.environ.get("JOB_QUEUE", "satupintu")
    # A job a killed worker was running is delivered again after this many seconds.
    JOB_VISIBILITY_TIMEOUT = int(os.environ.get("JOB_VISIBILITY_TIMEOUT", "600"))
    JOB_THREADS = 4
    # How often the periodic jobs run (beat, or the embedded ticker), and when one counts as late.
    JOB_TICK_SECONDS = float(os.environ.get("JOB_TICK_SECONDS", "30"))
    JOB_STALE_SECONDS = int(os.environ.get("JOB_STALE_SECONDS", "150"))
    JOB_TICKER = True

    # One-time codes (accounts/one_time_codes.py): sent by e-mail over SMTP, by SMS or WhatsApp
    # through the city's HTTP gateway, or (neither configured, outside production) to the log.
    MAIL_SERVER = os.environ.get("MAIL_SERVER")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "true").lower() not in ("off", "0", "false", "no")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "SatuPintu <no-reply@localhost>")
    OTP_GATEWAY_URL = os.environ.get("OTP_GATEWAY_URL")
    OTP_GATEWAY_TOKEN = os.environ.get("OTP_GATEWAY_TOKEN")
    OTP_SEND_TIMEOUT_SECONDS = int(os.environ.get("OTP_SEND_TIMEOUT_SECONDS", "15"))
    OTP_TTL_SECONDS = int(os.environ.get("OTP_TTL_SECONDS", "600"))
    OTP_MAX_TRIES = int(os.environ.get("OTP_MAX_TRIES", "5"))
    OTP_RESEND_SECONDS = int(os.environ.get("OTP_RESEND_SECONDS", "60"))
    OTP_MAX_PER_CONTACT_PER_DAY = int(os.environ.get("OTP_MAX_PER_CONTACT_PER_DAY", "10"))
    # What the city pays for: SMS and WhatsApp messages sent in 24 hours, all contacts together.
    OTP_MAX_PHONE_MESSAGES_PER_DAY = int(os.environ.get("OTP_MAX_PHONE_MESSAGES_PER_DAY", "2000"))
    # Per address, over every endpoint that sends a code (register, reset, code sign-in, new contact).
    RATELIMIT_CODE_SENDS = os.environ.get("RATELIMIT_CODE_SENDS", "30 per minute;300 per hour")

    # Staff invitations and two-factor sign-in (accounts/invitations.py, accounts/two_factor.py).
    # The address of the app in invitation links; without it, the address the admin used.
    PUBLIC_URL = os.environ.get("PUBLIC_URL")
    INVITATION_TTL_HOURS = int(os.environ.get("INVITATION_TTL_HOURS", "72"))
    # Roles that must sign in with an authenticator app; until they set it up, only that is open.
    TWO_FACTOR_REQUIRED_ROLES = _env_list("TWO_FACTOR_REQUIRED_ROLES", "admin,operator")
    # How long the password step waits for the second one.
    TWO_FACTOR_CHALLENGE_SECONDS = int(os.environ.get("TWO_FACTOR_CHALLENGE_SECONDS", "300"))
    TWO_FACTOR_ISSUER = os.environ.get("TWO_FACTOR_ISSUER", "SatuPintu")

    # Push
    VAPID_PRIVATE_KEY = os.environ.get("VAPID_PRIVATE_KEY")
    VAPID_PUBLIC_KEY = os.environ.get("VAPID_PUBLIC_KEY")
    VAPID_SUBJECT = os.environ.get("VAPID_SUBJECT", "mailto:admin@localhost")
    PUSH_ALLOW_LOCAL_ENDPOINTS = False
    PUSH_BATCH_SIZE = int(os.environ.get("PUSH_BATCH_SIZE", "500"))
    PUSH_BATCH_LEASE_SECONDS = int(os.environ.get("PUSH_BATCH_LEASE_SECONDS", "120"))
    PUSH_CONCURRENCY = int(os.environ.get("PUSH_CONCURRENCY", "32"))
    PUSH_RETRY_ATTEMPTS = 4
    PUSH_RETRY_BASE_SECONDS = 1.0
    PUSH_RETRY_CAP_SECONDS = 30.0
    RATELIMIT_PUSH_SUBSCRIPTIONS = "60 per hour"

    # Logs: one JSON object per line on stdout (LOG_FORMAT=text for plain lines while developing).
    LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
    # Who may read /metrics (Prometheus): addresses or CIDR ranges; anyone else gets a 404.
    METRICS_ALLOWED_ADDRESSES = _env_list("METRICS_ALLOWED_ADDRESSES", "127.0.0.1/32,::1/128")
    # A Celery worker serves its own figures (jobs run, push messages sent) on this port when set.
    WORKER_METRICS_PORT = os.environ.get("WORKER_METRICS_PORT")
    WORKER_METRICS_HOST = os.environ.get("WORKER_METRICS_HOST", "0.0.0.0")  # noqa: S104 (METRICS_ALLOWED_ADDRESSES guards it)

    API_TITLE = "SatuPintu API"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    OPENAPI_URL_PREFIX = "/api/v1"
    OPENAPI_JSON_PATH = "openapi.json"
    API_SPEC_OPTIONS = {
        "info": {"description": "Public services of the city: requests, news, alerts."},
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
        },
    }


class TestConfig(Config):
    """Used by the test suite; TEST_DATABASE_URL selects PostgreSQL."""

    ENV_NAME = "testing"
    TESTING = True
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL")
    PASSWORD_HASH_TIME_COST = 1
    PASSWORD_HASH_MEMORY_COST = 1024
    RATELIMIT_STORAGE_URI = "memory://"
    REDIS_URL = None
    CELERY_BROKER_URL = None
    STORAGE_S3_BUCKET = None
    CACHE_TYPE = "SimpleCache"
    JOB_TICKER = False
    PUSH_ALLOW_LOCAL_ENDPOINTS = True
    PUSH_RETRY_BASE_SECONDS = 0.05
    MAIL_SERVER = None
    OTP_GATEWAY_URL = None
    WARNINGS_FETCH_SECONDS = 2.0
    # No test reaches BMKG: other tests' ticks find nothing listening here (tests/warnings has a feed server).
    BMKG_NOWCAST_URL = "http://127.0.0.1:9/alerts/nowcast/id/rss.xml"
    BMKG_EARTHQUAKE_URL = "http://127.0.0.1:9/DataMKG/TEWS/"


class ProductionConfig(Config):
    """Production: HTTPS only, real secrets required."""

    ENV_NAME = "production"
    JWT_COOKIE_SECURE = True
    SEND_SECURITY_HSTS = True


def check_production_config(config) -> None:
    """Refuse to start production with the development secrets or without a real database."""
    if config["SECRET_KEY"] in (DEV_SECRET_KEY, "") or config["JWT_SECRET_KEY"] in (DEV_JWT_SECRET_KEY, ""):
        raise RuntimeError("Production needs SECRET_KEY and JWT_SECRET_KEY set to real secrets.")
    if not config.get("SQLALCHEMY_DATABASE_URI"):
        raise RuntimeError("Production needs DATABASE_URL.")
    if str(config.get("RATELIMIT_STORAGE_URI", "")).startswith("memory"):
        raise RuntimeError("Production needs REDIS_URL: rate limits must be shared by every app server.")
    if config.get("PUSH_ALLOW_LOCAL_ENDPOINTS"):
        raise RuntimeError("Production never sends push messages to local endpoints.")


CONFIGS = {"development": Config, "testing": TestConfig, "production": ProductionConfig}


def config_from_environment() -> type[Config]:
    """Choose the configuration class from SATUPINTU_ENV (default development)."""
    name = os.environ.get("SATUPINTU_ENV", "development")
    if name not in CONFIGS:
        raise RuntimeError(f"SATUPINTU_ENV must be one of {', '.join(CONFIGS)}, not {name!r}.")
    return CONFIGS[name]
