"""How fast one worker fans a campaign out, against the crypto-only ceiling and plain pywebpush.webpush().

Makes N subscriptions (default 20,000) with real P-256 keys and auth secrets, pointing at a fake push
service in its own process (aiohttp, 127.0.0.1, a random port) that answers 201 without decrypting and
counts what it receives. In the same run it measures, in messages per second:

    (a) the crypto-only ceiling: each message encrypted (aes128gcm, as pywebpush does it) and its
        headers built with one VAPID JWT signed once; no HTTP; one core
    (b) pywebpush.webpush() in a plain loop, on a sample (a new connection and JWT per message)
    (c) the project's whole pipeline with one Celery worker process (--pool=solo) on Redis:
        create_campaign() until the campaign is "done", batches and bookkeeping included

and prints c/a and c/b against the goal (c/b >= 4, c/a >= 0.4 per core) and what 500,000 devices would
take with 4 workers. Next to each rate it prints messages per CPU-second of the sending process (this
script for (a) and (b), the worker for (c)): on a shared machine the wall-clock rates move with other
load, the CPU ones much less. The database named by --database-url is dropped and created again (and
dropped at the end unless --keep). PostgreSQL and Redis must be running. Run from the project root:

    .venv/bin/python bench/push_fanout.py
    .venv/bin/python bench/push_fanout.py --subscriptions 5000 --batch-size 250 --concurrency 64
    .venv/bin/python bench/push_fanout.py --profile-worker /tmp/worker.prof
"""

import argparse
import asyncio
import base64
import contextlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from secrets import token_bytes

os.environ["SATUPINTU_ENV"] = "testing"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import redis
import requests
from aiohttp import web
from bench_database import drop_database
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask_migrate import upgrade
from py_vapid import Vapid
from pywebpush import WebPusher, webpush
from sqlalchemy import insert, select, text

from backend import create_app
from backend.config import Config
from backend.extensions import db
from backend.push import messages
from backend.push.campaigns import create_campaign
from backend.push.models import Campaign, CampaignStatus, PushSubscription
from backend.push.vapid import generate_keys

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/satupintu_pushbench"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"
GOAL_C_OVER_B = 4.0
GOAL_C_OVER_A = 0.4
PROJECTED_DEVICES = 500_000
PROJECTED_WORKERS = 4
SUBJECT = "mailto:bench@satupintu.example"
TITLE = "Peringatan banjir"
BODY = "Air naik di Sepinggan. Hindari Jl. MT Haryono dan ikuti arahan BPBD."
URL = "/berita/peringatan-banjir"
TTL = 86400
TIMEOUT_SECONDS = 10
# The worker reads PUSH_CONCURRENCY from its Config class only (not from the environment), so another
# value is set on the worker's app before Celery's own command line takes over.
WORKER_WITH_CONCURRENCY = (
    "import sys; from backend.worker import celery, flask_app; "
    "flask_app.config['PUSH_CONCURRENCY'] = int(sys.argv[1]); celery.worker_main(sys.argv[2:])"
)


