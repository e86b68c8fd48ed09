"""How incident detection's queries scale from 10,000 to 1,000,000 requests on PostgreSQL.

Builds a throw-away PostgreSQL database the way requests_bench.py does (dropped and created again; the
default is postgresql://postgres@127.0.0.1:5432/satupintu_incidentbench), migrates it, seeds Balikpapan,
then per size grows service_requests with requests_bench's INSERT ... SELECT FROM generate_series, its
times changed to one report a minute going back from now: the table grows into the past, as a city's
does, so the detection window (and the same window in past weeks) holds as many reports at every size
(1,000,000 reports are 694 days). Before measuring it puts in a flood burst: 14 reports in
Gunungsamarinda in the last 40 minutes, so that every run also reads the past weeks' windows of a
candidate (the second query).

Times backend.incidents.detection.survey(now, settings) directly inside an app context: everything
a detection run reads (the window's reports with their incident ties, the open incidents' areas, and
the usual count of the candidates at the same time of past weeks), none of its writes. Prints p50/p95
in ms per size, the ratio p50(largest)/p50(smallest), whether it meets the goal (p50 under 100 ms at
the largest size, and flat: at most 2x), and EXPLAIN (ANALYZE, BUFFERS) of its slowest statement at
the largest size. Run from the project root:

    .venv/bin/python bench/incident_detection.py
    .venv/bin/python bench/incident_detection.py --sizes 10000,100000,1000000 --repeats 200 --keep
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The 1,000,000-row load is one statement: longer than the app's 5 s statement timeout.
os.environ.setdefault("DATABASE_WAIT_MS", "1800000")
from bench_database import sized_run_arguments

# Importing requests_bench also sets SATUPINTU_ENV=testing, before the app is imported.
from requests_bench import (
    LOAD_SQL,
    NEARBY_POINT,
    explain,
    main,
    percentile,
    seed,
    size_label,
    slowest_statement,
)
from sqlalchemy import text

from backend.database import utcnow
from backend.extensions import db
from backend.incidents import detection
from backend.places.services import incident_settings

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/satupintu_incidentbench"
GOAL_MS = 100.0
FLAT_RATIO = 2.0
WARMUP = 5
BURST = 14
BURST_KELURAHAN = "64.71.03.1002"  # Gunungsamarinda
BURST_SERVICE = "banjir-genangan"

SPREAD_OVER_A_YEAR = "now() - random() * interval '365 days' AS created_at"
ONE_A_MINUTE = "now() - (g + random()) * interval '1 minute' AS created_at"
assert SPREAD_OVER_A_YEAR in LOAD_SQL, "requests_bench's load changed: update the time column here"
STEADY_LOAD_SQL = LOAD_SQL.replace(SPREAD_OVER_A_YEAR, ONE_A_MINUTE)

BURST_SQL = """
INSERT INTO service_requests (
    code, service_id, opd_id, status, description, attribute_values, kelurahan_id, kecamatan_id,
    source, is_public, is_hidden, content_hash, response_due_at, sla_due_at, supporter_count,
    created_at, updated_at
)
SELECT 'BPN-F' || :size || '-' || g, s.id, s.opd_id, 'submitted', 'Banjir uji', '{}'::json, k.id,
       k.kecamatan_id, 'bench', true, false, md5('flood' || :size || g), now() + interval '1 day',
       now() + interval '3 days', 0, now() - g * interval '3 minutes', now()
FROM generate_series(1, :count) AS g
CROSS JOIN (SELECT id, opd_id FROM services WHERE code = :service) AS s
CROSS JOIN (SELECT id, kecamatan_id FROM kelurahan WHERE code = :kelurahan) AS k
"""


def parse_args() -> argparse.Namespace:
    return sized_run_arguments(
        __doc__, DEFAULT_URL, "10000,100000,1000000", 200, "timed detection surveys per size"
    )


def load_rows(first: int, last: int) -> float:
    """Add requests number first..last, one a minute before the ones already there; the seconds."""
    started = time.perf_counter()
    parameters = {
        "first": first,
        "last": last,
        "cluster_lat": NEARBY_POINT[0],
        "cluster_long": NEARBY_POINT[1],
    }
    db.session.execute(text(STEADY_LOAD_SQL), parameters | {"cluster_span": 300 / 111_320})
    db.session.commit()
    return time.perf_counter() - started


def add_burst(size: int) -> None:
    """The flood burst, in place of the previous size's, then VACUUM ANALYZE."""
    db.session.execute(text("DELETE FROM service_requests WHERE code LIKE 'BPN-F%'"))
    db.session.execute(
        text(BURST_SQL),
        {"size": size, "count": BURST, "service": BURST_SERVICE, "kelurahan": BURST_KELURAHAN},
    )
    db.session.commit()
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE) service_requests")


def survey_once():
    return detection.survey(utcnow(), incident_settings())


def measure(repeats: int) -> tuple[float, float, int]:
    """p50 and p95 in ms of a detection survey, and how many surges the last one found."""
    for _ in range(WARMUP):
        survey_once()
        db.session.rollback()
    samples, found = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        found = survey_once()
        samples.append((time.perf_counter() - started) * 1000)
        db.session.rollback()
    return percentile(samples, 0.5), percentile(samples, 0.95), len(found.surges)


def run(app, args: argparse.Namespace) -> None:
    with app.app_context():
        seed()
    results, loaded = {}, 0
    for size in args.sizes:
        with app.app_context():
            insert = load_rows(loaded + 1, size)
            add_burst(size)
            print(f"service_requests {loaded:,} -> {size:,}: insert {insert:.1f} s")
            loaded = size
            results[size] = measure(args.repeats)
    print(f"\ndetection survey, {args.repeats} calls per size (ms)")
    print(f"{'size':>8} {'p50':>8} {'p95':>8} {'surges':>7}")
    for size in args.sizes:
        p50, p95, surges = results[size]
        print(f"{size_label(size):>8} {p50:8.2f} {p95:8.2f} {surges:7d}")
    smallest, largest = results[args.sizes[0]][0], results[args.sizes[-1]][0]
    ratio = largest / smallest if smallest else float("inf")
    met = largest < GOAL_MS and ratio <= FLAT_RATIO
    print(f"p50({size_label(args.sizes[-1])}) / p50({size_label(args.sizes[0])}) = {ratio:.2f}")
    print(
        f"goal (p50 < {GOAL_MS:.0f} ms at the largest size, at most {FLAT_RATIO:.0f}x):"
        f" {'met' if met else 'NOT met'}"
    )
    with app.app_context():
        statement, parameters, ms = slowest_statement(db.engine, survey_once)
        db.session.rollback()
        print(f"\nslowest statement ({ms:.2f} ms):")
        lines = explain(db.engine, statement, parameters)
        for line in lines if args.full_plans else lines[:12]:
            print(f"  {line}")


if __name__ == "__main__":
    main(run, parse_args)
