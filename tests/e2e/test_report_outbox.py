"""The offline outbox: a report filed without a connection waits on the phone, photo included, and
reaches the server exactly once when the connection returns — from the open page, from a new page,
or from the service worker alone; a refusal comes back as "needs fixing" and nothing is created."""

from playwright.sync_api import expect
from sqlalchemy import select

from backend.catalog.models import Service, ServiceAttribute
from backend.extensions import db

from ..factories import make_user
from .helpers import assert_accessible, dispatch_background_sync, eventually, screenshot
from .test_report_steps import (
    WORKER_COPIES,
    close_app,
    fill_pothole_report,
    heading,
    log_in_here,
    next_step,
    open_report,
    send_offline,
    stored_requests,
    worker_copies,
)

SENT = 15_000


def stored_soon() -> list[dict]:
    """The stored requests once there are any (nothing in a page to wait on while the app is closed)."""
    return eventually(stored_requests)


def file_offline_logged_in(page, browser, context, live_server):
    """A logged-in resident's report with a photo, filed without a network; answers the resident."""
    resident = make_user(name="Siti Warga")
    db.session.commit()
    open_report(page, browser, live_server)
    log_in_here(page, resident)
    fill_pothole_report(page)
    send_offline(page, context)
    return resident


def test_a_report_filed_offline_waits_then_arrives_once_with_its_photo(
    page, browser, context, live_server, app
):
    open_report(page, browser, live_server)
    fill_pothole_report(page)
    send_offline(page, context)
    assert_accessible(page)
    screenshot(page, "report-7-waiting")
    assert stored_requests() == []

    context.set_offline(False)
    expect(heading(page, "Laporan terkirim")).to_be_visible(timeout=SENT)
    [stored] = stored_requests()
    assert stored["service"] == "jalan-berlubang" and stored["photos"] == 1
    assert stored["attributes"] == {"ukuran_lubang": "kecil"} and stored["kelurahan"] == "64.71.03.1002"
    assert stored["reporter_id"] is None
    expect(page.get_by_text(stored["code"])).to_be_visible()
    # Anonymous: the secret tracking link, shown with this answer only.
    link = page.get_by_label("Tautan pelacakan Anda").input_value()
    assert f"/laporan/{stored['code']}?token=" in link
    # The worker still holds its copy of the failed send; replaying it now makes no second request.
    assert len(worker_copies(page)) == 1
    dispatch_background_sync(page, live_server)
    # The replay is answered asynchronously: wait until the worker has let go of its copy.
    assert eventually(lambda: page.evaluate(WORKER_COPIES) == [], page=page)
    assert len(stored_requests()) == 1


def test_a_whole_report_can_be_made_offline_after_one_visit(page, browser, context, live_server, app):
    open_report(page, browser, live_server)
    # Once through the worker, the catalogue and the place lists are in its cache.
    page.reload()
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    # Loaded under emulation, the page still believes navigator.onLine and will hear no "online"
    # event: the outbox's own retry sends the report (as on a phone whose network status lies).
    page.reload()
    fill_pothole_report(page)
    send_offline(page, context)

    context.set_offline(False)
    expect(heading(page, "Laporan terkirim")).to_be_visible(timeout=SENT)
    [stored] = stored_requests()
    assert (stored["kelurahan"], stored["photos"]) == ("64.71.03.1002", 1)


def test_a_waiting_report_is_sent_from_a_new_page_after_the_first_was_closed(
    page, browser, context, live_server, app
):
    resident = file_offline_logged_in(page, browser, context, live_server)
    page.close()

    later = context.new_page()
    later.goto("/lapor")
    expect(later.get_by_text("Menunggu koneksi")).to_be_visible()
    screenshot(later, "report-8-outbox-waiting")
    context.set_offline(False)
    expect(later.get_by_text("Terkirim", exact=True)).to_be_visible(timeout=SENT)
    [stored] = stored_requests()
    assert stored["reporter_id"] == resident.id and stored["photos"] == 1
    expect(later.get_by_role("link", name=stored["code"])).to_be_visible()


def test_background_sync_sends_a_waiting_report_while_the_app_is_closed(
    page, browser, context, live_server, app
):
    open_report(page, browser, live_server)
    fill_pothole_report(page)
    send_offline(page, context)
    assert len(worker_copies(page)) == 1
    close_app(page)

    context.set_offline(False)
    dispatch_background_sync(page, live_server)
    [stored] = stored_soon()
    assert stored["photos"] == 1

    page.goto("/lapor")
    # The worker wrote the answer back: the receipt waits with its secret tracking link.
    expect(page.get_by_role("link", name=stored["code"])).to_be_visible()
    assert "?token=" in page.get_by_label("Tautan pelacakan (rahasia)").input_value()
    assert len(stored_requests()) == 1


