"""How the request list, nearby search and staff inbox scale from 10,000 to 1,000,000 requests.

Builds a throw-away PostgreSQL database (dropped and created again; the default is
postgresql://postgres@127.0.0.1:5432/satupintu_bench), migrates it, seeds Balikpapan, then grows
service_requests with one INSERT ... SELECT FROM generate_series per size and times the endpoints
in-process through the Flask test client (no network). Prints p50/p99 per size, the ratio
p50(largest)/p50(smallest) against the goal of at most 2x, and EXPLAIN (ANALYZE, BUFFERS) summaries
at the largest size. Run from the project root:

    .venv/bin/python bench/requests_bench.py
    .venv/bin/python bench/requests_bench.py --sizes 10000,100000 --repeats 50 --keep --full-plans
"""

import argparse
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ["SATUPINTU_ENV"] = "testing"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_database import drop_database, sized_run_arguments
from flask_migrate import upgrade
from sqlalchemy import event, select, text

from backend import create_app
from backend.accounts.models import User
from backend.accounts.services import create_user
from backend.accounts.sessions import start_session
from backend.catalog.services import seed_catalog
from backend.citypacks import load_pack
from backend.extensions import db
from backend.places.models import Kecamatan, Opd
from backend.places.services import seed_places
from backend.security import Role

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/satupintu_bench"
GOAL_RATIO = 2.0
WARMUP = 5
PUBLIC_DEEP_PAGES = 50
INBOX_DEEP_PAGES = 25
NEARBY_POINT = (-1.2379, 116.8529)  # the 300 m cluster, at the city centre
COMMON_SERVICE = "jalan-berlubang"  # the first (and so the most frequent) service of the load
FILTER_STATUS = "in_progress"
STAFF_OPD = "DPU"

# One statement per size step. Per row: a service (skewed towards the pack's first ones, the
# infrastructure reports), its OPD and SLA, a status (mostly closed), a point uniform in the city's
# bbox or, for about 1%, in a 300 m square around the cluster centre (no point for services that need
# no location), a kelurahan and its kecamatan, a time in the last 365 days and the dates that follow.
# Inserted in time order, so ids and the heap follow created_at as they do for real filings.
LOAD_SQL = """
INSERT INTO service_requests (
    code, service_id, opd_id, status, description, attribute_values, lat, long,
    kelurahan_id, kecamatan_id, source, is_public, is_hidden, content_hash,
    response_due_at, sla_due_at, first_response_at, resolved_at, closed_at,
    supporter_count, created_at, updated_at
)
SELECT
    'BPN-B' || r.g,
    s.id,
    s.opd_id,
    r.status,
    'Laporan uji beban nomor ' || r.g,
    '{}'::json,
    CASE WHEN s.needs_location THEN
        CASE WHEN r.in_cluster THEN :cluster_lat + (r.u_lat - 0.5) * :cluster_span
             ELSE c.bbox_south + r.u_lat * (c.bbox_north - c.bbox_south) END
    END,
    CASE WHEN s.needs_location THEN
        CASE WHEN r.in_cluster THEN :cluster_long + (r.u_long - 0.5) * :cluster_span
             ELSE c.bbox_west + r.u_long * (c.bbox_east - c.bbox_west) END
    END,
    k.id,
    k.kecamatan_id,
    'bench',
    s.is_public AND r.u_public > 0.05,
    false,
    md5('bench' || r.g) || md5(r.g::text),
    r.created_at + s.sla_response_hours * interval '1 hour',
    r.created_at + s.sla_resolution_hours * interval '1 hour',
    CASE WHEN r.status <> 'submitted'
        THEN least(now(), r.created_at + r.u_time * s.sla_response_hours * interval '1 hour') END,
    CASE WHEN r.status IN ('resolved', 'closed')
        THEN least(now(), r.created_at + r.u_time * s.sla_resolution_hours * interval '1 hour') END,
    CASE WHEN r.status IN ('closed', 'rejected')
        THEN least(now(), r.created_at + (r.u_time * s.sla_resolution_hours + 72) * interval '1 hour') END,
    0,
    r.created_at,
    r.created_at
FROM (
    SELECT
        d.*,
        CASE
            WHEN d.u_status < 0.06 THEN 'submitted'
            WHEN d.u_status < 0.10 THEN 'accepted'
            WHEN d.u_status < 0.17 THEN 'in_progress'
            WHEN d.u_status < 0.25 THEN 'resolved'
            WHEN d.u_status < 0.30 THEN 'rejected'
            ELSE 'closed'
        END AS status
    FROM (
        SELECT
            g,
            1 + floor(power(random(), 2) * (SELECT count(*) FROM services))::int AS service_no,
            1 + floor(random() * (SELECT count(*) FROM kelurahan))::int AS kelurahan_no,
            random() < 0.01 AS in_cluster,
            random() AS u_lat,
            random() AS u_long,
            random() AS u_public,
            random() AS u_time,
            random() AS u_status,
            now() - random() * interval '365 days' AS created_at
        FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS g
    ) AS d
) AS r
JOIN (SELECT row_number() OVER (ORDER BY id) AS no, * FROM services) AS s ON s.no = r.service_no
JOIN (SELECT row_number() OVER (ORDER BY id) AS no, id, kecamatan_id FROM kelurahan) AS k
    ON k.no = r.kelurahan_no
CROSS JOIN cities AS c
ORDER BY r.created_at
"""


