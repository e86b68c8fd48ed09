"""Browser tests: Debian's Chromium driven by Playwright against the built PWA, served by the real
backend on a live port (../shared/TESTING.md)."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from ..accounts.code_servers import mail_server  # noqa: F401 (a session fixture)

# PWA_TEST_DIST lets parallel work test its own build without racing another build of pwa/dist.
DIST = Path(os.environ.get("PWA_TEST_DIST") or Path(__file__).resolve().parents[2] / "pwa" / "dist")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--disable-gpu", "--disable-quic"]


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs it (apt-get install -y chromium).")


class InFlight:
    """WSGI wrapper that counts the requests being answered, so a test can wait until none is."""

    def __init__(self, app):
        self.app = app
        self.active = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.active += 1
        result = self.app(environ, start_response)
        try:
            return list(result)
        finally:
            if hasattr(result, "close"):
                result.close()  # ends the request's app context, and with it its database session
            with self.changed:
                self.active -= 1
                self.changed.notify_all()

    def wait_idle(self, timeout: float = 15) -> None:
        with self.changed:
            self.changed.wait_for(lambda: self.active == 0, timeout)


SERVED = InFlight(None)


def pytest_collection_modifyitems(items):
    """The browser tests check the PWA, which is the same whichever database serves it: they are
    `once` tests (.ci/run runs them with the PostgreSQL pass only)."""
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.once)


@pytest.fixture(scope="session")
def live_server(make_app, base_app):
    """The app with the built PWA, served by a real HTTP server in a thread on a free port."""
    assert (DIST / "index.html").exists(), "Build the PWA first: make pwa"
    SERVED.app = make_app(PWA_DIST_DIR=str(DIST))
    server = make_server("127.0.0.1", 0, SERVED, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(autouse=True)
def _database_outlives_the_browser(request):
    """Tables are emptied only after the browser has closed and the live server has answered what it
    was still answering: emptying them under a request in flight deadlocks on PostgreSQL. (`app`,
    requested here, is set up before the page and so torn down after it and after this fixture.)"""
    if "app" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("app")
    yield
    SERVED.wait_idle()


@pytest.fixture
def live_mailbox(live_server, mail_server, monkeypatch):  # noqa: F811 (the imported fixture)
    """The live server sends its mail (one-time codes) to the test's SMTP server."""
    mail_server.mails.clear()
    for name, value in mail_server.config().items():
        monkeypatch.setitem(SERVED.app.config, name, value)
    return mail_server


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
