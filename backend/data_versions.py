"""A version for each area of data the public reads show, changed by every commit that writes to it.

The shared cache of public reads (http_cache.py) keys its entries by these versions, so a publish,
an edited service or a status change is seen at once by every app server: the next read finds no
entry under the new version and computes afresh. Writes are noticed on the ORM session (every
flush, and INSERT, UPDATE and DELETE statements run on it), whoever makes them (a request, a job,
a command), and versions are changed only after the commit, so a reader of the new version sees
the new data.

Versions live in the app's cache (Redis in production, shared by every server), each a random
token: a lost or missing version can only make a read miss, never serve an old entry.
"""

import secrets

from sqlalchemy import event
from sqlalchemy.orm import Session

from .extensions import cache, db
from .outages import with_cache

# The areas whose data public reads show (backend/<area>/models.py); writes elsewhere change nothing.
AREAS = frozenset({"places", "catalog", "service_requests", "news"})
WRITTEN = "written_areas"


def current(areas: tuple[str, ...]) -> str:
    """The versions of `areas` as one string; a missing version is created."""
    found = read(cache, areas)
    if found is None:
        for area in areas:
            cache.add(_key(area), secrets.token_hex(8), timeout=0)  # only where none is kept
        found = read(cache, areas)
    return found


def read(store, areas: tuple[str, ...]) -> str | None:
    """The versions of `areas` as one string from `store` (the cache, or its backend outside an app
    context), or None while one is missing."""
    found = store.get_many(*(_key(area) for area in areas))
    return ".".join(found) if all(found) else None


def bump(areas) -> None:
    """New versions for `areas` (while the cache's Redis is down, nothing: outages.py starts the cache
    afresh when it answers again)."""
    mapping = {_key(area): secrets.token_hex(8) for area in areas}
    if mapping:
        with_cache(lambda: cache.set_many(mapping, timeout=0), lambda: None)


def _key(area: str) -> str:
    return f"version:{area}"


def _area_of_table(table_name: str) -> str | None:
    for mapper in db.Model.registry.mappers:
        if any(table.name == table_name for table in mapper.tables):
            return _area_of_class(mapper.class_)
    return None


def _area_of_class(cls) -> str | None:
    area = cls.__module__.split(".")[1]
    return area if area in AREAS else None


def _written(session: Session) -> set:
    return session.info.setdefault(WRITTEN, set())


def _after_flush(session: Session, _context) -> None:
    for instance in (*session.new, *session.dirty, *session.deleted):
        area = _area_of_class(type(instance))
        if area:
            _written(session).add(area)


def _on_orm_execute(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        area = _area_of_table(state.statement.table.name)
        if area:
            _written(state.session).add(area)


def _after_commit(session: Session) -> None:
    areas = session.info.pop(WRITTEN, None)
    if areas:
        bump(areas)


def _after_rollback(session: Session) -> None:
    session.info.pop(WRITTEN, None)


def watch_writes() -> None:
    """Listen to every ORM session (idempotent: SQLAlchemy ignores a repeated listen)."""
    for name, listener in (
        ("after_flush", _after_flush),
        ("do_orm_execute", _on_orm_execute),
        ("after_commit", _after_commit),
        ("after_rollback", _after_rollback),
    ):
        if not event.contains(Session, name, listener):
            event.listen(Session, name, listener)
