"""Keyset pagination: stable pages that cost the same on page 1 and page 10,000.

A cursor is the sort key of the last row of the previous page, opaque to the client.
"""

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Select, tuple_

from .errors import Invalid
from .extensions import db

BAD_CURSOR = "The cursor is not valid. Start again from the first page."


@dataclass
class Page:
    items: list
    next: str | None


def _encode(values: tuple) -> str:
    plain = [value.isoformat() if isinstance(value, datetime) else value for value in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def _coerce(column, value):
    """Check a decoded cursor value against its column's type, so a forged cursor is a 422, not a 500."""
    try:
        kind = column.type.python_type
    except NotImplementedError:
        kind = str
    if kind is datetime and isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None or not 2000 <= parsed.year <= 2100:
            raise ValueError("datetime out of range")
        return parsed.astimezone(UTC)
    if kind is int and type(value) is int and abs(value) < 2**63:
        return value
    if kind in (str, bool) and type(value) is kind:
        return value
    raise ValueError(f"{column.key} is not a {kind.__name__}")


def _decode(cursor: str, columns: list) -> tuple:
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(raw, list) or len(raw) != len(columns):
            raise ValueError("wrong length")
        return tuple(_coerce(column, value) for column, value in zip(columns, raw, strict=True))
    except (ValueError, TypeError, OverflowError):
        raise Invalid(BAD_CURSOR, errors={"cursor": [BAD_CURSOR]}) from None


def keyset_page(
    query: Select, columns: list, cursor: str | None, limit: int, descending: bool = True
) -> Page:
    """One page of `query` ordered by `columns` (a unique key, all in one direction)."""
    key = tuple_(*columns) if len(columns) > 1 else columns[0]
    if cursor:
        after = _decode(cursor, columns)
        bound = after if len(columns) > 1 else after[0]
        query = query.where(key < bound if descending else key > bound)
    order = [column.desc() if descending else column.asc() for column in columns]
    rows = list(db.session.scalars(query.order_by(*order).limit(limit + 1)))
    items = rows[:limit]
    has_more = len(rows) > limit
    next_cursor = _encode(tuple(getattr(items[-1], column.key) for column in columns)) if has_more else None
    return Page(items, next_cursor)