@dataclass
class Fixture:
    """What the endpoints need: the inbox user, a kecamatan to filter on."""

    staff_id: int
    kecamatan_code: str


@dataclass
class Endpoint:
    key: str
    label: str
    call: Callable[[int], object]  # call number -> test client response


def parse_args() -> argparse.Namespace:
    return sized_run_arguments(
        __doc__, DEFAULT_URL, "10000,1000000", 200, "timed calls per endpoint per size"
    )


# --- the database -----------------------------------------------------------------------------------


def build_app(url: str):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_ENABLED": False})


def seed() -> Fixture:
    """Migrate, seed Balikpapan and make a resident and a DPU staff member (inside an app context)."""
    upgrade()
    pack = load_pack("balikpapan")
    seed_places(pack)
    seed_catalog(pack)
    create_user({"name": "Warga Bench", "email": "warga@bench.id", "password": "kata-sandi-bench-1"})
    dpu = db.session.scalar(select(Opd).where(Opd.code == STAFF_OPD))
    staff = create_user(
        {
            "name": "Staf DPU Bench",
            "email": "staf.dpu@bench.id",
            "password": "kata-sandi-bench-1",
            "role": Role.OPD_STAFF,
            "opd": dpu,
        }
    )
    kecamatan = db.session.scalar(select(Kecamatan.code).order_by(Kecamatan.code))
    return Fixture(staff.id, kecamatan)


def load_rows(first: int, last: int) -> tuple[float, float]:
    """Add requests number first..last in one statement, then VACUUM ANALYZE; the seconds of each."""
    started = time.perf_counter()
    db.session.execute(
        text(LOAD_SQL),
        {
            "first": first,
            "last": last,
            "cluster_lat": NEARBY_POINT[0],
            "cluster_long": NEARBY_POINT[1],
            "cluster_span": 300 / 111_320,
        },
    )
    db.session.commit()
    inserted = time.perf_counter()
    # VACUUM includes the ANALYZE and leaves autovacuum nothing to do while we measure.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE) service_requests")
    return inserted - started, time.perf_counter() - inserted


def bearer(user_id: int) -> dict:
    """A fresh access token for the user (inside an app context)."""
    user = db.session.get(User, user_id)
    return {"Authorization": f"Bearer {start_session(user, 'bench').access_token}"}


# --- the endpoints ----------------------------------------------------------------------------------


def _get(client, path: str, params: dict | None = None, headers: dict | None = None):
    response = client.get(path, query_string=params or {}, headers=headers or {})
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} {params} answered {response.status_code}: {response.get_data(True)}")
    return response


