"""The schema comes from the migrations, matches the models, and downgrades cleanly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from backend.extensions import db


def _differences():
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, db.metadata)


def test_migrated_schema_matches_the_models(app):
    assert _differences() == []


def test_downgrade_to_base_and_upgrade_again(base_app):
    with base_app.app_context():
        db.session.remove()
        downgrade(revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert {"users", "kecamatan", "kelurahan", "opds", "login_sessions"} <= set(
            inspect(db.engine).get_table_names()
        )
        assert _differences() == []
