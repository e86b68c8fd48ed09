"""One-time codes: kept hashed, wrong and expired codes, the sixth try, the resend cooldown, the
limits per contact, per address and per day, and sends that run as jobs."""

import time

import pytest
from sqlalchemy import func, select

from backend.accounts.code_messages import code_message
from backend.accounts.models import CodePurpose, OneTimeCode
from backend.accounts.one_time_codes import forget_old_codes
from backend.extensions import db

from ..factories import PASSWORD, auth_headers, error_shape, make_user

RESET = "/api/v1/auth/password-reset"
CONFIRM = "/api/v1/auth/password-reset/confirm"
NEW_PASSWORD = "sandi-baru-yang-kuat"


def ask(client, login, **fields):
    return client.post(RESET, json={"login": login} | fields)


def confirm(client, login, code):
    return client.post(CONFIRM, json={"login": login, "code": code, "new_password": NEW_PASSWORD})


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_a_code_is_kept_only_as_a_hash(app, client, mailbox):
    user = make_user()
    ask(client, user.email)
    code = mailbox.code_for(user.email)

    row = db.session.scalar(select(OneTimeCode))
    assert len(row.code_hash) == 64
    assert all(code not in str(value) for value in (row.code_hash, row.target, row.payload))


def test_a_wrong_code_is_refused_and_the_right_one_still_works(client, mailbox):
    user = make_user()
    ask(client, user.email)
    code = mailbox.code_for(user.email)

    body = error_shape(confirm(client, user.email, wrong(code)), 422)
    assert body["errors"] == {
        "code": ["Kode salah atau sudah kedaluwarsa. Periksa kembali, atau minta kode baru."]
    }
    assert confirm(client, user.email, code).status_code == 200
    error_shape(confirm(client, user.email, code), 422)  # used once only


def test_a_code_expires_after_ten_minutes(client, mailbox, clock):
    user = make_user()
    ask(client, user.email)
    code = mailbox.code_for(user.email)

    clock.advance(601)

    error_shape(confirm(client, user.email, code), 422)


def test_the_sixth_try_is_refused_even_with_the_right_code(client, mailbox):
    user = make_user()
    ask(client, user.email)
    code = mailbox.code_for(user.email)
    for _ in range(4):
        error_shape(confirm(client, user.email, wrong(code)), 422)

    fifth = error_shape(confirm(client, user.email, wrong(code)), 422)
    sixth = error_shape(confirm(client, user.email, code), 422)

    too_many = ["Kode ini sudah terlalu sering dicoba. Minta kode baru."]
    assert fifth["errors"]["code"] == too_many and sixth["errors"]["code"] == too_many


def test_a_new_code_waits_for_the_cooldown_and_replaces_the_old_one(client, mailbox, clock):
    user = make_user()
    ask(client, user.email, locale="en")
    first = mailbox.code_for(user.email)

    refused = ask(client, user.email)
    assert error_shape(refused, 429)["message"].startswith("Kode baru saja dikirim. Silakan tunggu 60 detik")
    assert refused.headers["Retry-After"] == "60"
    clock.advance(30)
    assert ask(client, user.email).headers["Retry-After"] == "30"
    assert len(mailbox.to(user.email)) == 1

    clock.advance(30)
    assert ask(client, user.email).status_code == 202
    second = mailbox.code_for(user.email, number=2)

    if first != second:  # one chance in a million that they are the same
        error_shape(confirm(client, user.email, first), 422)
    assert confirm(client, user.email, second).status_code == 200


def test_a_contact_gets_at_most_the_daily_number_of_codes(app, client, mailbox, clock, monkeypatch):
    monkeypatch.setitem(app.config, "OTP_MAX_PER_CONTACT_PER_DAY", 3)
    user = make_user()
    for _ in range(3):
        assert ask(client, user.email).status_code == 202
        clock.advance(61)

    refused = ask(client, user.email, locale="en")

    body = error_shape(refused, 429)
    assert "Terlalu banyak kode dikirim ke kontak ini hari ini" in body["message"]
    clock.advance(24 * 3600 - 3 * 61 + 1)
    assert ask(client, user.email).status_code == 202


