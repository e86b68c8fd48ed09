"""UU PDP in Chromium: registration requires ticking the current privacy notice; Akun's consents
withdraw push (the account's subscriptions are gone at once and this browser unsubscribes); a newer
notice is offered on the next visit until accepted; a report's GPS pin asks for consent in place
without losing the form."""

import json

from playwright.sync_api import expect
from sqlalchemy import select

from backend.accounts.models import User
from backend.extensions import db
from backend.privacy.models import Consent
from backend.push.models import PushSubscription

from ..factories import PRIVACY_VERSION, auth_headers
from ..push.helpers import subscribe
from .helpers import assert_accessible, fill_sign_up, log_in_by_api, screenshot, use_my_location
from .test_account_codes import code_field
from .test_report_pin_place import TELAGA_SARI, to_location_step
from .test_report_steps import heading, next_step, open_report, stored_requests

NOTICE_BOX = "Saya telah membaca dan menyetujui Pemberitahuan Privasi versi"
# Headless Chromium reaches no real push service, so this browser's own subscription is a stand-in
# that notes being dropped: what the app does with it is what it does with a real one.
BROWSER_SUBSCRIPTION = """endpoint => {
    PushManager.prototype.getSubscription = async () => ({
        endpoint,
        unsubscribe: async () => { localStorage.setItem("test.unsubscribed", "yes"); return true; },
    });
}"""


def test_registration_requires_the_notice_box_and_records_its_version(page, app, live_mailbox):
    fill_sign_up(page)
    box = page.get_by_label(f"{NOTICE_BOX} {PRIVACY_VERSION}")
    expect(box).not_to_be_checked()

    page.get_by_role("button", name="Daftar").click()

    expect(page.get_by_role("alert")).to_have_text(
        "Centang persetujuan Pemberitahuan Privasi untuk mendaftar."
    )
    expect(box).to_have_attribute("aria-invalid", "true")
    assert live_mailbox.mails == []
    assert_accessible(page)
    box.check()
    page.get_by_role("button", name="Daftar").click()
    code_field(page).fill(live_mailbox.code_for("budi@contoh.id"))
    page.get_by_role("button", name="Verifikasi").click()
    expect(page.get_by_role("heading", name="Halo, Budi Warga")).to_be_visible()
    expect(page.get_by_role("region", name="Pemberitahuan Privasi baru")).to_have_count(0)
    db.session.rollback()
    user_id = db.session.scalar(select(User.id).where(User.email == "budi@contoh.id"))
    accepted = db.session.scalar(select(Consent).where(Consent.user_id == user_id))
    assert (accepted.purpose, accepted.notice_version) == ("privacy_notice", PRIVACY_VERSION)


def test_withdrawing_push_in_akun_removes_the_subscriptions_at_once_and_this_browsers(
    page, app, resident, push_service
):
    phone, this_browser = push_service.device(), push_service.device()
    for device in (phone, this_browser):
        subscribe(app.test_client(), device, headers=auth_headers(resident))
    page.add_init_script(f"({BROWSER_SUBSCRIPTION})({json.dumps(this_browser.endpoint)})")
    log_in_by_api(page, resident)
    page.goto("/akun")
    consents = page.get_by_role("region", name="Persetujuan")
    push = consents.get_by_role("switch", name="Notifikasi push")
    expect(push).to_be_checked()
    since = page.locator("#consent-push-since")
    expect(since).to_contain_text("Diberikan")
    expect(since).to_contain_text(f"versi {PRIVACY_VERSION}")
    assert_accessible(page)
    screenshot(page, "account-consents")

    push.uncheck()

    expect(since).to_contain_text("Ditarik")
    expect(push).not_to_be_checked()
    db.session.rollback()
    assert (
        db.session.scalars(select(PushSubscription).where(PushSubscription.user_id == resident.id)).all()
        == []
    )
    history = db.session.scalars(
        select(Consent.granted)
        .where(Consent.user_id == resident.id, Consent.purpose == "push")
        .order_by(Consent.id)
    ).all()
    assert history == [True, False]
    assert page.evaluate("localStorage.getItem('test.unsubscribed')") == "yes"


def test_location_consent_is_given_and_withdrawn_in_akun(page, app, resident):
    log_in_by_api(page, resident)
    page.goto("/akun")
    location = page.get_by_role("switch", name="Lokasi tepat (GPS) pada laporan")
    expect(location).not_to_be_checked()
    expect(page.locator("#consent-location-since")).to_contain_text("Belum pernah diberikan.")

    since = page.locator("#consent-location-since")
    location.check()
    expect(since).to_contain_text("Diberikan")
    location.uncheck()

    expect(since).to_contain_text("Ditarik")
    expect(location).not_to_be_checked()
    db.session.rollback()
    rows = db.session.scalars(
        select(Consent.granted).where(Consent.user_id == resident.id).order_by(Consent.id)
    )
    assert rows.all() == [True, False]


def test_a_newer_notice_is_offered_on_the_next_visit_until_accepted(page, app, resident):
    log_in_by_api(page, resident)
    page.goto("/")
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    page.wait_for_function("localStorage.getItem('satupintu.notice-version') !== null")
    page.reload()
    banner = page.get_by_role("region", name="Pemberitahuan Privasi baru")
    expect(banner).to_contain_text(f"versi {PRIVACY_VERSION}")
    assert_accessible(page)
    screenshot(page, "privacy-notice-banner")

    banner.get_by_role("button", name="Setuju").click()

    expect(banner).to_have_count(0)
    page.reload()
    expect(page.get_by_role("link", name="Laporkan")).to_be_visible()
    expect(banner).to_have_count(0)
    db.session.rollback()
    accepted = db.session.scalar(select(Consent.notice_version).where(Consent.user_id == resident.id))
    assert accepted == PRIVACY_VERSION


def test_a_gps_pin_asks_for_consent_in_place_and_the_report_keeps_it(
    page, browser, context, live_server, app
):
    context.set_geolocation(TELAGA_SARI)
    open_report(page, browser, live_server, permissions=["geolocation"])
    to_location_step(page)

    page.get_by_role("button", name="Gunakan lokasi saya").click()
    ask = page.get_by_role("group", name="Kirim lokasi tepat Anda?")
    expect(ask).to_be_visible()
    assert_accessible(page)
    ask.get_by_role("button", name="Tidak, pilih di peta").click()
    expect(ask).to_have_count(0)
    expect(page.get_by_text("Belum ada titik.")).to_be_visible()
    use_my_location(page)

    expect(page.get_by_text("Titik sudah ditandai di peta.")).to_be_visible()
    next_step(page, "Periksa dan kirim")
    expect(page.get_by_text("Besar (lebih dari 100 cm)")).to_be_visible()
    page.get_by_role("button", name="Kirim laporan").click()
    expect(heading(page, "Laporan terkirim")).to_be_visible()
    [stored] = stored_requests()
    db.session.rollback()
    consent = db.session.scalar(select(Consent))
    assert (consent.purpose, consent.granted, consent.user_id) == ("location", True, None)
    assert consent.request.code == stored["code"]
