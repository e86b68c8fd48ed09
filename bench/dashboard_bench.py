"""How the command center's read models scale from 10,000 to 1,000,000 requests, uncached.

Builds a throw-away PostgreSQL database the way requests_bench.py does (dropped and created again; the
default is postgresql://postgres@127.0.0.1:5432/satupintu_dashbench), migrates it, seeds Balikpapan
and a few hundred push campaigns, then per size grows service_requests with requests_bench's
INSERT ... SELECT FROM generate_series (statuses spread, created_at over the last 365 days, first
response and resolution times that follow it) and adds what that load leaves out: a rating for about
two thirds of the resolved and closed requests (one server-side UPDATE, then CLUSTER on the primary key
and VACUUM ANALYZE so the heap stays compact and in filing order, as the load left it).

Every query of backend/dashboard/queries.py is called directly inside an app context with a scope
from queries.make_scope(days, Asia/Makassar, ...), so the dashboard's server-side cache is never in the
way: summary, counts by each breakdown, the overdue list, breach rates, trends, the OPD league, the
map (whole city and a 1 km square) and campaign stats, and summary, trends and the overdue list for
one kecamatan and one OPD. Prints p50/p95 in ms per size, the ratio p50(largest)/p50(smallest),
which queries meet the goal (p50 under 250 ms at the largest size; the map and the SLA lists flat,
at most 2x), how many rows those lists answered, and EXPLAIN (ANALYZE, BUFFERS) summaries of the
three slowest at the largest size. About 6 minutes on 2 cores, most of it the 1M load and the
slow queries. Run from the project root:

    .venv/bin/python bench/dashboard_bench.py
    .venv/bin/python bench/dashboard_bench.py --sizes 10000,100000 --repeats 10 --keep --full-plans
"""

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_database import sized_run_arguments

# Importing requests_bench also sets SATUPINTU_ENV=testing, before the app is imported.
from requests_bench import (
    NEARBY_POINT,
    explain,
    load_rows,
    main,
    percentile,
    seed,
    size_label,
    slowest_statement,
)
from sqlalchemy import select, text

from backend.dashboard import queries
from backend.extensions import db
from backend.places.models import Kecamatan, Opd

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/satupintu_dashbench"
GOAL_MS = 250.0
FLAT_RATIO = 2.0
WARMUP = 3
SLOWEST_EXPLAINED = 3
ZONE = ZoneInfo("Asia/Makassar")
SCOPED_OPD = "DPU"  # the OPD of the most frequent services of the load
SMALL_HALF_SPAN = 0.0045  # about 500 m: a 1 km square around the city centre (and its 300 m cluster)
SMALL_BBOX = [
    NEARBY_POINT[0] - SMALL_HALF_SPAN,
    NEARBY_POINT[1] - SMALL_HALF_SPAN,
    NEARBY_POINT[0] + SMALL_HALF_SPAN,
    NEARBY_POINT[1] + SMALL_HALF_SPAN,
]

# About two thirds of the resolved and closed requests get a rating (skewed towards 4 and 5) some
# hours after their resolution.
RATE_SQL = """
UPDATE service_requests
SET rating = (ARRAY[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + floor(random() * 10)::int],
    rated_at = least(now(), resolved_at + random() * interval '72 hours')
WHERE id > :after AND status IN ('resolved', 'closed') AND resolved_at IS NOT NULL AND random() < 0.65
"""

CAMPAIGNS_SQL = """
INSERT INTO push_campaigns (
    title, body, url, urgency, ttl, target_kind, target_values, news_only, status,
    targeted, sent, failed, gone, clicked, created_at, updated_at
)
SELECT
    'Kampanye uji ' || g, 'Isi kampanye uji ' || g, '/', 'normal', 86400, 'all', '[]'::json, false,
    'done', t.targeted, t.targeted * 97 / 100, t.targeted / 50, t.targeted / 100, t.targeted * 6 / 100,
    now() - (300 - g) * interval '1 day', now() - (300 - g) * interval '1 day'
FROM generate_series(1, 300) AS g
CROSS JOIN LATERAL (SELECT 1000 + floor(random() * 50000)::int AS targeted) AS t
"""


@dataclass
class Query:
    key: str
    label: str
    call: Callable[[], object]
    flat: bool = False  # the map and the SLA lists: expected not to grow with the table


def parse_args() -> argparse.Namespace:
    return sized_run_arguments(__doc__, DEFAULT_URL, "10000,1000000", 30, "timed calls per query per size")


# --- the data ---------------------------------------------------------------------------------------


