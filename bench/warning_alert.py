"""A BMKG warning for Balikpapan arrives: how long until the first and the last targeted phone is pushed.

100,000 devices (default) are subscribed across the city's kelurahan, each with real P-256 keys,
pointing at the fake push service of bench/push_fanout.py (its own process, answers 201). A local
feed server serves BMKG's nowcast list with one synthetic warning for province 64 whose polygons lie
inside two kelurahan (tests/warnings/synthetic.py: written from BMKG's format, not BMKG data). This
script then runs one poll (`flask warnings poll` does the same) and one Celery worker process
(--pool=solo) on Redis fans the warning's campaign out. It prints the time from the start of the poll
to the first push the service received (goal: under 5 s) and to the last, and checks that each
targeted device got exactly one push and no other device any.

It also prints what deciding a pin's kelurahan costs per call (goal: under 0.1 ms), on random points
over the city's bounding box.

PostgreSQL and Redis must be running. The database named by --database-url is dropped and created
again (and dropped at the end unless --keep). Run from the project root:

    .venv/bin/python bench/warning_alert.py
    .venv/bin/python bench/warning_alert.py --devices 20000
"""

import argparse
import contextlib
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ["SATUPINTU_ENV"] = "testing"

import push_fanout  # noqa: E402  (the fake push service, devices and the worker, shared)
from bench_database import drop_database  # noqa: E402
from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import insert, select, text  # noqa: E402

from backend import create_app  # noqa: E402
from backend.citypacks import load_pack  # noqa: E402
from backend.config import Config  # noqa: E402
from backend.database import utcnow  # noqa: E402
from backend.extensions import db  # noqa: E402
from backend.places.models import Kelurahan  # noqa: E402
from backend.places.services import city_boundaries, get_city, seed_places  # noqa: E402
from backend.push.models import Campaign, CampaignStatus, PushSubscription  # noqa: E402
from backend.push.vapid import generate_keys  # noqa: E402
from backend.warnings.intake import poll_sources  # noqa: E402
from tests.warnings.feed_server import FeedServer  # noqa: E402
from tests.warnings.synthetic import (  # noqa: E402
    KELURAHAN_A,
    KELURAHAN_B,
    NOWCAST_LIST,
    QUAKE_FOLDER,
    nowcast_list,
    ring_inside,
    serve_warning,
)

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/satupintu_warningbench"
GOAL_FIRST_PUSH_SECONDS = 5.0
GOAL_LOOKUP_MS = 0.1
LOOKUPS = 100_000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--devices", type=int, default=100_000, help="devices subscribed across the city")
    parser.add_argument("--database-url", default=DEFAULT_URL, help="dropped and created again")
    parser.add_argument("--redis-url", default=push_fanout.DEFAULT_REDIS, help="the Celery broker")
    parser.add_argument("--batch-size", type=int, default=Config.PUSH_BATCH_SIZE, help="PUSH_BATCH_SIZE")
    parser.add_argument("--concurrency", type=int, default=Config.PUSH_CONCURRENCY, help="PUSH_CONCURRENCY")
    parser.add_argument("--keep", action="store_true", help="keep the database and the worker's log")
    args = parser.parse_args()
    args.profile_worker = None  # what push_fanout.start_worker reads
    return args


def subscribe_across_the_city(infos: list[dict]) -> dict[str, set[str]]:
    """Device n lives in kelurahan n mod 34; returns each kelurahan's device endpoints' numbers."""
    kelurahan = db.session.execute(select(Kelurahan.id, Kelurahan.code, Kelurahan.kecamatan_id)).all()
    rows, living = [], {code: set() for _, code, _ in kelurahan}
    for number, info in enumerate(infos):
        kelurahan_id, code, kecamatan_id = kelurahan[number % len(kelurahan)]
        rows.append(
            {"endpoint": info["endpoint"], "kelurahan_id": kelurahan_id, "kecamatan_id": kecamatan_id}
            | info["keys"]
        )
        living[code].add(info["endpoint"].rsplit("/", 1)[1])
    db.session.execute(insert(PushSubscription), rows)
    db.session.commit()
    db.session.execute(text("ANALYZE push_subscriptions"))
    db.session.commit()
    return living


def serve_the_warning(feeds: FeedServer) -> None:
    """One synthetic warning for province 64 over kelurahan A and B; the earthquake feeds empty."""
    feeds.serve(NOWCAST_LIST, nowcast_list([(1, "64")], host=feeds.url))
    serve_warning(feeds, 1, utcnow(), [ring_inside(KELURAHAN_A), ring_inside(KELURAHAN_B)])
    for name in ("autogempa.json", "gempaterkini.json", "gempadirasakan.json"):
        feeds.serve(f"{QUAKE_FOLDER}{name}", '{"Infogempa": {"gempa": []}}', content_type="application/json")


