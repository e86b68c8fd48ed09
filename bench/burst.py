"""Phones opening the app after a city-wide alert, against the production topology, until it gives.

Starts what a city runs: gunicorn with gunicorn.conf.py and SATUPINTU_ENV=production behind an
assumed load balancer (PROXY_COUNT=1: each phone its own address in X-Forwarded-For), PostgreSQL (a
database of its own, created and dropped), Redis (a redis-server of its own on a free port), one
Celery worker (--pool=solo) for the jobs a filing makes, and the demo data. Then phones arrive at a
rate (phones per minute, random arrivals) that grows by --factor each step of --step-seconds. Each
phone does what the PWA's home does when opened (pwa/src/pages/home/Home.tsx), its reads at once:

    every phone        GET /api/v1/news/banner, GET /api/v1/news?limit=6   (anonymous, shareable)
    --logged-in share  first POST /api/v1/auth/refresh (a remembered login, main.tsx), then also
                       GET /api/v1/requests/mine?limit=20 with its new access token
and then some go on:
    --report share     files a report: GET /api/v1/services and /api/v1/service-groups (the report
                       screen), GET /api/v1/requests/nearby, POST /api/v1/requests (JSON, anonymous)
    --open share       opens a public request: GET /api/v1/requests?limit=20, then one request and
                       its events

A step ends when its phones are all answered; it fails when its p95 passes 1 s or any request fails
(no answer, or a status >= 400, 429 included). The ramp stops at the first failed step (or after
--max-steps); the sustained rate is the last step that passed. It prints per step phones/min,
req/s, p50/p95/p99 and errors, and does the same again with PUBLIC_CACHE=off (--modes). The load
client shares the machine with everything it drives. PostgreSQL must be running. From the root:

    .venv/bin/python bench/burst.py
    .venv/bin/python bench/burst.py --step-seconds 15 --max-steps 4        # a quick try
    .venv/bin/python bench/burst.py --start-rate 1200 --factor 1.25 --modes on
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import redis
from http_load import (
    PHONE_HEADERS,
    ROOT,
    Tally,
    cpu_seconds,
    free_port,
    percentile,
    session,
    start_gunicorn,
    stop,
    timed_request,
)

sys.path.insert(0, str(ROOT))
from backend.demo import DEMO_PASSWORD, DEMO_RESIDENT_EMAIL
from tests.standalone import migrate_and_seed

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
P95_LIMIT = 1.0
CITY_POINT = (-1.2500, 116.8500)  # inside Balikpapan, the demo city
REPORT = {
    "service_code": "jalan-berlubang",
    "description": "Jalan berlubang setelah banjir, membahayakan pengendara motor.",
    "attributes": {"ukuran_lubang": "sedang"},
    "lat": CITY_POINT[0],
    "long": CITY_POINT[1],
}


class Topology:
    """PostgreSQL database, redis-server and Celery worker of the run's own; gunicorn per mode."""

    def __init__(self, workdir: Path, postgres: str):
        self.workdir, self.postgres = workdir, postgres
        self.database = f"satupintu_burst_{uuid.uuid4().hex[:8]}"
        self.redis_port = free_port()
        self.processes: list[subprocess.Popen] = []
        self.env = {
            "SATUPINTU_ENV": "production",
            "DATABASE_URL": f"{postgres}/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "CELERY_BROKER_URL": "",
            "SECRET_KEY": secrets.token_hex(32),
            "JWT_SECRET_KEY": secrets.token_hex(32),
            "UPLOAD_DIR": str(workdir / "uploads"),
            "PWA_DIST_DIR": str(workdir),
            "PROXY_COUNT": "1",
            "JOB_QUEUE": "satupintu-burst",
        }

    def __enter__(self) -> "Topology":
        with psycopg.connect(f"{self.postgres}/postgres", autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.database}"')
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.redis_port), "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.workdir)]
        self.processes.append(subprocess.Popen(command, stdout=subprocess.DEVNULL))  # noqa: S603
        for _ in range(100):
            try:
                redis.Redis(port=self.redis_port, socket_connect_timeout=0.2).ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        # The demo data is refused in production: seeded with the development settings, same database.
        migrate_and_seed(self.env | {"SATUPINTU_ENV": "development"}, "--demo")
        worker = [sys.executable, "-m", "celery", "-A", "backend.worker", "worker", "--pool=solo"]
        worker += ["-Q", self.env["JOB_QUEUE"], "--without-heartbeat", "--without-gossip", "--without-mingle"]
        with open(self.workdir / "celery.log", "w") as log:
            self.processes.append(
                subprocess.Popen(worker, env=os.environ | self.env, cwd=ROOT, stdout=log, stderr=log)  # noqa: S603
            )
        return self

    def serve(self, cache: bool) -> tuple[subprocess.Popen, str]:
        bind = f"127.0.0.1:{free_port()}"
        env = self.env | {"BIND": bind, "PUBLIC_CACHE": "on" if cache else "off"}
        server = start_gunicorn(env, self.workdir / f"gunicorn-{'on' if cache else 'off'}.log")
        return server, f"http://{bind}/api/v1"

    def __exit__(self, *_) -> None:
        for process in reversed(self.processes):
            stop(process)
        with psycopg.connect(f"{self.postgres}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')


@dataclass
class Step(Tally):
    phones: int = 0
    cpu: float = 0.0  # seconds of gunicorn's CPU

    @property
    def cpu_ms_per_phone(self) -> float:
        return self.cpu * 1000 / self.phones if self.phones else float("nan")


@dataclass
class Account:
    refresh: str
    csrf: str


@dataclass
class City:
    """What the phones share: the API's address, addresses handed out, logins, public requests."""

    api: str
    rng: random.Random
    accounts: asyncio.Queue = field(default_factory=asyncio.Queue)
    codes: list[str] = field(default_factory=list)
    phones: int = 0

    def headers(self) -> dict:
        """A phone's headers, from an address no phone had (each is rate-limited on its own)."""
        self.phones += 1
        number = self.phones
        address = f"10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
        return PHONE_HEADERS | {"X-Forwarded-For": address, "X-Forwarded-Proto": "https"}


async def prepare(client, city: City, accounts: int) -> None:
    """Logs the demo resident in `accounts` times (each login keeps its own refresh cookie, as each
    phone would; registering needs a code by mail or SMS now) and lists public request codes."""
    tally = Tally()

    async def log_in(number: int) -> None:
        body = {"login": DEMO_RESIDENT_EMAIL, "password": DEMO_PASSWORD}
        for _ in range(3):  # a password hash is slow on purpose: on a busy machine one may time out
            status, _, cookies = await timed_request(
                client, tally, "POST", f"{city.api}/auth/login", json=body, headers=city.headers()
            )
            if status == 200:
                city.accounts.put_nowait(
                    Account(cookies["refresh_token_cookie"], cookies["csrf_refresh_token"])
                )
                return
        raise RuntimeError(f"logging the demo resident in answered {status or 'nothing'}")

    for first in range(0, accounts, 2):
        await asyncio.gather(*(log_in(number) for number in range(first, min(first + 2, accounts))))
    plain = city.headers() | {"Accept-Encoding": "identity"}  # the client does not decompress
    _, body, _ = await timed_request(client, tally, "GET", f"{city.api}/requests?limit=50", headers=plain)
    city.codes = [item["code"] for item in json.loads(body)["items"]]


async def phone(client, city: City, tally: Tally, shares) -> None:
    headers, api, roll = city.headers(), city.api, city.rng.random()

    async def get(path: str, extra: dict | None = None):
        return await timed_request(client, tally, "GET", api + path, headers=headers | (extra or {}))

    reads = [get("/news/banner"), get("/news?limit=6")]
    if city.rng.random() < shares.logged_in:
        reads.append(mine(client, city, tally, headers))
    await asyncio.gather(*reads)
    if roll < shares.report:
        await asyncio.gather(get("/services"), get("/service-groups"))
        lat, long = CITY_POINT
        await get(f"/requests/nearby?lat={lat}&long={long}&service={REPORT['service_code']}")
        filing = headers | {"Idempotency-Key": str(uuid.uuid4())}
        await timed_request(client, tally, "POST", f"{api}/requests", json=REPORT, headers=filing)
    elif roll < shares.report + shares.open and city.codes:
        await get("/requests?limit=20")
        code = city.rng.choice(city.codes)
        await asyncio.gather(get(f"/requests/{code}"), get(f"/requests/{code}/events"))


async def mine(client, city: City, tally: Tally, headers: dict) -> None:
    """A remembered login: the refresh cookie traded for an access token, then "my requests"."""
    account = await city.accounts.get()
    try:
        cookie = f"refresh_token_cookie={account.refresh}; csrf_refresh_token={account.csrf}"
        refreshing = headers | {"Cookie": cookie, "X-CSRF-TOKEN": account.csrf, "Accept-Encoding": "identity"}
        status, body, cookies = await timed_request(
            client, tally, "POST", f"{city.api}/auth/refresh", headers=refreshing
        )
        if status != 200:
            return
        account.refresh = cookies.get("refresh_token_cookie", account.refresh)
        account.csrf = cookies.get("csrf_refresh_token", account.csrf)
        bearer = headers | {"Authorization": f"Bearer {json.loads(body)['access_token']}"}
        await timed_request(client, tally, "GET", f"{city.api}/requests/mine?limit=20", headers=bearer)
    finally:
        city.accounts.put_nowait(account)


async def step(client, city: City, server: int, rate: float, seconds: float, shares) -> Step:
    """Phones arriving at `rate` a minute (random arrivals) for `seconds`; returns when all are done."""
    tally, phones = Step(), []
    cpu = cpu_seconds(server)
    started = time.perf_counter()
    arrival = started
    while True:
        arrival += city.rng.expovariate(rate / 60)
        if arrival - started >= seconds:
            break
        await asyncio.sleep(max(0.0, arrival - time.perf_counter()))
        phones.append(asyncio.ensure_future(phone(client, city, tally, shares)))
    await asyncio.gather(*phones)
    tally.seconds = time.perf_counter() - started
    tally.phones, tally.cpu = len(phones), cpu_seconds(server) - cpu
    return tally


async def ramp(api: str, server: int, arguments) -> list[tuple[float, Step]]:
    city = City(api, random.Random(arguments.seed))  # noqa: S311 (arrivals, not secrets)
    steps = []
    async with session(arguments.connections) as client:
        await prepare(client, city, arguments.accounts)
        rate = arguments.start_rate
        for _ in range(arguments.max_steps):
            tally = await step(client, city, server, rate, arguments.step_seconds, arguments)
            steps.append((rate, tally))
            print("  " + line(rate, tally), flush=True)
            if not passed(tally):
                break
            rate *= arguments.factor
    return steps


def passed(tally: Tally) -> bool:
    return tally.errors == 0 and tally.ms(0.95) <= P95_LIMIT * 1000


def line(rate: float, tally: Step) -> str:
    failures = ", ".join(
        f"{status or 'no answer'}: {count}" for status, count in sorted(tally.failures.items())
    )
    return (
        f"{rate:7,.0f} phones/min ({tally.phones} phones)  {tally.requests / tally.seconds:6,.1f} req/s  "
        f"p50 {tally.ms(0.5):6.0f} ms  p95 {tally.ms(0.95):6.0f} ms  p99 {tally.ms(0.99):6.0f} ms  "
        f"errors {tally.errors}{f' ({failures})' if failures else ''}  "
        f"{'ok' if passed(tally) else 'FAILED'}  app CPU {tally.cpu_ms_per_phone:.0f} ms/phone"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--start-rate", type=float, default=300, help="phones a minute in the first step")
    parser.add_argument("--factor", type=float, default=1.5, help="rate of each step over the one before")
    parser.add_argument("--step-seconds", type=float, default=60, help="arrivals of one step (default 60)")
    parser.add_argument("--max-steps", type=int, default=10, help="stop after this many steps")
    parser.add_argument("--logged-in", type=float, default=0.3, help="share of phones with a login")
    parser.add_argument("--report", type=float, default=0.05, help="share of phones that file a report")
    parser.add_argument("--open", type=float, default=0.15, help="share of phones that open a request")
    parser.add_argument("--accounts", type=int, default=40, help="residents whose logins the phones use")
    parser.add_argument("--connections", type=int, default=64, help="the load balancer's connections")
    parser.add_argument("--modes", default="on,off", help="PUBLIC_CACHE for each run (default on,off)")
    parser.add_argument("--workers", help="WEB_CONCURRENCY (default: gunicorn.conf.py's)")
    parser.add_argument("--postgres", default=POSTGRES, help=f"PostgreSQL server (default {POSTGRES})")
    parser.add_argument("--seed", type=int, default=2026, help="random seed of arrivals and choices")
    arguments = parser.parse_args()
    if not shutil.which("redis-server"):
        sys.exit("redis-server is needed on PATH")

    results = {}
    with tempfile.TemporaryDirectory(prefix="burst-") as tmp, Topology(Path(tmp), arguments.postgres) as city:
        if arguments.workers:
            city.env["WEB_CONCURRENCY"] = arguments.workers
        print(
            f"production topology on {os.cpu_count()} CPUs (load client included); steps of "
            f"{arguments.step_seconds:g} s from {arguments.start_rate:g} phones/min, x{arguments.factor:g}; "
            f"logged in {arguments.logged_in:.0%}, reporting {arguments.report:.0%}, "
            f"opening a request {arguments.open:.0%}",
            flush=True,
        )
        for mode in arguments.modes.split(","):
            server, api = city.serve(cache=mode == "on")
            print(f"PUBLIC_CACHE={mode}:", flush=True)
            try:
                results[mode] = asyncio.run(ramp(api, server.pid, arguments))
            finally:
                stop(server)
    print()
    for mode, steps in results.items():
        good = [rate for rate, tally in steps if passed(tally)]
        sustained = f"{good[-1]:,.0f} phones/min" if good else "below the first step"
        capped = " (the last step still passed: raise --max-steps)" if steps and passed(steps[-1][1]) else ""
        print(f"sustained with PUBLIC_CACHE={mode}: {sustained}{capped}")
        cost = percentile([tally.cpu_ms_per_phone for _, tally in steps], 0.5)
        print(
            f"  gunicorn's CPU per phone (median of the steps): {cost:.0f} ms, so one core it had to itself "
            f"would serve about {60_000 / cost:,.0f} phones/min (PostgreSQL, Redis and Celery not counted)"
        )


if __name__ == "__main__":
    main()