def deep_cursor(client, path: str, params: dict, headers: dict, pages: int) -> tuple[str, int]:
    """The API's own `next` cursor after walking up to `pages` pages, and how many pages that was."""
    cursor, walked = None, 0
    for _ in range(pages):
        body = _get(client, path, params | ({"cursor": cursor} if cursor else {}), headers).get_json()
        if body["next"] is None:
            break
        cursor, walked = body["next"], walked + 1
    if cursor is None:
        raise RuntimeError(f"{path} has a single page; no cursor to test")
    return cursor, walked


def nearby_params(number: int) -> dict:
    """The cluster centre moved by up to about 55 m, differently on each call."""
    lat = NEARBY_POINT[0] + ((number % 21) - 10) * 0.00005
    long = NEARBY_POINT[1] + ((number % 17) - 8) * 0.00006
    return {"lat": f"{lat:.6f}", "long": f"{long:.6f}", "service": COMMON_SERVICE}


def build_endpoints(client, fixture: Fixture, staff_headers: dict) -> list[Endpoint]:
    public, inbox = "/api/v1/requests", "/api/v1/staff/requests"
    first_page = {"limit": 20}
    public_cursor, public_depth = deep_cursor(client, public, first_page, {}, PUBLIC_DEEP_PAGES)
    inbox_cursor, inbox_depth = deep_cursor(client, inbox, first_page, staff_headers, INBOX_DEEP_PAGES)
    filtered = {"service": COMMON_SERVICE, "status": FILTER_STATUS, "kecamatan": fixture.kecamatan_code}
    return [
        Endpoint("a", "(a) public list, first page", lambda n: _get(client, public, first_page)),
        Endpoint(
            "b",
            f"(b) public list, page {public_depth + 1}",
            lambda n: _get(client, public, first_page | {"cursor": public_cursor}),
        ),
        Endpoint("c", "(c) public list, service+status+kec", lambda n: _get(client, public, filtered)),
        Endpoint("d", "(d) nearby", lambda n: _get(client, f"{public}/nearby", nearby_params(n))),
        Endpoint(
            "e", "(e) staff inbox, first page", lambda n: _get(client, inbox, first_page, staff_headers)
        ),
        Endpoint(
            "f",
            f"(f) staff inbox, page {inbox_depth + 1}",
            lambda n: _get(client, inbox, first_page | {"cursor": inbox_cursor}, staff_headers),
        ),
    ]


# --- measuring --------------------------------------------------------------------------------------


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure(endpoint: Endpoint, repeats: int) -> tuple[float, float]:
    """p50 and p99 in milliseconds over `repeats` calls after a few warm-up calls."""
    for number in range(WARMUP):
        endpoint.call(number)
    samples = []
    for number in range(repeats):
        started = time.perf_counter()
        endpoint.call(WARMUP + number)
        samples.append((time.perf_counter() - started) * 1000)
    return percentile(samples, 0.50), percentile(samples, 0.99)


def slowest_statement(engine, call: Callable[[], object]) -> tuple[str, object, float]:
    """Run `call` while timing every SQL statement; the slowest one, its parameters and its ms."""
    timings = []

    def before(conn, cursor, statement, parameters, context, executemany):
        conn.info.setdefault("bench_started", []).append(time.perf_counter())

    def after(conn, cursor, statement, parameters, context, executemany):
        elapsed = (time.perf_counter() - conn.info["bench_started"].pop()) * 1000
        timings.append((statement, parameters, elapsed))

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    return max(timings, key=lambda timing: timing[2])


def explain(engine, statement: str, parameters) -> list[str]:
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters).all()
    return [row[0] for row in rows]


def plan_summary(lines: list[str], full: bool) -> list[str]:
    if full:
        return lines
    return [lines[0]] + [line for line in lines if line.startswith(("Execution Time", "JIT:"))]


# --- reporting --------------------------------------------------------------------------------------


def size_label(size: int) -> str:
    for divisor, suffix in ((1_000_000, "M"), (1_000, "k")):
        if size >= divisor and size % divisor == 0:
            return f"{size // divisor}{suffix}"
    return str(size)


