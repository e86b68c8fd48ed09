"""Configuration: works with no environment; production refuses the development secrets."""

import pytest

from backend import create_app
from backend.config import DEV_SECRET_KEY, Config, ProductionConfig, normalise_database_url


def test_development_needs_no_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app(Config)
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    assert app.config["SQLALCHEMY_DATABASE_URI"].endswith("instance/satupintu.db")


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"JWT_SECRET_KEY": "a-real-jwt-secret-of-enough-length"},
        {"SECRET_KEY": "a-real-secret-of-enough-length"},
        {"SECRET_KEY": "real-secret-1", "JWT_SECRET_KEY": "real-secret-2", "SQLALCHEMY_DATABASE_URI": None},
        {
            "SECRET_KEY": "real-secret-1",
            "JWT_SECRET_KEY": "real-secret-2",
            "RATELIMIT_STORAGE_URI": "memory://",
        },
    ],
)
def test_production_refuses_development_secrets_or_no_database(overrides):
    config = type(
        "Prod", (ProductionConfig,), {"SQLALCHEMY_DATABASE_URI": "postgresql://db/satupintu"} | overrides
    )
    with pytest.raises(RuntimeError):
        create_app(config)


def test_production_starts_with_real_secrets():
    config = type(
        "Prod",
        (ProductionConfig,),
        {
            "SECRET_KEY": "s3cret-one",
            "JWT_SECRET_KEY": "s3cret-two",
            "SQLALCHEMY_DATABASE_URI": "postgresql://db/x",
            "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
            "JOB_TICKER": False,
        },
    )
    app = create_app(config)
    assert app.config["JWT_COOKIE_SECURE"] is True
    assert app.config["SECRET_KEY"] != DEV_SECRET_KEY
    assert "Strict-Transport-Security" in app.test_client().get("/api/docs").headers


def test_postgres_urls_use_the_psycopg_driver():
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"
