"""Worker recycling under load: gunicorn with the project's gunicorn.conf.py but a tiny max_requests,
so that its workers stop and are replaced over a dozen times while clients on kept-alive connections
keep asking. Every request is answered 200: a recycling worker finishes what it has in flight
(graceful_timeout) and answers a request already on its way over a kept-alive connection with
"Connection: close" rather than dropping it.

It serves a SQLite file of its own whichever database the rest of the suite runs on (marker `once`)."""

import os
import signal
import subprocess
import sys
import threading
from collections import Counter

import pytest
import requests

from ..services import free_port
from ..standalone import migrate_and_seed, sqlite_app_environment

pytestmark = pytest.mark.once

CLIENTS = 6
REQUESTS_EACH = 40
MAX_REQUESTS = 15
PATHS = ("/api/v1/services", "/api/v1/news", "/api/v1/kecamatan")


def _serve(tmp_path, port: int) -> subprocess.Popen:
    environment = (
        os.environ
        | sqlite_app_environment(tmp_path, "recycling.db")
        | {"BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "2"}
    )
    migrate_and_seed(environment)
    # The production settings but a tiny max_requests: every worker is replaced every few dozen requests.
    recycling = ["--max-requests", str(MAX_REQUESTS), "--max-requests-jitter", str(MAX_REQUESTS // 2)]
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", *recycling],
        env=environment,
        stdout=open(tmp_path / "gunicorn.log", "w"),
        stderr=subprocess.STDOUT,
    )


def _wait_for(base: str, server: subprocess.Popen) -> None:
    for _ in range(300):
        assert server.poll() is None, "gunicorn stopped"
        try:
            if requests.get(base + "/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still importing the app
            pass
        threading.Event().wait(0.1)
    raise AssertionError("gunicorn did not start")


def test_recycled_workers_answer_every_request_in_flight(tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(tmp_path, port)
    answers: Counter = Counter()
    lock = threading.Lock()

    def client(number: int) -> None:
        with requests.Session() as session:  # one kept-alive connection per client, as a phone has
            for count in range(REQUESTS_EACH):
                path = PATHS[(number + count) % len(PATHS)]
                try:
                    outcome = session.get(base + path, timeout=30).status_code
                except requests.RequestException as error:
                    outcome = type(error).__name__
                with lock:
                    answers[outcome] += 1

    try:
        _wait_for(base, server)
        clients = [threading.Thread(target=client, args=(number,)) for number in range(CLIENTS)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(60)
    log = (tmp_path / "gunicorn.log").read_text()
    recycled = log.count("Autorestarting worker")
    print(f"\nrecycling: {dict(answers)} over {recycled} worker restarts")
    assert answers == Counter({200: CLIENTS * REQUESTS_EACH})
    assert recycled >= CLIENTS * REQUESTS_EACH // (MAX_REQUESTS * 3 // 2) // 2  # about half the most possible