@dataclass
class Rate:
    """Messages over the wall time they took and over the CPU time of the process that sent them."""

    messages: int
    seconds: float
    cpu_seconds: float | None

    @property
    def per_second(self) -> float:
        return self.messages / self.seconds

    @property
    def per_cpu_second(self) -> float | None:
        return self.messages / self.cpu_seconds if self.cpu_seconds else None


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--subscriptions", type=int, default=20_000, help="devices to make and fan out to")
    parser.add_argument("--webpush-sample", type=int, default=1000, help="messages sent through webpush()")
    parser.add_argument("--database-url", default=DEFAULT_URL, help="dropped and created again")
    parser.add_argument("--redis-url", default=DEFAULT_REDIS, help="the Celery broker")
    parser.add_argument("--batch-size", type=int, default=500, help="PUSH_BATCH_SIZE of the worker")
    parser.add_argument(
        "--concurrency", type=int, default=Config.PUSH_CONCURRENCY, help="PUSH_CONCURRENCY of the worker"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and the worker's log")
    parser.add_argument(
        "--profile-worker",
        metavar="FILE",
        help="run the worker under cProfile into FILE (its main thread only)",
    )
    args = parser.parse_args()
    args.webpush_sample = min(args.webpush_sample, args.subscriptions)
    return args


# --- the fake push service (its own process) --------------------------------------------------------


def _serve_push(port_pipe) -> None:
    """The fake push service's process: 201 to every POST /push/<n>, counting requests and endpoints
    and noting when the first and the last arrived."""
    asyncio.run(_push_service(port_pipe))


async def _push_service(port_pipe) -> None:
    seen = {"requests": 0, "endpoints": set(), "first_at": None, "last_at": None}

    async def push(request):
        await request.read()
        seen["requests"] += 1
        seen["endpoints"].add(request.match_info["n"])
        seen["last_at"] = time.time()  # wall clock: other processes compare against it
        seen["first_at"] = seen["first_at"] or seen["last_at"]
        return web.Response(status=201)

    async def stats(request):
        counts = {"requests": seen["requests"], "endpoints": len(seen["endpoints"])}
        return web.json_response(counts | {"first_at": seen["first_at"], "last_at": seen["last_at"]})

    async def reset(request):
        seen.update(requests=0, first_at=None, last_at=None)
        seen["endpoints"].clear()
        return web.Response(status=204)

    app = web.Application()
    app.add_routes([web.post("/push/{n}", push), web.get("/stats", stats), web.post("/reset", reset)])
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0, backlog=1024).start()
    port_pipe.send(runner.addresses[0][1])
    await asyncio.Event().wait()


@dataclass
class FakePushService:
    process: multiprocessing.Process
    origin: str

    @classmethod
    def start(cls) -> "FakePushService":
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=_serve_push, args=(theirs,), name="fake-push", daemon=True)
        process.start()
        if not ours.poll(60):
            process.kill()
            raise RuntimeError("the fake push service did not start")
        return cls(process, f"http://127.0.0.1:{ours.recv()}")

    def stats(self) -> dict:
        return requests.get(f"{self.origin}/stats", timeout=TIMEOUT_SECONDS).json()

    def reset(self) -> None:
        requests.post(f"{self.origin}/reset", timeout=TIMEOUT_SECONDS).raise_for_status()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(10)


# --- the database and the subscriptions -------------------------------------------------------------


def settings(args: argparse.Namespace, keys: dict, queue: str) -> dict:
    """What the bench's app and the worker share: database, broker, queue, batch size, VAPID keys."""
    return {
        "CELERY_BROKER_URL": args.redis_url,
        "JOB_QUEUE": queue,
        "PUSH_BATCH_SIZE": args.batch_size,
        "VAPID_SUBJECT": SUBJECT,
    } | keys


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def make_subscriptions(origin: str, count: int) -> list[dict]:
    """subscription_info as browsers send it: a P-256 public key and a 16-byte secret, base64url."""
    infos = []
    for number in range(count):
        public = (
            ec.generate_private_key(ec.SECP256R1())
            .public_key()
            .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        )
        keys = {"p256dh": b64(public), "auth": b64(token_bytes(16))}
        infos.append({"endpoint": f"{origin}/push/{number}", "keys": keys})
    return infos


def store_subscriptions(infos: list[dict]) -> None:
    """One bulk INSERT of every subscription, then ANALYZE (inside an app context)."""
    rows = [{"endpoint": info["endpoint"]} | info["keys"] for info in infos]
    db.session.execute(insert(PushSubscription), rows)
    db.session.commit()
    db.session.execute(text("ANALYZE push_subscriptions"))
    db.session.commit()


# --- (a) and (b) ------------------------------------------------------------------------------------


def crypto_only(infos: list[dict], payload: bytes, private_key: str, origin: str) -> Rate:
    """Encryption plus headers, one JWT signed once, no HTTP (this process, one core)."""
    started, cpu = time.perf_counter(), time.process_time()
    claims = {"sub": SUBJECT, "aud": origin, "exp": int(time.time()) + 12 * 3600}
    authorization = Vapid.from_string(private_key=private_key).sign(claims)
    size = 0
    for info in infos:
        body = WebPusher(info).encode(payload)["body"]
        headers = authorization | {"ttl": str(TTL), "content-encoding": "aes128gcm", "urgency": "normal"}
        headers["content-length"] = str(len(body))
        size += len(body)
    rate = Rate(len(infos), time.perf_counter() - started, time.process_time() - cpu)
    if size != len(infos) * (len(payload) + 103):  # 86-byte header, 1 padding delimiter, 16-byte tag
        raise RuntimeError(f"unexpected aes128gcm size: {size} bytes for {len(infos)} messages")
    return rate