def rate_rows(after: int) -> tuple[int, float]:
    """Rate the requests with an id above `after`, then rewrite the table compact and in id order and
    VACUUM ANALYZE it (for the visibility map); how many were rated and the seconds it took."""
    started = time.perf_counter()
    rated = db.session.execute(text(RATE_SQL), {"after": after}).rowcount
    db.session.commit()
    primary_key = db.session.scalar(
        text(
            "SELECT indexrelid::regclass::text FROM pg_index"
            " WHERE indrelid = 'service_requests'::regclass AND indisprimary"
        )
    )
    db.session.commit()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(f"CLUSTER service_requests USING {primary_key}")
        connection.exec_driver_sql("VACUUM (ANALYZE) service_requests")
    return rated, time.perf_counter() - started


def table_size() -> str:
    return db.session.scalar(text("SELECT pg_size_pretty(pg_total_relation_size('service_requests'))"))


# --- the queries ------------------------------------------------------------------------------------


def build_queries(kecamatan_id: int, opd_id: int, city_bbox: list[float]) -> list[Query]:
    def scope(days: int = 30, **filters):
        return queries.make_scope(days, ZONE, **filters)

    kecamatan, opd = {"kecamatan_id": kecamatan_id}, {"opd_id": opd_id}
    listed = [
        Query("summary", "summary 30d", lambda: queries.summary(scope())),
        *(
            Query(f"counts_{by}", f"counts by {by} 30d", lambda by=by: queries.counts(scope(), by))
            for by in queries.BREAKDOWNS
        ),
        Query("overdue", "overdue_list", lambda: queries.overdue_list(scope()), flat=True),
        Query("breach", "breach_rates 30d", lambda: queries.breach_rates(scope())),
        Query("trends30", "trends 30d", lambda: queries.trends(scope())),
        Query("trends90", "trends 90d", lambda: queries.trends(scope(90))),
        Query("league", "league 30d", lambda: queries.league(scope())),
        Query("map_city", "map_points city bbox", lambda: queries.map_points(scope(), city_bbox), flat=True),
        Query(
            "map_small", "map_points 1 km bbox", lambda: queries.map_points(scope(), SMALL_BBOX), flat=True
        ),
        Query("campaigns", "campaign_stats", queries.campaign_stats),
        Query("summary_kec", "summary 30d, one kecamatan", lambda: queries.summary(scope(**kecamatan))),
        Query("summary_opd", f"summary 30d, {SCOPED_OPD}", lambda: queries.summary(scope(**opd))),
        Query("trends_kec", "trends 30d, one kecamatan", lambda: queries.trends(scope(**kecamatan))),
        Query("trends_opd", f"trends 30d, {SCOPED_OPD}", lambda: queries.trends(scope(**opd))),
        Query(
            "overdue_kec",
            "overdue_list, one kecamatan",
            lambda: queries.overdue_list(scope(**kecamatan)),
            flat=True,
        ),
        Query(
            "overdue_opd",
            f"overdue_list, {SCOPED_OPD}",
            lambda: queries.overdue_list(scope(**opd)),
            flat=True,
        ),
    ]
    return listed


def rows_of(result) -> int:
    """How many rows a read model answered (points for the map, one for the summary)."""
    if isinstance(result, dict):
        return len(result["points"]) if "points" in result else 1
    return len(result)


def timed(query: Query) -> tuple[float, int]:
    """One call in milliseconds and its rows; the session's transaction is ended outside the timing, as
    a request's teardown would."""
    started = time.perf_counter()
    result = query.call()
    elapsed = (time.perf_counter() - started) * 1000
    db.session.rollback()
    return elapsed, rows_of(result)


def measure(query: Query, repeats: int) -> tuple[float, float, int]:
    """p50 and p95 in milliseconds over `repeats` calls after a few warm-up calls, and the rows."""
    for _ in range(WARMUP):
        timed(query)
    samples = [timed(query) for _ in range(repeats)]
    times = [elapsed for elapsed, _ in samples]
    return percentile(times, 0.50), percentile(times, 0.95), samples[-1][1]


# --- reporting --------------------------------------------------------------------------------------


def print_table(listed: list[Query], results: dict[int, dict], sizes: list[int]) -> dict[str, float]:
    """p50/p95 per size, the ratio p50(largest)/p50(smallest) and the marks; answers the ratios."""
    small, large = sizes[0], sizes[-1]
    columns = [f"{kind}@{size_label(size)}" for size in sizes for kind in ("p50", "p95")]
    ratio_head = f"{size_label(large)}/{size_label(small)}"
    print(f"\n{'query (ms)':<30}" + "".join(f"{column:>10}" for column in columns) + f"{ratio_head:>9}  mark")
    ratios = {}
    for query in listed:
        figures = [value for size in sizes for value in results[size][query.key][:2]]
        p50_large = results[large][query.key][0]
        ratios[query.key] = p50_large / results[small][query.key][0]
        marks = []
        if p50_large > GOAL_MS:
            marks.append(f"> {GOAL_MS:g} ms")
        if query.flat and ratios[query.key] > FLAT_RATIO:
            marks.append("not flat")
        cells = "".join(f"{value:>10.2f}" for value in figures)
        print(f"{query.label:<30}{cells}{ratios[query.key]:>8.2f}x  {', '.join(marks)}")
    return ratios


