"""One-time codes in Chromium: "Lupa kata sandi" end to end (the code read from the mail the app
sent), registration verified by its code, and signing in with a code alone."""

from playwright.sync_api import expect
from sqlalchemy import select

from backend.accounts.models import User
from backend.extensions import db

from ..factories import PASSWORD, auth_headers
from .helpers import assert_accessible, fill_sign_up, log_in_by_api
from .test_tap_targets import MINIMUM, PHONE, small_targets

NEW_PASSWORD = "teluk-balikpapan-2027"


def code_field(page):
    field = page.get_by_label("Kode 6 angka")
    expect(field).to_have_attribute("autocomplete", "one-time-code")
    expect(field).to_have_attribute("inputmode", "numeric")
    return field


def test_a_forgotten_password_is_reset_with_the_mailed_code_and_other_logins_end(
    page, app, client, resident, live_mailbox
):
    page.set_viewport_size(PHONE)
    other_device = auth_headers(resident)
    page.goto("/masuk")
    page.get_by_role("link", name="Lupa kata sandi?").click()
    expect(page.get_by_role("heading", name="Lupa kata sandi")).to_be_visible()
    page.get_by_label("Email atau nomor HP").fill(resident.email)
    page.get_by_role("button", name="Kirim kode").click()

    code = live_mailbox.code_for(resident.email)
    field = code_field(page)
    expect(page.get_by_role("button", name="Kirim ulang dalam")).to_be_disabled()
    assert_accessible(page)
    assert small_targets(page) == []
    field.fill(f"{code[:3]} {code[3:]}")  # pasted as the mail shows it, with a space
    expect(field).to_have_value(code)
    page.get_by_label("Kata sandi baru").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Simpan kata sandi baru").click()

    expect(page.get_by_role("heading", name="Halo, Siti Warga")).to_be_visible()
    db.session.rollback()  # see what the live server committed
    assert client.get("/api/v1/me", headers=other_device).status_code == 401
    wrong = client.post("/api/v1/auth/login", json={"login": resident.email, "password": PASSWORD})
    assert wrong.status_code == 401
    right = client.post("/api/v1/auth/login", json={"login": resident.email, "password": NEW_PASSWORD})
    assert right.status_code == 200


def test_a_wrong_code_is_told_next_to_the_field(page, resident, live_mailbox):
    page.goto("/lupa-sandi")
    page.get_by_label("Email atau nomor HP").fill(resident.email)
    page.get_by_role("button", name="Kirim kode").click()
    code = live_mailbox.code_for(resident.email)
    code_field(page).fill(f"{(int(code) + 1) % 10**6:06d}")
    page.get_by_label("Kata sandi baru").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    expect(page.get_by_role("alert")).to_contain_text("Kode salah atau sudah kedaluwarsa")


def test_registration_asks_for_the_code_then_logs_in(page, app, live_mailbox):
    fill_sign_up(page)
    page.get_by_label("Saya telah membaca dan menyetujui Pemberitahuan Privasi").check()
    page.get_by_role("button", name="Daftar").click()

    expect(page.get_by_text("Kami mengirim kode ke budi@contoh.id lewat email")).to_be_visible()
    assert db.session.scalar(select(User.id).where(User.email == "budi@contoh.id")) is None
    assert_accessible(page)
    code_field(page).fill(live_mailbox.code_for("budi@contoh.id"))
    page.get_by_role("button", name="Verifikasi").click()

    expect(page.get_by_role("heading", name="Halo, Budi Warga")).to_be_visible()
    db.session.rollback()
    assert db.session.scalar(select(User.name).where(User.email == "budi@contoh.id")) == "Budi Warga"


def test_a_resident_signs_in_with_a_code_in_english(page, resident, live_mailbox):
    page.goto("/akun")
    page.get_by_label("English").check()
    page.goto("/masuk")
    page.get_by_role("link", name="Sign in with a code").click()
    expect(page.get_by_role("heading", name="Sign in with a code")).to_be_visible()
    page.get_by_label("Email or phone number").fill(resident.email)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/auth/code")) as sent:
        page.get_by_role("button", name="Send code").click()
    assert sent.value.status == 202, sent.value.text()
    page.get_by_label("6-digit code").fill(live_mailbox.code_for(resident.email))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_function("localStorage.getItem('satupintu.user') !== null")
    box = page.get_by_role("link", name="Account", exact=True).bounding_box()
    assert box["height"] >= MINIMUM


def test_a_new_email_is_confirmed_from_the_banner_on_akun(page, resident, live_mailbox):
    log_in_by_api(page, resident)
    page.goto("/akun")
    page.get_by_label("Email", exact=True).fill("baru@contoh.id")
    page.get_by_role("button", name="Simpan profil").click()

    banner = page.get_by_role("form", name="Verifikasi email baru Anda")
    expect(banner).to_be_visible()
    expect(page.get_by_label("Email", exact=True)).to_have_value(resident.email)
    assert_accessible(page)
    code_field(page).fill(live_mailbox.code_for("baru@contoh.id"))
    banner.get_by_role("button", name="Verifikasi").click()

    expect(banner).to_have_count(0)
    expect(page.get_by_label("Email", exact=True)).to_have_value("baru@contoh.id")
