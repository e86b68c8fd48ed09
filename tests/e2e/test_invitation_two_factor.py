"""Staff invitations and two-factor sign-in in Chromium: an admin invites an operator on the admin
screen, the operator opens the mailed link, chooses a password, sets up the authenticator app (the
code computed here from the secret the screen shows) and reaches the command center; the next
sign-in asks for the code."""

import re

import pyotp
from playwright.sync_api import expect

from backend.database import utcnow

from ..factories import make_user
from .helpers import assert_accessible, log_in, log_in_by_api

LINK = re.compile(r"http://\S+/undangan#\S+")
PASSWORD = "pusat-komando-2027"


def current_code(secret: str, offset: int = 0) -> str:
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(totp.timecode(utcnow()) + offset)


def test_an_invited_operator_sets_a_password_and_two_factor_then_reaches_the_command_center(
    page, app, browser, browser_context_args, base_url, live_mailbox
):
    admin = make_user(role="admin")
    log_in_by_api(page, admin)
    page.goto("/admin/undangan")
    page.get_by_label("Nama").fill("Rina Operator Baru")
    page.get_by_label("E-mail").fill("rina@kominfo.contoh.id")
    page.get_by_label("Peran").select_option("operator")
    page.get_by_role("button", name="Kirim undangan").click()
    expect(page.get_by_role("status").filter(has_text="Undangan terkirim")).to_be_visible()
    expect(page.get_by_role("button", name="Batalkan undangan Rina Operator Baru")).to_be_visible()
    assert_accessible(page)

    link = LINK.search(live_mailbox.last_to("rina@kominfo.contoh.id").get_content())[0]
    invitee = browser.new_context(**(browser_context_args | {"base_url": base_url})).new_page()
    invitee.goto(link)
    expect(invitee.get_by_text("Halo Rina Operator Baru")).to_be_visible()
    assert_accessible(invitee)
    invitee.get_by_label("Kata sandi baru").fill(PASSWORD)
    invitee.get_by_role("button", name="Simpan kata sandi dan masuk").click()

    expect(invitee.get_by_role("heading", name="Verifikasi dua langkah")).to_be_visible()
    expect(invitee.get_by_role("img", name="Kode QR untuk aplikasi autentikator")).to_be_visible()
    secret = invitee.locator("#two-factor-secret").inner_text().replace(" ", "")
    field = invitee.get_by_label("Kode dari aplikasi autentikator")
    expect(field).to_have_attribute("autocomplete", "one-time-code")
    assert_accessible(invitee)
    field.fill(current_code(secret))
    invitee.get_by_role("button", name="Aktifkan").click()

    expect(invitee.locator("#recovery-codes li")).to_have_count(10)
    invitee.get_by_role("button", name="Sudah saya simpan, lanjutkan").click()
    expect(invitee).to_have_url(re.compile(r"/command"))
    expect(invitee.get_by_role("heading", name="Verifikasi dua langkah")).to_have_count(0)

    # Signing in again takes the password, then the next code of the app.
    invitee.context.clear_cookies()
    invitee.evaluate("localStorage.clear()")
    invitee.goto("/masuk")
    invitee.get_by_label("Email atau nomor HP").fill("rina@kominfo.contoh.id")
    invitee.get_by_label("Kata sandi").fill(PASSWORD)
    invitee.get_by_role("button", name="Masuk").click()
    invitee.get_by_label("Kode dari aplikasi autentikator").fill(current_code(secret, 1))
    invitee.get_by_role("button", name="Verifikasi").click()
    expect(invitee).to_have_url(re.compile(r"/command"))
    invitee.context.close()


def test_the_admins_helper_sign_in_passes_the_second_step(page, app):
    operator = make_user(role="operator")
    log_in(page, operator.email)
    expect(page).to_have_url(re.compile(r"/command"))