def test_background_sync_sends_a_logged_in_report_with_a_fresh_token(
    page, browser, context, live_server, app
):
    resident = file_offline_logged_in(page, browser, context, live_server)
    # The worker's copy keeps no access token: it would be dead (and a secret at rest) by replay time.
    [headers] = worker_copies(page)
    assert "idempotency-key" in headers and "authorization" not in headers
    close_app(page)

    context.set_offline(False)
    dispatch_background_sync(page, live_server)
    [stored] = stored_soon()
    assert stored["reporter_id"] == resident.id and stored["photos"] == 1


def require_the_number_of_potholes() -> None:
    """The city makes the number of potholes a required answer: a report without it is refused."""
    service = db.session.scalar(select(Service).where(Service.code == "jalan-berlubang"))
    attribute = db.session.scalar(
        select(ServiceAttribute).where(
            ServiceAttribute.service_id == service.id, ServiceAttribute.code == "jumlah_lubang"
        )
    )
    attribute.required = True
    db.session.commit()


def test_a_refused_report_comes_back_as_needing_a_fix_and_creates_nothing(
    page, browser, context, live_server, app
):
    open_report(page, browser, live_server)
    fill_pothole_report(page, with_photo=False)
    send_offline(page, context)
    require_the_number_of_potholes()

    context.set_offline(False)
    expect(page.get_by_text("Perlu diperbaiki")).to_be_visible(timeout=SENT)
    assert stored_requests() == []
    screenshot(page, "report-9-needs-fix")

    page.get_by_role("link", name="Perbaiki").click()
    expect(heading(page, "Ceritakan masalahnya")).to_be_visible()
    number = page.get_by_label("Jumlah lubang")
    expect(number).to_have_attribute("aria-invalid", "true")
    number.fill("3")
    next_step(page, "Foto")
    next_step(page, "Lokasi")
    next_step(page, "Periksa dan kirim")
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible(timeout=SENT)
    [stored] = stored_requests()
    assert stored["attributes"] == {"ukuran_lubang": "kecil", "jumlah_lubang": 3}
    page.goto("/lapor")
    expect(page.get_by_text("Perlu diperbaiki")).to_have_count(0)


# What the browser reports of each upload (the progress bar's source), recorded for the test to read.
UPLOAD_PROGRESS = """
const send = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function (body) {
  this.upload.addEventListener("progress", (event) => {
    (window.uploadProgress ||= []).push({loaded: event.loaded, total: event.total});
  });
  return send.call(this, body);
};
"""


def test_the_upload_shows_its_progress_and_a_refusal_after_leaving_the_form_waits_in_the_outbox(
    page, browser, context, live_server, app
):
    page.add_init_script(UPLOAD_PROGRESS)
    open_report(page, browser, live_server)
    fill_pothole_report(page)
    require_the_number_of_potholes()
    held = []
    context.route(
        "**/api/v1/requests",
        lambda route: held.append(route) if route.request.method == "POST" else route.fallback(),
    )
    page.get_by_role("button", name="Kirim laporan").click()
    expect(page.get_by_role("progressbar", name="Kemajuan unggahan")).to_be_visible()
    assert eventually(lambda: held, page=page)
    # The page uploads itself, past the service worker, which would hide the upload's progress.
    assert held[0].request.service_worker is None

    page.get_by_role(
        "link", name="Laporan saya", exact=True
    ).click()  # leaves the form while the upload is under way
    expect(page.get_by_role("heading", level=1, name="Laporan saya")).to_be_visible()
    context.unroute("**/api/v1/requests")
    held[0].continue_()
    expect(page.get_by_text("Perlu diperbaiki")).to_be_visible(timeout=SENT)
    assert stored_requests() == []
    progress = page.evaluate("window.uploadProgress")
    assert progress and progress[-1]["loaded"] == progress[-1]["total"] > 1000

    # It is in the outbox, not back in the /lapor form: "Perbaiki" opens it with the server's words.
    page.get_by_role("link", name="Lapor", exact=True).click()
    expect(heading(page, "Pilih layanan")).to_be_visible()
    expect(page.get_by_text("Perlu diperbaiki")).to_be_visible()
    page.get_by_role("link", name="Perbaiki").click()
    number = page.get_by_label("Jumlah lubang")
    expect(number).to_have_attribute("aria-invalid", "true")
    number.fill("2")
    next_step(page, "Foto")
    expect(page.get_by_role("img", name="Foto 1")).to_be_visible()