def print_rows(listed: list[Query], results: dict[int, dict], sizes: list[int]) -> None:
    """What the lists that should stay flat answered: a list that grows with the table cannot be flat."""
    print("\nRows answered by the lists (" + " -> ".join(size_label(size) for size in sizes) + "):")
    for query in listed:
        if query.flat:
            counts = " -> ".join(f"{results[size][query.key][2]:,}" for size in sizes)
            print(f"  {query.label:<28}{counts}")


def plan_summary(lines: list[str], full: bool) -> list[str]:
    """The top line, planning and execution time and JIT's own time (the whole plan if `full`)."""
    if full:
        return lines
    kept = ("Planning Time", "Execution Time", "JIT:", "Timing:")
    return [lines[0]] + [line for line in lines[1:] if line.strip().startswith(kept)]


def print_goal(listed: list[Query], results: dict[int, dict], ratios: dict[str, float], sizes: list[int]):
    large = size_label(sizes[-1])
    fast = [query for query in listed if results[sizes[-1]][query.key][0] <= GOAL_MS]
    slow = [query for query in listed if query not in fast]
    flats = [query for query in listed if query.flat]
    print(
        f"\nGoal: every p50 at {large} under {GOAL_MS:g} ms, and the map and the SLA (overdue) lists flat"
        f" (p50 {large} at most {FLAT_RATIO:g}x p50 {size_label(sizes[0])})."
        f"\n  under {GOAL_MS:g} ms at {large}: {len(fast)} of {len(listed)}"
        f"\n  over it: {'; '.join(query.label for query in slow) or 'none'}"
        f"\n  flat: {'; '.join(query.label for query in flats if ratios[query.key] <= FLAT_RATIO) or 'none'}"
        "\n  not flat: "
        + (
            "; ".join(f"{q.label} ({ratios[q.key]:.1f}x)" for q in flats if ratios[q.key] > FLAT_RATIO)
            or "none"
        )
    )


def print_plans(engine, listed: list[Query], results: dict, full: bool) -> None:
    slowest = sorted(listed, key=lambda query: results[query.key][0], reverse=True)[:SLOWEST_EXPLAINED]
    print(f"\nEXPLAIN (ANALYZE, BUFFERS) of the {SLOWEST_EXPLAINED} slowest queries at the largest size:")
    for query in slowest:
        statement, parameters, elapsed = slowest_statement(engine, query.call)
        db.session.rollback()
        print(f"{query.label} (p50 {results[query.key][0]:.1f} ms; the statement took {elapsed:.1f} ms here)")
        for line in plan_summary(explain(engine, statement, parameters), full):
            print(f"    {line}")


# --- the run ----------------------------------------------------------------------------------------


def run(app, args: argparse.Namespace) -> None:
    with app.app_context():
        fixture = seed()
        db.session.execute(text(CAMPAIGNS_SQL))
        db.session.commit()
        kecamatan_id = db.session.scalar(select(Kecamatan.id).where(Kecamatan.code == fixture.kecamatan_code))
        opd_id = db.session.scalar(select(Opd.id).where(Opd.code == SCOPED_OPD))
        city_bbox = list(
            db.session.execute(text("SELECT bbox_south, bbox_west, bbox_north, bbox_east FROM cities")).one()
        )
    listed = build_queries(kecamatan_id, opd_id, city_bbox)
    results, loaded = {}, 0
    for size in args.sizes:
        with app.app_context():
            last_id = db.session.scalar(text("SELECT coalesce(max(id), 0) FROM service_requests"))
            db.session.commit()
            insert, vacuum = load_rows(loaded + 1, size)
            rated, rating = rate_rows(last_id)
            print(
                f"service_requests {loaded:,} -> {size:,}: insert {insert:.1f} s,"
                f" vacuum analyze {vacuum:.1f} s, {rated:,} rated + cluster + vacuum analyze {rating:.1f} s;"
                f" {table_size()} with indexes"
            )
        loaded = size
        started = time.perf_counter()
        with app.app_context():
            results[size] = {query.key: measure(query, args.repeats) for query in listed}
        seconds = time.perf_counter() - started
        print(f"  measured {len(listed)} queries x {args.repeats} calls in {seconds:.1f} s")
    ratios = print_table(listed, results, args.sizes)
    print_rows(listed, results, args.sizes)
    print_goal(listed, results, ratios, args.sizes)
    with app.app_context():
        print_plans(db.engine, listed, results[args.sizes[-1]], args.full_plans)


if __name__ == "__main__":
    main(run, parse_args)
