"""Public reads against a bare Flask app, both under the project's gunicorn.conf.py.

Serves the app (SATUPINTU_ENV=development, the demo data in a fresh SQLite file, the shared cache of
public reads in files as the embedded default keeps it) and bench/bare_flask.py (a JSON list as large
as the news feed) with the same gunicorn settings, side by side, and measures in one run, in short
alternating rounds (the order turns each round), requests per second of:

    bare       GET /api/v1/news of bench/bare_flask.py
    news       GET /api/v1/news
    catalogue  GET /api/v1/services

with `--connections` keep-alive connections each asking again as soon as it is answered, headers as
a phone's browser sends them (compressed answers accepted). It prints each rate with p50/p99 and
errors, and news/bare and catalogue/bare against the goal (>= 0.6). The load client runs in this
process on the same machine, so all three share the cores with it alike. Run from the project root:

    .venv/bin/python bench/public_reads.py
    .venv/bin/python bench/public_reads.py --rounds 4 --round-seconds 2 --connections 8
    PUBLIC_CACHE=off .venv/bin/python bench/public_reads.py     # the app without its shared cache
"""

import argparse
import asyncio
import json
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

from http_load import ROOT, Tally, cpu_seconds, free_port, hammer, start_gunicorn, stop

sys.path.insert(0, str(ROOT))
from tests.standalone import migrate_and_seed, sqlite_app_environment

GOAL = 0.6


def prepare_app(workdir: Path) -> dict:
    env = sqlite_app_environment(workdir, "demo.db")
    migrate_and_seed(env, "--demo")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=6, help="rounds of the three (default 6)")
    parser.add_argument("--round-seconds", type=float, default=3.0, help="each target's turn in a round")
    parser.add_argument("--connections", type=int, default=16, help="concurrent keep-alive connections")
    parser.add_argument("--workers", help="WEB_CONCURRENCY for both servers (default: gunicorn.conf.py's)")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="public-reads-") as tmp:
        workdir = Path(tmp)
        print("seeding the demo data...", flush=True)
        app_env = prepare_app(workdir) | {"BIND": f"127.0.0.1:{free_port()}"}
        bare_env = {"BIND": f"127.0.0.1:{free_port()}"}
        if arguments.workers:
            app_env["WEB_CONCURRENCY"] = bare_env["WEB_CONCURRENCY"] = arguments.workers
        servers = [start_gunicorn(app_env, workdir / "app.log")]
        try:
            with urllib.request.urlopen(f"http://{app_env['BIND']}/api/v1/news") as answer:
                body = answer.read()
            bare_env |= {"BARE_BYTES": str(len(body)), "BARE_ITEMS": str(len(json.loads(body)["items"]))}
            bare_app = ("--pythonpath", "bench", "bare_flask:app")
            servers.append(start_gunicorn(bare_env, workdir / "bare.log", *bare_app))
            app, bare = servers[0].pid, servers[1].pid
            targets = {
                "bare": (f"http://{bare_env['BIND']}/api/v1/news", bare),
                "news": (f"http://{app_env['BIND']}/api/v1/news", app),
                "catalogue": (f"http://{app_env['BIND']}/api/v1/services", app),
            }
            print(
                f"news feed {len(body):,} bytes ({bare_env['BARE_ITEMS']} items); bare app sized alike; "
                f"cache {os.environ.get('PUBLIC_CACHE', 'on')}; {arguments.connections} connections; "
                f"{arguments.rounds} rounds of {arguments.round_seconds:g} s each; {os.cpu_count()} CPUs",
                flush=True,
            )
            results, cpu = asyncio.run(measure(targets, arguments))
        finally:
            for server in servers:
                stop(server)
    report(results, cpu)


async def measure(
    targets: dict[str, tuple[str, int]], arguments
) -> tuple[dict[str, Tally], dict[str, float]]:
    """Each target's answers, and the CPU seconds its gunicorn used meanwhile."""
    for url, _ in targets.values():  # warm up: connections, imports, the shared cache's entries
        await hammer(url, 1.0, arguments.connections)
    results = {name: Tally() for name in targets}
    cpu = dict.fromkeys(targets, 0.0)
    names = list(targets)
    for number in range(arguments.rounds):
        order = names[number % len(names) :] + names[: number % len(names)]
        line = []
        for name in order:
            url, server = targets[name]
            used = cpu_seconds(server)
            tally = await hammer(url, arguments.round_seconds, arguments.connections)
            cpu[name] += cpu_seconds(server) - used
            results[name].add(tally)
            line.append(f"{name} {tally.rate:,.0f}")
        print(f"round {number + 1}: " + ", ".join(line) + " req/s", flush=True)
    return results, cpu


def report(results: dict[str, Tally], cpu: dict[str, float]) -> None:
    """req/s and its ratio to bare; and answers per CPU-second of the serving gunicorn, which moves
    less with the machine's other load than the wall-clock rate."""
    per_cpu = {
        name: len(tally.latencies) / cpu[name] if cpu[name] else float("nan")
        for name, tally in results.items()
    }
    print(
        f"\n{'':10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'x bare':>7} "
        f"{'req/CPU-s':>10} {'x bare':>7}"
    )
    for name, tally in results.items():
        ratio = tally.rate / results["bare"].rate
        figures = f"{tally.rate:8,.0f} {tally.ms(0.5):8.1f} {tally.ms(0.99):8.1f} {tally.errors:7}"
        print(
            f"{name:10} {figures} {ratio:7.2f} {per_cpu[name]:10,.0f} {per_cpu[name] / per_cpu['bare']:7.2f}"
        )
    for name in ("news", "catalogue"):
        ratio = results[name].rate / results["bare"].rate
        print(
            f"goal {name} >= {GOAL} x bare: {'met' if ratio >= GOAL else 'NOT met'} ({ratio:.2f}; "
            f"per CPU-second {per_cpu[name] / per_cpu['bare']:.2f})"
        )


if __name__ == "__main__":
    main()
