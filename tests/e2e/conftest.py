"""Browser tests: Debian's Chromium driven by Playwright against the built PWA, served by the real
backend on a live port (../shared/TESTING.md)."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

# PWA_TEST_DIST lets parallel work test its own build without racing another build of pwa/dist.
DIST = Path(os.environ.get("PWA_TEST_DIST") or Path(__file__).resolve().parents[2] / "pwa" / "dist")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic"]


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (apt-get install -y chromium).")


@pytest.fixture(scope="session")
def live_server(make_app, base_app):
    """The app with the built PWA, served by a real HTTP server in a thread on a free port."""
    assert (DIST / "index.html").exists(), "Build the PWA first: make pwa"
    app = make_app(PWA_DIST_DIR=str(DIST))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def base_url(live_server):
    return live_server


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    _require_chromium()
    return browser_type_launch_args | {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, playwright):
    # Playwright evaluates test snippets with eval(), which the app's CSP rightly forbids.
    # Chromium here reports en-US; residents' phones are Indonesian, and so is the app by default.
    return browser_context_args | playwright.devices["Pixel 7"] | {"bypass_csp": True, "locale": "id-ID"}


@pytest.fixture
def persistent_context(playwright, tmp_path, live_server):
    """A persistent profile: installability is only judged outside incognito."""
    _require_chromium()
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        headless=True,
        bypass_csp=True,
        locale="id-ID",
        **{k: v for k, v in playwright.devices["Pixel 7"].items() if k != "default_browser_type"},
    )
    yield context
    context.close()
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def wait_for_service_worker(page) -> None:
    page.wait_for_function(
        "navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=20_000
    )
