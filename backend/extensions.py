"""Flask extensions, created unbound and initialised in create_app."""

import flask_smorest
from flask import request
from flask_caching import Cache
from flask_compress import Compress
from flask_jwt_extended import JWTManager
from flask_migrate import Migrate
from flask_smorest import Api
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

from .rate_limits import Limiter
from .request_guard import JsonBodyParser

# Stable constraint names, so that Alembic can alter them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ApiBlueprint(flask_smorest.Blueprint):
    """Each area's blueprint: an @bp.arguments JSON schema gets a JSON object or refuses the request."""

    ARGUMENTS_PARSER = JsonBodyParser()


def client_address() -> str:
    """The caller's address; behind a proxy, ProxyFix has already put the real one here."""
    return request.remote_addr or "unknown"


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
jwt = JWTManager()
limiter = Limiter(key_func=client_address)
api = Api()
cache = Cache()
compress = Compress()
