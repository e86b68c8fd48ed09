"""SQL that PostgreSQL and SQLite spell differently: hours between two times, a day in the city's
time zone, and a median (with window functions, which both have)."""

from sqlalchemy import Date, Float, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement, func

from ..extensions import db


class hours_between(FunctionElement):
    """Hours from `start` to `end`."""

    type = Float()
    inherit_cache = True


@compiles(hours_between, "postgresql")
def _hours_postgresql(element, compiler, **kw):
    end, start = (compiler.process(argument, **kw) for argument in element.clauses)
    # date_part gives a float; EXTRACT gives numeric, which is slow to sort for a median.
    return f"(date_part('epoch', {end} - {start}) / 3600.0)"


@compiles(hours_between)
def _hours_sqlite(element, compiler, **kw):
    end, start = (compiler.process(argument, **kw) for argument in element.clauses)
    return f"((julianday({end}) - julianday({start})) * 24.0)"


class local_date(FunctionElement):
    """The calendar day of a UTC time in a time zone: local_date(column, zone name, offset minutes).
    SQLite has no zone database, so it uses the fixed offset (Indonesia has no daylight saving)."""

    type = Date()
    inherit_cache = True


@compiles(local_date, "postgresql")
def _local_date_postgresql(element, compiler, **kw):
    column, zone, _ = element.clauses
    return f"CAST(timezone({compiler.process(zone, **kw)}, {compiler.process(column, **kw)}) AS DATE)"


@compiles(local_date)
def _local_date_sqlite(element, compiler, **kw):
    column, _, offset = element.clauses
    return f"date({compiler.process(column, **kw)}, {compiler.process(offset, **kw)})"


def median_by(value, group, *where):
    """A subquery of (group, median of value) over the rows matching `where`: PostgreSQL's own
    percentile_cont where there is one (faster), the two middle rows by window functions elsewhere."""
    if db.engine.dialect.name == "postgresql":
        return (
            select(group.label("group_key"), func.percentile_cont(0.5).within_group(value).label("median"))
            .where(value.is_not(None), *where)
            .group_by(group)
            .subquery()
        )
    ranked = (
        select(
            group.label("group_key"),
            value.label("value"),
            func.row_number().over(partition_by=group, order_by=value).label("rank"),
            func.count().over(partition_by=group).label("size"),
        )
        .where(value.is_not(None), *where)
        .subquery()
    )
    middle = or_(ranked.c.rank == (ranked.c.size + 1) // 2, ranked.c.rank == (ranked.c.size + 2) // 2)
    return (
        select(ranked.c.group_key, func.avg(ranked.c.value).label("median"))
        .where(middle)
        .group_by(ranked.c.group_key)
        .subquery()
    )