def print_table(endpoints: list[Endpoint], results: dict[int, dict], sizes: list[int]) -> dict[str, float]:
    """The table of p50/p99 per size; answers each endpoint's ratio p50(largest)/p50(smallest)."""
    small, large = sizes[0], sizes[-1]
    columns = [f"{kind}@{size_label(size)}" for size in sizes for kind in ("p50", "p99")]
    ratio_head = f"p50 {size_label(large)}/{size_label(small)}"
    print(f"\n{'endpoint (ms)':<40}" + "".join(f"{column:>10}" for column in columns) + f"{ratio_head:>14}")
    ratios = {}
    for endpoint in endpoints:
        figures = [value for size in sizes for value in results[size][endpoint.key]]
        ratios[endpoint.key] = results[large][endpoint.key][0] / results[small][endpoint.key][0]
        cells = "".join(f"{value:>10.2f}" for value in figures)
        print(f"{endpoint.label:<40}{cells}{ratios[endpoint.key]:>13.2f}x")
    return ratios


def print_goal(endpoints: list[Endpoint], ratios: dict[str, float], sizes: list[int]) -> None:
    meets = [endpoint.key for endpoint in endpoints if ratios[endpoint.key] <= GOAL_RATIO]
    misses = [
        f"{endpoint.key} ({ratios[endpoint.key]:.1f}x)" for endpoint in endpoints if endpoint.key not in meets
    ]
    print(
        f"\nGoal: p50 at {size_label(sizes[-1])} at most {GOAL_RATIO:g}x p50 at {size_label(sizes[0])}."
        f"\n  meet it: {', '.join(meets) or 'none'}\n  miss it: {', '.join(misses) or 'none'}"
    )


def print_plans(engine, endpoints: list[Endpoint], keys: str, full: bool) -> None:
    print("\nEXPLAIN (ANALYZE, BUFFERS) of the slowest statement of one call, at the largest size:")
    for endpoint in endpoints:
        if endpoint.key not in keys:
            continue
        statement, parameters, elapsed = slowest_statement(engine, lambda e=endpoint: e.call(10_000))
        print(f"{endpoint.label} (that statement took {elapsed:.2f} ms in the call)")
        for line in plan_summary(explain(engine, statement, parameters), full):
            print(f"    {line}")


# --- the run ----------------------------------------------------------------------------------------


def measure_size(app, fixture: Fixture, repeats: int) -> tuple[list[Endpoint], dict]:
    """Time every endpoint at the current table size, from outside any app context (one per request)."""
    with app.app_context():
        headers = bearer(fixture.staff_id)
    endpoints = build_endpoints(app.test_client(), fixture, headers)
    return endpoints, {endpoint.key: measure(endpoint, repeats) for endpoint in endpoints}


def run(app, args: argparse.Namespace) -> None:
    with app.app_context():
        fixture = seed()
        engine = db.engine
    results, loaded = {}, 0
    for size in args.sizes:
        with app.app_context():
            insert, vacuum = load_rows(loaded + 1, size)
        print(
            f"service_requests {loaded:,} -> {size:,}: insert {insert:.1f} s, vacuum analyze {vacuum:.1f} s"
        )
        loaded = size
        started = time.perf_counter()
        endpoints, results[size] = measure_size(app, fixture, args.repeats)
        seconds = time.perf_counter() - started
        print(f"  measured {len(endpoints)} endpoints x {args.repeats} calls in {seconds:.1f} s")
    ratios = print_table(endpoints, results, args.sizes)
    print_goal(endpoints, ratios, args.sizes)
    print_plans(engine, endpoints, "ade", args.full_plans)


def main(run=run, parse_args=parse_args) -> None:
    """Make the throw-away database, run the measurements, clean up, print the total time."""
    args = parse_args()
    started = time.perf_counter()
    drop_database(args.database_url, create_again=True)
    app = build_app(args.database_url)
    try:
        run(app, args)
    finally:
        with app.app_context():
            db.engine.dispose()
        if not args.keep:
            drop_database(args.database_url)
    print(f"\nTotal run time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
