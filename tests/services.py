"""Real servers for the tests that need them: Celery workers and beat on Redis, a Redis of the
test's own that it can stop and start again, and the app under gunicorn."""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import redis

from backend.extensions import db

SHARED_REDIS = "redis://127.0.0.1:6379/15"


def require_redis(url: str = SHARED_REDIS) -> None:
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        pytest.fail("This test needs Redis on 127.0.0.1:6379 (.ci/run starts it).")


def wait_until(predicate, seconds: float, message: str):
    """Poll `predicate` in a fresh transaction (to see what other processes committed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.session.rollback()
        if value := predicate():
            return value
        time.sleep(0.1)
    raise AssertionError(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own on a free port, to be stopped and started again."""

    def __init__(self, tmp_path):
        self.port, self.dir = free_port(), tmp_path
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> "RedisServer":
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.dir)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping()
                return self
            except redis.ConnectionError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def keys(self) -> list[str]:
        return [key.decode() for key in redis.Redis(port=self.port).keys()]


class Gunicorn:
    """The app under a real gunicorn, started as production starts it (gunicorn.conf.py), on a free
    port with the test configuration and database; its output (the app's JSON logs) in `log_path`."""

    def __init__(self, database_url: str, vapid_keys: dict, folder: Path, **environment: str):
        self.port, self.log_path = free_port(), folder / "gunicorn.log"
        self.environment = (
            os.environ
            | {
                "BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": "1",
                "SATUPINTU_ENV": "testing",
                "TEST_DATABASE_URL": database_url,
                "UPLOAD_DIR": str(folder),
                "VAPID_PRIVATE_KEY": vapid_keys["VAPID_PRIVATE_KEY"],
                "VAPID_PUBLIC_KEY": vapid_keys["VAPID_PUBLIC_KEY"],
            }
            | environment
        )
        self.process = None

    def start(self) -> "Gunicorn":
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                env=self.environment,
                cwd=Path(__file__).resolve().parent.parent,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while not self._answers():
            assert self.process.poll() is None and time.monotonic() < deadline, self.log_path.read_text()
            time.sleep(0.1)
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def workers(self) -> list[int]:
        """The worker processes' ids."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        return [int(pid) for pid in children.split()]

    def stop(self) -> None:
        """Stop as production does (SIGTERM, workers finish what they serve); killed if that takes
        longer than gunicorn's own graceful_timeout."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(35)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


class CeleryProcesses:
    """Celery workers (solo pool) and beat for one test, on their own queue; all killed at the end."""

    def __init__(self, settings: dict, environment: dict, tmp_path):
        self.settings, self.environment, self.tmp_path = settings, environment, tmp_path
        self.processes: list[subprocess.Popen] = []

    def _start(self, *arguments: str) -> subprocess.Popen:
        command = [sys.executable, "-m", "celery", "-A", "backend.worker", *arguments, "--loglevel=warning"]
        log = open(self.tmp_path / f"celery-{len(self.processes)}.log", "w")
        process = subprocess.Popen(command, env=self.environment, cwd=os.getcwd(), stderr=log, stdout=log)
        self.processes.append(process)
        return process

    def worker(self) -> subprocess.Popen:
        return self._start(
            "worker", "--pool=solo", "-Q", self.settings["JOB_QUEUE"],
            "--without-heartbeat", "--without-gossip", "--without-mingle",
        )  # fmt: skip

    def beat(self) -> subprocess.Popen:
        return self._start("beat", "-s", str(self.tmp_path / "beat-schedule"))

    def logs(self) -> str:
        return "".join(path.read_text() for path in sorted(self.tmp_path.glob("celery-*.log")))

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(10)


@pytest.fixture
def celery_setup(make_app, base_app, database_url, vapid_keys, tmp_path):
    """`start(broker=..., **settings)` builds an app whose jobs go to Celery on that broker and
    returns it with a CeleryProcesses to start its workers and beat with."""
    started = []

    def start(broker: str = SHARED_REDIS, **overrides):
        require_redis(SHARED_REDIS)
        settings = {
            "CELERY_BROKER_URL": broker,
            "JOB_QUEUE": f"satupintu-test-{uuid.uuid4().hex[:8]}",
            "JOB_VISIBILITY_TIMEOUT": 4,
            "JOB_TICK_SECONDS": 1,
        } | overrides
        environment = (
            os.environ
            | {key: str(value) for key, value in settings.items()}
            | {
                "SATUPINTU_ENV": "development",
                "DATABASE_URL": database_url,
                "VAPID_PRIVATE_KEY": vapid_keys["VAPID_PRIVATE_KEY"],
                "VAPID_PUBLIC_KEY": vapid_keys["VAPID_PUBLIC_KEY"],
                "VAPID_SUBJECT": vapid_keys["VAPID_SUBJECT"],
            }
        )
        processes = CeleryProcesses(settings, environment, tmp_path)
        started.append((processes, broker, settings["JOB_QUEUE"]))
        return make_app(**settings), processes

    yield start
    for processes, broker, queue in started:
        processes.stop()
        try:
            redis.Redis.from_url(broker, socket_connect_timeout=1).delete(queue)
        except redis.ConnectionError:
            pass
