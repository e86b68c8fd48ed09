"""Reusable steps for the report-flow tests (/lapor and the outbox): fill the form as a resident
would, log in through the API, read what reached the database. No tests live here."""

import re

from playwright.sync_api import expect
from sqlalchemy import select

from backend.extensions import db
from backend.service_requests.models import ServiceRequest, Support

from ..factories import jpeg
from .conftest import wait_for_service_worker
from .helpers import eventually, log_in_by_api


def open_report(page, browser, live_server, permissions=()) -> None:
    """/lapor with the worker in control (so it can keep a copy of an offline filing), no map tiles,
    and background sync denied. Chromium's offline emulation covers the page and the fetches it
    starts, not a sync event's own fetches: a sync fired while the test is "offline" would go
    through. So only the page sends, unless a test fires the sync itself (dispatch_background_sync)."""
    context = page.context
    if permissions:
        context.grant_permissions(list(permissions), origin=live_server)
    context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto("/lapor")
    wait_for_service_worker(page)
    target = context.new_cdp_session(page).send("Target.getTargetInfo")["targetInfo"]
    browser.new_browser_cdp_session().send(
        "Browser.setPermission",
        {
            "permission": {"name": "background-sync"},
            "setting": "denied",
            "origin": live_server,
            "browserContextId": target["browserContextId"],
        },
    )
    expect(page.get_by_label("Cari layanan")).to_be_visible()


def heading(page, name: str):
    return page.get_by_role("heading", name=name, exact=True)


def next_step(page, title: str) -> None:
    page.get_by_role("button", name="Lanjut", exact=True).click()
    expect(heading(page, title)).to_be_visible()


def choose_service(page, typed: str, name: str) -> None:
    page.get_by_label("Cari layanan").fill(typed)
    starts = re.escape(name).replace("/", r"\/")
    page.get_by_role("button", name=re.compile(f"^{starts}")).click()
    expect(heading(page, "Ceritakan masalahnya")).to_be_visible()


def add_photo(page, color: str = "orange") -> None:
    page.get_by_label("Pilih dari galeri").set_input_files(
        {"name": "lubang.jpg", "mimeType": "image/jpeg", "buffer": jpeg((900, 600), color)}
    )
    expect(page.get_by_role("img", name="Foto 1")).to_be_visible()


def choose_place(
    page,
    address: str = "Jl. Mulawarman depan SD 012",
    kecamatan="Balikpapan Utara",
    kelurahan="Gunungsamarinda",
) -> None:
    """The picker's kecamatan and kelurahan (by default those of the map's first pin, the city centre)."""
    page.get_by_label("Kecamatan", exact=True).select_option(label=kecamatan)
    page.get_by_label("Kelurahan", exact=True).select_option(label=kelurahan)
    page.get_by_label("Alamat atau patokan").fill(address)


def fill_pothole_report(page, with_photo: bool = True) -> None:
    """Jalan berlubang up to the review: the required size, a description, a photo, an address."""
    choose_service(page, "lubang", "Jalan Berlubang")
    page.get_by_label("Kecil (kurang dari 30 cm)").check()
    page.get_by_label("Keterangan").fill("Lubang di depan sekolah, motor sering terjatuh.")
    next_step(page, "Foto")
    if with_photo:
        add_photo(page)
    next_step(page, "Lokasi")
    choose_place(page)
    next_step(page, "Periksa dan kirim")


OUTBOX_ATTEMPTS = """() => new Promise((resolve, reject) => {
    const opening = indexedDB.open("satupintu-outbox");
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
        const reading = opening.result.transaction("entries").objectStore("entries").getAll();
        reading.onsuccess = () => resolve(reading.result.map((entry) => entry.attempts));
        reading.transaction.oncomplete = () => opening.result.close();
    };
})"""


SENDING = """async () => {
    const locks = await navigator.locks.query();
    return [...locks.held, ...locks.pending].some((lock) => lock.name === "satupintu-outbox");
}"""


def send_offline(page, context) -> None:
    """Sends the reviewed report without a network: it waits in the outbox, its tries failed, and no
    send is under way any more (a retry may have raced the first try)."""
    context.set_offline(True)
    page.get_by_role("button", name="Kirim laporan").click()
    expect(page.get_by_text("Menunggu koneksi")).to_be_visible()
    # Polled from here: page.wait_for_function stops at an async script's first answer, even false.
    tried = f"async () => (await ({OUTBOX_ATTEMPTS})()).some((n) => n >= 1)"
    assert eventually(lambda: page.evaluate(tried), 15, page), "the report was never tried"
    idle = f"async () => !(await ({SENDING})())"
    assert eventually(lambda: page.evaluate(idle), 15, page), "the report is still being sent"


# Opening a database that is not there yet would create an empty one and block the worker's own.
WORKER_COPIES = """async () => {
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes("workbox-background-sync")) return [];
    return new Promise((resolve, reject) => {
        const opening = indexedDB.open("workbox-background-sync");
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
            const db = opening.result;
            if (!db.objectStoreNames.contains("requests")) {
                db.close();
                return resolve([]);
            }
            const reading = db.transaction("requests").objectStore("requests").getAll();
            reading.onsuccess = () => resolve(reading.result.map((entry) => entry.requestData.headers));
            reading.transaction.oncomplete = () => db.close();
        };
    });
}"""


def worker_copies(page, seconds: float = 5) -> list[dict]:
    """The headers of the filings the worker keeps for background sync, once it keeps any."""
    return eventually(lambda: page.evaluate(WORKER_COPIES), seconds, page)


def close_app(page) -> None:
    """Leaves the app for a plain file of the same site: no app code runs any more (as if the app
    were closed), while the page keeps DevTools a way to the worker."""
    page.goto("/favicon.svg")


def log_in_here(page, user) -> None:
    """Logs in through the API and reloads this screen, which then holds the session's access token."""
    log_in_by_api(page, user)
    page.reload()
    page.wait_for_load_state("networkidle")


def stored_requests() -> list[dict]:
    """What reached the database, read fresh (the live server writes through its own session)."""
    db.session.rollback()
    rows = [
        {
            "code": row.code,
            "service": row.service.code,
            "reporter_id": row.reporter_id,
            "attributes": row.attribute_values,
            "lat": row.lat,
            "long": row.long,
            "kelurahan": row.kelurahan.code if row.kelurahan else None,
            "address": row.address,
            "photos": len(row.report_photos),
            "idempotency_key": row.idempotency_key,
        }
        for row in db.session.scalars(select(ServiceRequest).order_by(ServiceRequest.id))
    ]
    db.session.rollback()
    return rows


def supports_of(code: str) -> list[int]:
    db.session.rollback()
    users = list(
        db.session.scalars(select(Support.user_id).join(ServiceRequest).where(ServiceRequest.code == code))
    )
    db.session.rollback()
    return users
