"""The bench scripts' own PostgreSQL database: made fresh for a run and dropped after it, and the
arguments of the benches that measure it at growing table sizes."""

import argparse

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


def sized_run_arguments(
    doc: str, database_url: str, sizes: str, repeats: int, repeats_help: str
) -> argparse.Namespace:
    """The command line of a bench that fills its database to each of `sizes` rows in turn and times
    `repeats` calls at each; the sizes come back as ascending ints."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=database_url, help="dropped and created again")
    parser.add_argument("--sizes", default=sizes, help="table sizes to measure at, ascending")
    parser.add_argument("--repeats", type=int, default=repeats, help=repeats_help)
    parser.add_argument("--keep", action="store_true", help="do not drop the database at the end")
    parser.add_argument("--full-plans", action="store_true", help="print whole EXPLAIN plans")
    args = parser.parse_args()
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    return args
