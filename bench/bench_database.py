"""The bench scripts' own PostgreSQL database: made fresh for a run and dropped after it."""

import psycopg
from psycopg import sql


def _maintenance_connection(url: str) -> tuple[psycopg.Connection, str]:
    """An autocommit connection to the `postgres` database of the server, and the bench database's name."""
    params = psycopg.conninfo.conninfo_to_dict(url.replace("postgresql+psycopg://", "postgresql://"))
    name = params.pop("dbname")
    return psycopg.connect(**(params | {"dbname": "postgres"}), autocommit=True), name


def drop_database(url: str, create_again: bool = False) -> None:
    connection, name = _maintenance_connection(url)
    with connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        if create_again:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
