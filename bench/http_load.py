"""The HTTP load client of the capacity benchmarks (public_reads.py, burst.py): aiohttp on one event
loop, keep-alive connections, bodies read but not decompressed (a phone's browser decompresses; the
client's CPU is better left to the servers on a small machine), and the gunicorn processes they drive.
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
# What a phone's Chromium sends: the app answers the compressed bytes it keeps beside each shared answer.
PHONE_HEADERS = {
    "Accept": "application/json",
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "Accept-Language": "id",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(env: dict, log: Path, *arguments: str) -> subprocess.Popen:
    """gunicorn with the project's gunicorn.conf.py (and `arguments`), answering on env["BIND"]."""
    command = [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), *arguments]
    with open(log, "w") as output:
        server = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command, env=os.environ | env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        _wait_for(server, env["BIND"], log)
    except BaseException:  # not answering, or the run interrupted meanwhile: leave no server behind
        stop(server)
        raise
    return server


def _wait_for(server: subprocess.Popen, bind: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start; see {log}")
        try:
            # As a load balancer that ends HTTPS asks (production redirects plain HTTP).
            probe = urllib.request.Request(f"http://{bind}/healthz", headers={"X-Forwarded-Proto": "https"})
            urllib.request.urlopen(probe, timeout=5)  # noqa: S310 (our own http URL)
            return
        except urllib.error.HTTPError:
            return  # it answers (the bare app has no /healthz)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within 60 s; see {log}")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def cpu_seconds(master: int) -> float:
    """CPU time (user and system) gunicorn's processes have used: the master's own and that of the
    workers it has reaped, and each live worker's. From /proc (Linux)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # a process that ended meanwhile
            continue
        if int(stat.parent.name) == master:
            total += sum(int(value) for value in fields[11:15])  # utime, stime, cutime, cstime
        elif int(fields[1]) == master:
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass
class Tally:
    """Answers counted over some seconds: latencies in seconds of those answered 2xx/3xx."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    requests: int = 0
    failures: dict[int, int] = field(default_factory=dict)

    def add(self, other: "Tally") -> None:
        self.seconds += other.seconds
        self.latencies += other.latencies
        self.errors += other.errors
        self.requests += other.requests
        for status, count in other.failures.items():
            self.failures[status] = self.failures.get(status, 0) + count

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def ms(self, share: float) -> float:
        return percentile(self.latencies, share) * 1000


def session(connections: int) -> aiohttp.ClientSession:
    connector = aiohttp.TCPConnector(limit=connections, force_close=False, ttl_dns_cache=None)
    timeout = aiohttp.ClientTimeout(total=30)
    # No cookie jar: many phones share the client's connections, each keeps its own cookies (if any).
    return aiohttp.ClientSession(
        connector=connector, timeout=timeout, auto_decompress=False, cookie_jar=aiohttp.DummyCookieJar()
    )


async def timed_request(
    client: aiohttp.ClientSession, tally: Tally, method: str, url: str, **kwargs
) -> tuple[int, bytes, dict]:
    """One request: its status (0 when no answer came), body and cookies set. Its latency goes to
    `tally` if it answered below 400, else it counts an error (by status in `tally.failures`)."""
    started = time.perf_counter()
    body, cookies = b"", {}
    try:
        async with client.request(method, url, **kwargs) as response:
            body = await response.read()
            status = response.status
            cookies = {name: morsel.value for name, morsel in response.cookies.items()}
    except (TimeoutError, aiohttp.ClientError):
        status = 0
    tally.requests += 1
    if 0 < status < 400:
        tally.latencies.append(time.perf_counter() - started)
    else:
        tally.errors += 1
        tally.failures[status] = tally.failures.get(status, 0) + 1
    return status, body, cookies


async def hammer(url: str, seconds: float, connections: int, headers: dict | None = None) -> Tally:
    """Closed loop: `connections` keep-alive connections each asking `url` again as soon as answered."""
    tally = Tally()
    async with session(connections) as client:
        deadline = time.perf_counter() + seconds

        async def loop() -> None:
            while time.perf_counter() < deadline:
                await timed_request(client, tally, "GET", url, headers=headers or PHONE_HEADERS)

        started = time.perf_counter()
        await asyncio.gather(*(loop() for _ in range(connections)))
        tally.seconds = time.perf_counter() - started
    return tally
