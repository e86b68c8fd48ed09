"""The PWA build (both the app and the service worker) prints no deprecation warning."""

import re
import subprocess
from pathlib import Path

PWA = Path(__file__).resolve().parents[2] / "pwa"


def test_the_vite_build_prints_no_deprecation_warning(tmp_path):
    done = subprocess.run(
        ["npx", "vite", "build", "--outDir", str(tmp_path / "dist")],
        cwd=PWA,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Building src/sw/sw.ts service worker" in output  # the worker's own build ran and is checked too
    assert (tmp_path / "dist" / "sw.js").exists()
    assert not re.search(r"deprecat|WARN", output, re.IGNORECASE), output
