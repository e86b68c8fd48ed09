"""Lighthouse 12.2.3 against the built PWA: prints the scores of the main resident screens.

Serves the production build with gunicorn over a throw-away SQLite database with the demo data,
then runs Lighthouse (mobile emulation, its default slow-4G throttling) once per page in Debian's
Chromium. Goal: performance >= 95, accessibility 100, best practices 100. Not a test: it prints.
`make lighthouse` installs Lighthouse (bench/lighthouse/) and builds the PWA first.
"""

import argparse
import gzip
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
DIST = Path(os.environ.get("PWA_DIST_DIR") or ROOT / "pwa" / "dist")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("/", "/berita", "/lapor", "/laporan", "/masuk")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(workdir: Path, port: int) -> subprocess.Popen:
    """gunicorn with the demo data in a fresh SQLite file, as `make run` does."""
    env = os.environ | {
        "FLASK_APP": "backend",
        "DATABASE_URL": f"sqlite:///{workdir / 'lighthouse.db'}",
        "UPLOAD_DIR": str(workdir / "uploads"),
        "PWA_DIST_DIR": str(DIST),
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
    }
    env.pop("CELERY_BROKER_URL", None)
    env.pop("REDIS_URL", None)
    for command in (["db", "upgrade"], ["seed", "--demo"]):
        subprocess.run([BIN / "flask", *command], env=env, cwd=ROOT, check=True, capture_output=True)  # noqa: S603
    server = subprocess.Popen(  # noqa: S603 (our own venv and arguments)
        [BIN / "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/city", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("the server did not start")


def audit(url: str, report: Path) -> dict[str, int]:
    subprocess.run(  # noqa: S603 (the pinned Lighthouse, our own URL)
        [LIGHTHOUSE, url, "--output=json", f"--output-path={report}", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"],
        env=os.environ | {"CHROME_PATH": "/usr/bin/chromium"},
        check=True,
    )  # fmt: skip
    result = json.loads(report.read_text())
    scores = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}
    failed = [
        audit_id
        for name in ("accessibility", "best-practices")
        for ref in result["categories"][name]["auditRefs"]
        if ref["weight"] and (result["audits"][(audit_id := ref["id"])]["score"] or 0) < 1
    ]
    metrics = result["audits"]
    scores["fcp_ms"] = round(metrics["first-contentful-paint"]["numericValue"])
    scores["lcp_ms"] = round(metrics["largest-contentful-paint"]["numericValue"])
    scores["tbt_ms"] = round(metrics["total-blocking-time"]["numericValue"])
    scores["cls"] = round(metrics["cumulative-layout-shift"]["numericValue"], 3)
    scores["failed"] = failed
    return scores


def initial_js_gzipped() -> int:
    html = (DIST / "index.html").read_text()
    paths = re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', html)
    return sum(len(gzip.compress((DIST / path).read_bytes(), 9)) for path in paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="*", default=list(PAGES), help="paths to audit")
    parser.add_argument("--reports", type=Path, help="keep each page's Lighthouse JSON report in this folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists() or not (DIST / "index.html").exists():
        sys.exit("run `make lighthouse` (installs Lighthouse and builds the PWA)")
    print(f"initial JS of the resident app: {initial_js_gzipped() / 1024:.1f} KB gzipped (budget 60 KB)")
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = serve(Path(tmp), port)
        try:
            header = ("page", "perf", "a11y", "best", "seo", "FCP ms", "LCP ms", "TBT ms", "CLS")
            print(f"{header[0]:<12} " + " ".join(f"{name:>{max(5, len(name))}}" for name in header[1:]))
            for page in args.pages:
                report = (args.reports or Path(tmp)) / f"{page.strip('/') or 'home'}.json"
                report.parent.mkdir(parents=True, exist_ok=True)
                s = audit(f"http://127.0.0.1:{port}{page}", report)
                print(
                    f"{page:<12} {s['performance']:>5} {s['accessibility']:>5} {s['best-practices']:>5} "
                    f"{s['seo']:>5} {s['fcp_ms']:>6} {s['lcp_ms']:>6} {s['tbt_ms']:>6} {s['cls']:>5}"
                    + (f"  failed: {', '.join(s['failed'])}" if s["failed"] else "")
                )
        finally:
            server.terminate()
            server.wait()
    print("goal: performance >= 95, accessibility 100, best practices 100")


if __name__ == "__main__":
    main()