def plain_webpush(infos: list[dict], payload: bytes, private_key: str) -> Rate:
    """pywebpush.webpush() called once per message (key parsed and JWT signed each time)."""
    started, cpu = time.perf_counter(), time.process_time()
    for info in infos:
        webpush(
            info,
            payload,
            vapid_private_key=private_key,
            vapid_claims={"sub": SUBJECT},  # a fresh dict: webpush() writes aud and exp into it
            ttl=TTL,
            timeout=TIMEOUT_SECONDS,
        )
    return Rate(len(infos), time.perf_counter() - started, time.process_time() - cpu)


# --- (c) the pipeline on one worker -----------------------------------------------------------------


def worker_command(queue: str, concurrency: int, profile: str | None) -> list[str]:
    celery_args = [
        "worker",
        "--pool=solo",
        "--loglevel=info",  # for the "ready." line and the per-batch timings
        "-Q",
        queue,
        "--without-heartbeat",
        "--without-gossip",
        "--without-mingle",
    ]
    python = [sys.executable] + (["-m", "cProfile", "-o", profile] if profile else [])
    if concurrency == Config.PUSH_CONCURRENCY:
        return [*python, "-m", "celery", "-A", "backend.worker", *celery_args]
    return [*python, "-c", WORKER_WITH_CONCURRENCY, str(concurrency), *celery_args]


def start_worker(args: argparse.Namespace, shared: dict, log: Path) -> subprocess.Popen:
    """One Celery worker process, with the environment tests/push/test_celery_worker.py gives it."""
    environment = (
        os.environ
        | {key: str(value) for key, value in shared.items()}
        | {"SATUPINTU_ENV": "development", "DATABASE_URL": args.database_url}
    )
    command = worker_command(shared["JOB_QUEUE"], args.concurrency, args.profile_worker)
    with log.open("w") as output:
        return subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command, env=environment, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )


def wait_ready(worker: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            raise RuntimeError(f"the worker exited ({worker.returncode}):\n{log.read_text()[-3000:]}")
        if " ready." in log.read_text():
            return
        time.sleep(0.1)
    raise RuntimeError(f"the worker was not ready after {seconds:.0f} s:\n{log.read_text()[-3000:]}")


def stop_worker(worker: subprocess.Popen) -> None:
    """A warm shutdown (so that cProfile writes its file), then a kill if it hangs."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(10)


def forget_queue(url: str, queue: str) -> None:
    """Delete the queue and kombu's keys for it (the binding key's name differs between versions)."""
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"*{queue}*"))
    if keys:
        client.delete(*keys)
    client.close()


def wait_done(campaign_id: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()  # a new transaction sees what the worker committed
        status = db.session.scalar(select(Campaign.status).where(Campaign.id == campaign_id))
        if status == CampaignStatus.DONE:
            return
        time.sleep(0.05)
    raise RuntimeError(f"campaign {campaign_id} was not done after {seconds:.0f} s")


def cpu_seconds(pid: int, thread: int | None = None) -> float | None:
    """User plus system CPU seconds of a process, or of one of its threads, so far (Linux /proc),
    None elsewhere."""
    path = f"/proc/{pid}/stat" if thread is None else f"/proc/{pid}/task/{thread}/stat"
    try:
        fields = Path(path).read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def pipeline(
    app, service: FakePushService, worker: subprocess.Popen, count: int
) -> tuple[Rate, float | None]:
    """From create_campaign() until the campaign is done (the worker's CPU time, and that of its main
    thread alone); checks every device got exactly one message."""
    service.reset()
    with app.app_context():
        started, cpu, main = time.perf_counter(), cpu_seconds(worker.pid), cpu_seconds(worker.pid, worker.pid)
        campaign, _ = create_campaign({"title": TITLE, "body": BODY, "url": URL, "target_kind": "all"}, None)
        wait_done(campaign.id, max(120, count / 20))
        rate = Rate(count, time.perf_counter() - started, None)
        if cpu is not None:
            rate.cpu_seconds = cpu_seconds(worker.pid) - cpu
            main = cpu_seconds(worker.pid, worker.pid) - main
        campaign = db.session.get(Campaign, campaign.id)
        counts = (campaign.targeted, campaign.sent, campaign.failed, campaign.gone)
    received = {key: service.stats()[key] for key in ("requests", "endpoints")}
    if counts != (count, count, 0, 0) or received != {"requests": count, "endpoints": count}:
        raise RuntimeError(
            f"(c) did not deliver exactly {count}: targeted/sent/failed/gone {counts}, service {received}"
        )
    return rate, main


def batch_seconds(log: Path) -> list[float]:
    """The worker's own 'Task ...send_batch[...] succeeded in X s' figures."""
    times = []
    for line in log.read_text().splitlines():
        if "send_batch[" in line and " succeeded in " in line:
            times.append(float(line.split(" succeeded in ", 1)[1].split("s:", 1)[0]))
    return times


