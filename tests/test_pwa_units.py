"""The PWA's unit tests (pwa/tests/unit: node's test runner on the pure logic, such as what a
server's answer means for a report in the outbox, and times on the city's clocks) run with the suite."""

import re
import subprocess
from pathlib import Path

import pytest

PWA = Path(__file__).resolve().parents[1] / "pwa"

pytestmark = pytest.mark.once  # no database involved


def test_the_pwa_unit_tests_pass():
    run = subprocess.run(
        ["npm", "run", "--silent", "test:unit"], cwd=PWA, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    passed = int(re.search(r"^# pass (\d+)$", run.stdout, re.MULTILINE).group(1))
    assert passed >= 10 and re.search(r"^# fail 0$", run.stdout, re.MULTILINE)
