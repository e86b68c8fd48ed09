"""Fixtures: one migrated database per test run, with the city pack seeded and every other table
emptied after each test.

TEST_DATABASE_URL=postgresql://... runs the suite on PostgreSQL; otherwise a SQLite file.
"""

import os
import re
from datetime import datetime, timedelta
from pathlib import Path

os.environ["SATUPINTU_ENV"] = "testing"

import pytest
from flask_migrate import upgrade
from sqlalchemy import Engine, event, text

from backend import create_app
from backend.audit.services import purge_allowed
from backend.catalog.services import seed_catalog
from backend.citypacks import load_pack
from backend.config import TestConfig
from backend.database import Clock as DatabaseClock
from backend.database import utcnow
from backend.extensions import cache, db, limiter
from backend.places.services import seed_places
from backend.push.vapid import generate_keys
from backend.security import Role

from .factories import make_user
from .push.fake_push_service import FakePushService
from .services import (
    RedisServer,
    celery_setup,  # noqa: F401 (a fixture for the tests that run Celery)
    s3_app,  # noqa: F401 (the app with its photos on SeaweedFS)
    seaweedfs,  # noqa: F401 (SeaweedFS for the session)
)

TEST_PACKS = Path(__file__).parent / "citypacks"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def vapid_keys() -> dict:
    return generate_keys() | {"VAPID_SUBJECT": "mailto:diskominfo@contoh.go.id"}


@pytest.fixture(scope="session")
def make_app(database_url, tmp_path_factory, vapid_keys):
    """Build an app on the test database with extra configuration; engines are disposed at the end.
    Apps without a cache of their own share one, as app servers share Redis: a write through one app
    (a test's factories) changes the data versions another (the live server) reads."""
    apps = []
    shared_cache = {}

    def factory(**overrides):
        config = (
            {key: getattr(TestConfig, key) for key in dir(TestConfig) if key.isupper()}
            | {
                "SQLALCHEMY_DATABASE_URI": database_url,
                "UPLOAD_DIR": str(tmp_path_factory.mktemp("uploads")),
                "PWA_DIST_DIR": str(tmp_path_factory.mktemp("dist")),
            }
            | vapid_keys
            | overrides
        )
        app = create_app(config)
        if not any(name.startswith("CACHE_") for name in overrides):
            app.extensions["cache"] = shared_cache.setdefault("backends", app.extensions["cache"])
        apps.append(app)
        return app

    yield factory
    for app in apps:
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def base_app(make_app):
    app = make_app()
    with app.app_context():
        upgrade()
    return app


# The city pack's places and catalogue. Seeding them is most of what a test costs on PostgreSQL,
# so they are seeded once and kept from test to test for as long as no test writes to them.
CITY_PACK_TABLES = frozenset(
    {"cities", "kecamatan", "kelurahan", "opds", "service_groups", "services", "service_attributes"}
)
WRITE = re.compile(r"\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM|CREATE|ALTER|DROP)\s+\"?(\w+)", re.IGNORECASE)


class CityPack:
    seeded = False


@event.listens_for(Engine, "before_cursor_execute")
def _notice_city_pack_writes(connection, cursor, statement, parameters, context, executemany):
    """Any write to the city pack's tables, or any schema change, and they are seeded again."""
    write = WRITE.match(statement)
    if write and (write[1].upper().startswith(("CREATE", "ALTER", "DROP")) or write[2] in CITY_PACK_TABLES):
        CityPack.seeded = False


def empty_tables(tables: list[str]) -> None:
    """DELETE rather than TRUNCATE: on a test's few rows it is several times faster on PostgreSQL
    (no tests depend on ids starting at 1). The audit trail refuses deletes unless allowed."""
    with purge_allowed():
        for table in tables:
            if table != "audit_purges":  # it holds the mark that allows the rest
                db.session.execute(text(f"DELETE FROM {table}"))
    db.session.commit()


def empty_database() -> None:
    empty_tables([table.name for table in reversed(db.metadata.sorted_tables)])
    CityPack.seeded = False


def seed_city_pack() -> None:
    if CityPack.seeded:
        return
    empty_database()
    pack = load_pack("balikpapan")
    seed_places(pack)
    seed_catalog(pack)
    CityPack.seeded = True


@pytest.fixture
def app(base_app):
    """The app with Balikpapan seeded, inside an app context; all else emptied afterwards."""
    with base_app.app_context():
        seed_city_pack()
        yield base_app
        base_app.extensions["jobs"].wait_idle()
        db.session.rollback()
        if CityPack.seeded:
            empty_tables(
                [t.name for t in reversed(db.metadata.sorted_tables) if t.name not in CITY_PACK_TABLES]
            )
        else:
            empty_database()
        db.session.remove()
        cache.clear()
    limiter.reset()


class StoppedClock:
    """The app's clock (backend.database.Clock), stopped until the test moves it."""

    def __init__(self):
        DatabaseClock.frozen = utcnow()

    @property
    def now(self) -> datetime:
        return DatabaseClock.frozen

    def set(self, at: datetime) -> None:
        DatabaseClock.frozen = at

    def advance(self, seconds: float) -> None:
        DatabaseClock.frozen += timedelta(seconds=seconds)


@pytest.fixture
def clock():
    """Stops the clock every rule reads (utcnow), for the test to move; started again afterwards."""
    yield StoppedClock()
    DatabaseClock.frozen = None


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def redis_app(make_app, base_app, app, redis_server):
    """The app with its rate limits and cache in the test's own Redis (which the test may kill).
    The limiter and the cache are shared objects: afterwards they go back to the base app."""
    overrides = {"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_server.url}
    with make_app(RATELIMIT_STORAGE_URI=redis_server.url, **overrides).app_context() as context:
        yield context.app
    limiter.init_app(base_app)
    cache.init_app(base_app)


@pytest.fixture(scope="session")
def push_service(vapid_keys):
    """A local push service that decrypts and checks what the app sends."""
    service = FakePushService(vapid_keys["VAPID_PUBLIC_KEY"])
    yield service
    service.close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def resident(app):
    return make_user(role=Role.RESIDENT, name="Siti Warga")


@pytest.fixture
def staff(app):
    return make_user(role=Role.OPD_STAFF, opd_code="DPU", name="Andi Staf DPU")


@pytest.fixture
def operator(app):
    return make_user(role=Role.OPERATOR, name="Rina Operator")


@pytest.fixture
def admin(app):
    return make_user(role=Role.ADMIN, name="Admin Kominfo")


@pytest.fixture
def users(resident, staff, operator, admin):
    """One user per role, keyed by role name."""
    return {"resident": resident, "opd_staff": staff, "operator": operator, "admin": admin}
