"""`make run` prints the address it really serves on, read from BIND as gunicorn.conf.py reads it."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def address(bind: str | None) -> str:
    env = {key: value for key, value in os.environ.items() if key != "BIND"}
    if bind is not None:
        env["BIND"] = bind
    command = ["make", "-s", "address"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    ("bind", "url"),
    [
        (None, "http://127.0.0.1:8000"),
        ("127.0.0.1:8123", "http://127.0.0.1:8123"),
        ("0.0.0.0:8080", "http://127.0.0.1:8080"),
        ("[::]:9000", "http://[::1]:9000"),
        ("satupintu.local", "http://satupintu.local:8000"),
    ],
)
def test_make_run_prints_the_address_bind_gives(bind, url):
    printed = address(bind)
    assert f"SatuPintu: {url}  (API docs: {url}/api/docs)" in printed
    assert f"export SATUPINTU={url}" in printed.splitlines()