def wait_sent(seconds: float) -> Campaign:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()  # a new transaction sees what the worker committed
        campaign = db.session.scalars(select(Campaign).where(Campaign.warning_id.is_not(None))).first()
        if campaign is not None and campaign.status == CampaignStatus.DONE:
            return campaign
        time.sleep(0.05)
    raise RuntimeError(f"the warning's campaign was not done after {seconds:.0f} s")


def alert_timing(app, service, expected: set[str]) -> tuple[float, float]:
    """Seconds from the start of the poll to the first and to the last push received."""
    service.reset()
    with app.app_context():
        started = time.time()
        reports = poll_sources(force=True)
        polled = time.time()
        campaign = wait_sent(max(120, len(expected) / 20))
        counts = (campaign.targeted, campaign.sent, campaign.failed, campaign.gone)
    stats = service.stats()
    if counts != (len(expected), len(expected), 0, 0) or (stats["requests"], stats["endpoints"]) != (
        len(expected),
        len(expected),
    ):
        raise RuntimeError(f"not exactly one push per targeted device: {counts}, service {stats}")
    print(f"  the poll itself: {polled - started:.2f} s")
    for report in reports:
        print(f"    {report.line()}")
    return stats["first_at"] - started, stats["last_at"] - started


def lookup_cost() -> tuple[float, float]:
    """Microseconds per kelurahan_at() call on random points over the city's box, and the share inside."""
    south, west, north, east = get_city().bbox
    boundaries, draw = city_boundaries(), random.Random(64)  # noqa: S311 (points, not secrets)
    points = [(draw.uniform(south, north), draw.uniform(west, east)) for _ in range(LOOKUPS)]
    started = time.perf_counter()
    found = sum(boundaries.kelurahan_at(lat, long) is not None for lat, long in points)
    return (time.perf_counter() - started) / LOOKUPS * 1e6, found / LOOKUPS


def run(args: argparse.Namespace, cleanup: contextlib.ExitStack) -> None:
    service = push_fanout.FakePushService.start()
    cleanup.callback(service.stop)
    feeds = FeedServer()
    cleanup.callback(feeds.close)
    keys, queue = generate_keys(), f"satupintu-warningbench-{uuid.uuid4().hex[:8]}"
    shared = push_fanout.settings(args, keys, queue) | {
        "BMKG_NOWCAST_URL": feeds.url + NOWCAST_LIST,
        "BMKG_EARTHQUAKE_URL": feeds.url + QUAKE_FOLDER,
    }
    drop_database(args.database_url, create_again=True)
    if not args.keep:
        cleanup.callback(drop_database, args.database_url)
    cleanup.callback(push_fanout.forget_queue, args.redis_url, queue)
    app = create_app({"SQLALCHEMY_DATABASE_URI": args.database_url, "RATELIMIT_ENABLED": False} | shared)
    with app.app_context():
        upgrade()
        seed_places(load_pack(app.config["CITY_PACK"]))
        cleanup.callback(db.engine.dispose)
    print(
        f"BMKG warning to area alert: {args.devices:,} devices, {os.cpu_count()} CPU cores (load average"
        f" {os.getloadavg()[0]:.1f}), batch {args.batch_size}, concurrency {args.concurrency}"
    )
    infos = push_fanout.timed(
        f"  {args.devices:,} P-256 key pairs made",
        lambda: push_fanout.make_subscriptions(service.origin, args.devices),
    )
    with app.app_context():
        living = push_fanout.timed("  subscriptions inserted", lambda: subscribe_across_the_city(infos))
        serve_the_warning(feeds)
    expected = living[KELURAHAN_A] | living[KELURAHAN_B]
    folder = tempfile.mkdtemp(prefix="warningbench-")
    if not args.keep:
        cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
    log = Path(folder) / "worker.log"
    worker = push_fanout.start_worker(args, shared, log)
    cleanup.callback(push_fanout.stop_worker, worker)
    push_fanout.timed("  worker ready", lambda: push_fanout.wait_ready(worker, log))
    first, last = alert_timing(app, service, expected)
    areas = f"kelurahan {KELURAHAN_A} and {KELURAHAN_B}"
    print(f"\n{len(expected):,} devices in {areas} targeted; each got one push, no other device any")
    print(f"poll to first push: {first:6.2f} s   goal < {GOAL_FIRST_PUSH_SECONDS:g} s: {verdict(first)}")
    rate = len(expected) / (last - first or 1)
    print(f"poll to last push:  {last:6.2f} s   ({rate:,.0f} pushes/s after the first)")
    with app.app_context():
        micros, inside = lookup_cost()
    met = "met" if micros / 1000 < GOAL_LOOKUP_MS else "not met"
    print(
        f"pin to kelurahan: {micros:6.1f} us per call over {LOOKUPS:,} random points in the city's box"
        f" ({inside:.0%} inside a kelurahan)   goal < {GOAL_LOOKUP_MS} ms: {met}"
    )
    if args.keep:
        print(f"worker log: {log}")


def verdict(seconds: float) -> str:
    return "met" if seconds < GOAL_FIRST_PUSH_SECONDS else "not met"


if __name__ == "__main__":
    push_fanout.run_and_clean_up(run, parse_args())
