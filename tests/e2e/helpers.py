"""Shared steps for the browser tests: accessibility checks with axe-core, screenshots, logging in
(through the login screen, or through the API where the screen is not what is tested)."""

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from playwright.sync_api import expect
from sqlalchemy import select

from backend.accounts.identifiers import login_identifier
from backend.accounts.models import User
from backend.extensions import db

from ..factories import PASSWORD, fresh_totp

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "pwa" / "node_modules" / "axe-core" / "axe.min.js"
T = TypeVar("T")
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", ROOT / "artefacts" / "screenshots"))


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Runs axe-core (the npm package) in the page; answers the violations of the given impacts."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE_SCRIPT.read_text())
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return [violation for violation in result if violation["impact"] in impacts]


LAYOUT_SHIFT_OBSERVER = """
window.layoutShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
}).observe({type: "layout-shift", buffered: true});
"""


def watch_layout_shift(page, latency_ms: int = 400) -> None:
    """Delays every answer by `latency_ms`, so that the API's answers arrive after the first paint as
    they do on a phone on mobile data, and sums the page's layout shifts (CLS, without those that
    follow the person's own input) into `window.layoutShift`. Call before the page's first goto."""
    page.add_init_script(LAYOUT_SHIFT_OBSERVER)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    conditions = {"offline": False, "latency": latency_ms, "downloadThroughput": -1, "uploadThroughput": -1}
    cdp.send("Network.emulateNetworkConditions", conditions)


def layout_shift(page) -> float:
    return page.evaluate("window.layoutShift")


def assert_accessible(page) -> None:
    # Markers fading in after a map zoom have, for a moment, the contrast of a half-drawn frame.
    expect(page.locator(".leaflet-cluster-anim, .leaflet-zoom-anim")).to_have_count(0)
    violations = axe_violations(page)
    assert violations == [], violations


def screenshot(page, name: str) -> Path:
    """A full-page screenshot in the ignored artefacts folder, for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def use_my_location(page) -> None:
    """ "Gunakan lokasi saya" on the report's location step, allowing the precise location to be sent
    when asked (the first time in a form, for anyone who has not consented in Akun)."""
    page.get_by_role("button", name="Gunakan lokasi saya").click()
    page.get_by_role("button", name="Izinkan").click()


def _account(login: str) -> User:
    kind, value = login_identifier(login)
    return db.session.scalar(select(User).where(getattr(User, kind) == value))


def log_in(page, login: str, password: str = PASSWORD) -> None:
    """Logs in through the login screen (with the second step of an account that has two-factor
    sign-in, such as the test admins and operators) and waits until the app has the session."""
    page.goto("/masuk")
    page.get_by_label("Email atau nomor HP").fill(login)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    account = _account(login)
    if account is not None:
        pass_second_step(page, account)
    page.wait_for_function("localStorage.getItem('satupintu.user') !== null")


def fill_sign_up(page) -> None:
    """The sign-up screen with Budi Warga's name, e-mail and password filled in; the privacy notice's
    box left for the test to tick."""
    page.goto("/daftar")
    page.get_by_label("Nama").fill("Budi Warga")
    page.get_by_label("Email atau nomor HP").fill("budi@contoh.id")
    page.get_by_label("Kata sandi").fill("teluk-balikpapan-2026")


def pass_second_step(page, user) -> None:
    """After the password on the login screen: the app's code, for an account with two-factor
    sign-in (the test admins and operators)."""
    if user.has_two_factor:
        page.get_by_label("Kode dari aplikasi autentikator").fill(fresh_totp(user))
        page.get_by_role("button", name="Verifikasi").click()


def log_in_by_api(page, user) -> None:
    """Logs in through the API the way the login screen does (the refresh cookie and the remembered
    user); the app trades the cookie for its access token on the next page it loads."""
    answer = page.request.post("/api/v1/auth/login", data={"login": user.email, "password": PASSWORD})
    assert answer.status == 200, answer.text()
    if "second_factor" in answer.json():
        second = {"token": answer.json()["second_factor"]["token"], "code": fresh_totp(user)}
        answer = page.request.post("/api/v1/auth/second-factor", data=second)
        assert answer.status == 200, answer.text()
    if not page.url.startswith("http"):
        page.goto("/")
    remember = "user => localStorage.setItem('satupintu.user', JSON.stringify(user))"
    page.evaluate(remember, answer.json()["user"])


def eventually(read: Callable[[], T], seconds: float = 10, page=None) -> T:
    """read()'s first true answer within `seconds`, else its last one. With a page, the pauses let
    Playwright deliver its events (route handlers) meanwhile."""
    deadline = time.monotonic() + seconds
    while not (answer := read()) and time.monotonic() < deadline:
        if page is None:
            time.sleep(0.1)
        else:
            page.wait_for_timeout(100)
    return answer


def _worker_session(page, origin: str):
    """A DevTools session on the page, and the id of the app's service-worker registration."""
    session = page.context.new_cdp_session(page)
    registrations = {}

    def note(event):
        for found in event["registrations"]:
            if found["scopeURL"].startswith(origin) and not found["isDeleted"]:
                registrations[found["registrationId"]] = found

    session.on("ServiceWorker.workerRegistrationUpdated", note)
    session.send("ServiceWorker.enable")
    assert eventually(lambda: registrations, 5, page), "no service worker registered"
    [registration] = registrations
    return session, registration


def deliver_push(page, origin: str, payload: dict) -> None:
    """Runs the worker's push handler with this payload, as the browser does for a real push."""
    session, registration = _worker_session(page, origin)
    session.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": origin, "registrationId": registration, "data": json.dumps(payload)},
    )


def dispatch_background_sync(page, origin: str, queue: str = "satupintu-outbox") -> None:
    """Fires the worker's background-sync event for a Workbox queue, as Chromium does on reconnection."""
    session, registration = _worker_session(page, origin)
    session.send(
        "ServiceWorker.dispatchSyncEvent",
        {
            "origin": origin,
            "registrationId": registration,
            "tag": f"workbox-background-sync:{queue}",
            "lastChance": False,
        },
    )


SHOWN_NOTIFICATIONS = """async () => {
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications();
    return shown.map((n) => [n.title, n.body, n.tag, n.data.url]);
}"""


def shown_notifications(page, seconds: float = 5) -> list:
    """The notifications the worker shows (title, body, tag, URL), once it shows any."""
    return eventually(lambda: page.evaluate(SHOWN_NOTIFICATIONS), seconds, page)
