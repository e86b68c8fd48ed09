"""Alembic's environment for Flask-Migrate: the app's engine and metadata, online or offline."""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

from backend.database import UTCDateTime

config = context.config

# The app's own logging (JSON on stdout, backend/logs.py) is kept when the app set it up; the .ini
# file's only for a bare alembic run.
if not logging.getLogger().handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

database = current_app.extensions["migrate"].db
config.set_main_option(
    "sqlalchemy.url", database.engine.url.render_as_string(hide_password=False).replace("%", "%%")
)
metadata = database.metadatas[None]


def render_item(type_, obj, autogen_context):
    """Write the app's UTCDateTime as a plain timezone-aware DateTime, so that
    revisions do not import the application."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def skip_empty_revision(context, revision, directives):
    """`flask db migrate` with no schema change writes no file."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def run_migrations_offline():
    """Write the SQL to stdout (`flask db upgrade --sql`) instead of running it."""
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=metadata,
        literal_binds=True,
        render_item=render_item,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    options = current_app.extensions["migrate"].configure_args
    options.setdefault("process_revision_directives", skip_empty_revision)
    options.setdefault("render_item", render_item)
    with database.engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, **options)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