# --- reporting --------------------------------------------------------------------------------------


def verdict(value: float, goal: float) -> str:
    return "met" if value >= goal else "not met"


def _cpu_text(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def print_rates(rates: dict[str, Rate], args: argparse.Namespace) -> None:
    labels = {
        "a": "(a) crypto only: aes128gcm + headers, JWT signed once",
        "b": f"(b) pywebpush.webpush() loop, {args.webpush_sample:,} messages",
        "c": f"(c) campaign pipeline, 1 worker, {args.subscriptions:,} devices",
    }
    print(f"\n{'':<56}{'msgs/s':>10}{'per CPU-s':>11}")
    for key, label in labels.items():
        rate = rates[key]
        print(f"{label:<56}{rate.per_second:>10,.0f}{_cpu_text(rate.per_cpu_second, ',.0f'):>11}")
    print(
        "per CPU-s: messages per CPU-second of the sending process alone (this script for (a) and (b),"
        "\nthe worker for (c)); other load on the machine moves it much less than msgs/s."
    )


def print_ratio(name: str, top: Rate, bottom: Rate, goal: float, note: str = "") -> None:
    wall = top.per_second / bottom.per_second
    cpu = None
    if top.per_cpu_second and bottom.per_cpu_second:
        cpu = top.per_cpu_second / bottom.per_cpu_second
    on_cpu = "" if cpu is None else f" ({verdict(cpu, goal)} per CPU-s)"
    print(
        f"{name:<56}{wall:>10.2f}{_cpu_text(cpu, '.2f'):>11}"
        f"   goal >= {goal:g}{note}: {verdict(wall, goal)}{on_cpu}"
    )


def print_projection(c: Rate) -> None:
    devices, workers, rate = PROJECTED_DEVICES, PROJECTED_WORKERS, c.per_second
    seconds = devices / (workers * rate)
    print(
        f"\n{devices:,} subscriptions with {workers} workers: about {seconds:,.0f} s"
        f" ({seconds / 60:.1f} min) = {devices:,} / ({workers} x {rate:,.0f} msgs/s),"
        "\n  assuming linear scaling: each worker on its own core, and PostgreSQL, Redis and the push"
        "\n  services keeping up (not measured here)."
    )
    if c.per_cpu_second:
        idle = PROJECTED_DEVICES / (PROJECTED_WORKERS * c.per_cpu_second)
        print(f"  At (c)'s rate per CPU-second (4 otherwise idle cores): about {idle:,.0f} s.")


def print_results(rates: dict[str, Rate], args: argparse.Namespace) -> None:
    print_rates(rates, args)
    print()
    print_ratio("c/a", rates["c"], rates["a"], GOAL_C_OVER_A, " per core")
    print_ratio("c/b", rates["c"], rates["b"], GOAL_C_OVER_B)
    print_projection(rates["c"])


def print_batches(times: list[float]) -> None:
    if times:
        ordered = sorted(times)
        print(
            f"    {len(times)} send_batch jobs, worker-side seconds: min {ordered[0]:.2f},"
            f" median {ordered[len(ordered) // 2]:.2f}, max {ordered[-1]:.2f}, sum {sum(times):.1f}"
        )


# --- the run ----------------------------------------------------------------------------------------


def timed(label: str, call):
    started = time.perf_counter()
    result = call()
    print(f"{label} in {time.perf_counter() - started:.1f} s")
    return result


def run(args: argparse.Namespace, cleanup: contextlib.ExitStack) -> None:
    service = FakePushService.start()
    cleanup.callback(service.stop)
    keys, queue = generate_keys(), f"satupintu-pushbench-{uuid.uuid4().hex[:8]}"
    shared = settings(args, keys, queue)
    drop_database(args.database_url, create_again=True)
    if not args.keep:
        cleanup.callback(drop_database, args.database_url)
    cleanup.callback(forget_queue, args.redis_url, queue)
    app = create_app({"SQLALCHEMY_DATABASE_URI": args.database_url, "RATELIMIT_ENABLED": False} | shared)
    with app.app_context():
        upgrade()
        cleanup.callback(db.engine.dispose)
    print(
        f"Push fan-out: {args.subscriptions:,} devices, {os.cpu_count()} CPU cores (load average"
        f" {os.getloadavg()[0]:.1f}), batch {args.batch_size}, concurrency {args.concurrency},"
        f" push service at {service.origin}"
    )
    infos = timed(
        f"  {args.subscriptions:,} P-256 key pairs made",
        lambda: make_subscriptions(service.origin, args.subscriptions),
    )
    with app.app_context():
        timed("  subscriptions inserted", lambda: store_subscriptions(infos))
    rates = measure_senders(args, service, infos, keys)
    rates["c"] = measure_pipeline(args, app, service, shared, cleanup)
    print_results(rates, args)


def measure_senders(args, service: FakePushService, infos: list[dict], keys: dict) -> dict[str, Rate]:
    """(a) and (b), in this process."""
    # What campaign 1 sends in (c): a campaign message carries the device's endpoint.
    payload = messages.payload(TITLE, BODY, URL, "campaign-1", 1, infos[-1]["endpoint"])
    private = keys["VAPID_PRIVATE_KEY"]
    print(f"  payload {len(payload)} bytes of JSON")
    rates = {"a": timed("(a) crypto only", lambda: crypto_only(infos, payload, private, service.origin))}
    sample = infos[: args.webpush_sample]
    rates["b"] = timed("(b) webpush() loop", lambda: plain_webpush(sample, payload, private))
    if service.stats()["requests"] != len(sample):
        raise RuntimeError(f"(b) the push service got {service.stats()} for {len(sample)} messages")
    return rates


def measure_pipeline(
    args, app, service: FakePushService, shared: dict, cleanup: contextlib.ExitStack
) -> Rate:
    """(c): a worker started and ready first, then one campaign to every device."""
    folder = tempfile.mkdtemp(prefix="pushbench-")
    if not args.keep:
        cleanup.callback(shutil.rmtree, folder, ignore_errors=True)
    log = Path(folder) / "worker.log"
    worker = start_worker(args, shared, log)
    cleanup.callback(stop_worker, worker)
    timed("  worker ready", lambda: wait_ready(worker, log))
    rate, main = timed("(c) campaign pipeline", lambda: pipeline(app, service, worker, args.subscriptions))
    count = args.subscriptions
    print(f"    checked: sent {count:,} of {count:,}; the service got {count:,} requests, one per device")
    print_batches(batch_seconds(log))
    if rate.cpu_seconds and main is not None:
        print(
            f"    worker CPU {rate.cpu_seconds:.1f} s: main thread (Celery, database) {main:.1f} s ="
            f" {main / count * 1e6:.0f} us/message; sender thread (encryption, HTTP)"
            f" {rate.cpu_seconds - main:.1f} s = {(rate.cpu_seconds - main) / count * 1e6:.0f} us/message"
        )
    if args.keep:
        print(f"    worker log: {log}")
    return rate


def run_and_clean_up(run_bench, args: argparse.Namespace) -> None:
    """Run a bench with a stack of clean-ups (servers, worker, database) unwound however it ends."""
    started = time.perf_counter()
    with contextlib.ExitStack() as cleanup:
        run_bench(args, cleanup)
    print(f"\nTotal run time: {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    run_and_clean_up(run, parse_args())