def test_one_address_asking_for_many_contacts_is_limited(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_CODE_SENDS", "3 per hour")
    for number in range(3):
        assert ask(client, f"orang{number}@contoh.id").status_code == 202

    error_shape(ask(client, "orang9@contoh.id"), 429)
    other = client.post(RESET, json={"login": "orang9@contoh.id"}, environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 202


def test_the_citys_daily_sms_budget_stops_phone_codes_but_not_mail(
    app, client, gateway, mailbox, monkeypatch
):
    monkeypatch.setitem(app.config, "OTP_MAX_PHONE_MESSAGES_PER_DAY", 1)
    first, second = make_user(phone="+6281211110001"), make_user(phone="+6281211110002")
    assert ask(client, first.phone).status_code == 202
    gateway.code_for(first.phone)
    app.extensions["jobs"].wait_idle()

    body = error_shape(ask(client, second.phone, channel="whatsapp"), 503)
    assert "SMS atau WhatsApp" in body["message"]
    assert ask(client, second.email).status_code == 202


@pytest.mark.parametrize("channel", ["sms", "whatsapp"])
def test_phone_codes_go_through_the_gateway_with_its_token(client, gateway, channel):
    user = make_user(phone="+6281234567890")

    response = ask(client, "0812-3456-7890", channel=channel)

    assert response.get_json()["channel"] == channel
    code = gateway.code_for("+6281234567890")
    request = gateway.received[-1]
    assert request["authorization"] == "Bearer rahasia-gateway"
    assert request["body"]["channel"] == channel and request["body"]["reference"]
    assert confirm(client, user.phone, code).status_code == 200


def test_a_slow_gateway_does_not_hold_the_request(app, client, gateway):
    gateway.delay = 2.0
    user = make_user(phone="+6281234567890")

    started = time.perf_counter()
    response = ask(client, user.phone)
    took = time.perf_counter() - started

    assert response.status_code == 202 and took < 1.0
    assert gateway.received == []
    assert app.extensions["jobs"].wait_idle(10)
    assert len(gateway.to(user.phone)) == 1
    assert db.session.scalar(select(OneTimeCode.sent_at)) is not None


def test_a_gateway_that_cannot_be_reached_leaves_the_code_unsent(app, client, monkeypatch, caplog):
    monkeypatch.setitem(app.config, "OTP_GATEWAY_URL", "http://127.0.0.1:9/send")
    user = make_user(phone="+6281234567890")

    assert ask(client, user.phone).status_code == 202
    app.extensions["jobs"].wait_idle(10)

    assert "Job backend.accounts.one_time_codes.deliver failed" in caplog.text
    db.session.rollback()
    assert db.session.scalar(select(OneTimeCode.sent_at)) is None


def test_without_mail_or_gateway_the_code_goes_to_the_log_in_development(app, client, caplog):
    user = make_user()

    ask(client, user.email)
    app.extensions["jobs"].wait_idle()

    assert f"[email to {user.email}]" in caplog.text
    assert "Kode atur ulang kata sandi SatuPintu" in caplog.text


@pytest.mark.parametrize("purpose", list(CodePurpose))
@pytest.mark.parametrize("locale", ["id", "en"])
def test_every_code_message_fits_one_sms(purpose, locale):
    subject, text = code_message(purpose, locale, "123456", 10)
    assert subject and "123456" in text and len(text) <= 160


def test_codes_are_forgotten_after_two_days(app, client, clock):
    ask(client, "siapa@contoh.id")
    clock.advance(2 * 24 * 3600 + 1)
    ask(client, "lain@contoh.id")

    forget_old_codes()

    assert db.session.scalars(select(OneTimeCode.target)).all() == ["email:lain@contoh.id"]


def test_a_deleted_account_leaves_no_code_naming_its_contacts(app, client, mailbox):
    user = make_user(email="pergi@contoh.id")
    headers = auth_headers(user)
    ask(client, user.email)
    client.patch("/api/v1/me", json={"phone": "081234567890"}, headers=headers)
    app.extensions["jobs"].wait_idle()

    assert client.delete("/api/v1/me", json={"password": PASSWORD}, headers=headers).status_code == 204

    assert db.session.scalar(select(func.count()).select_from(OneTimeCode)) == 0
