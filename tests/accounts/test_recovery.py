"""Forgotten password and sign-in by code: end to end through the API, and answers that tell
nothing about whether a login has an account."""

import statistics
import time

from sqlalchemy import func, select

from backend.accounts.models import LoginSession, OneTimeCode
from backend.extensions import db
from backend.security import Role

from ..factories import PASSWORD, auth_headers, error_shape, make_user

RESET = "/api/v1/auth/password-reset"
RESET_CONFIRM = "/api/v1/auth/password-reset/confirm"
CODE = "/api/v1/auth/code"
CODE_CONFIRM = "/api/v1/auth/code/confirm"
LOGIN = "/api/v1/auth/login"
ME = "/api/v1/me"
NEW_PASSWORD = "sandi-baru-yang-kuat"


def timed(send) -> tuple[object, float]:
    started = time.perf_counter()
    response = send()
    return response, time.perf_counter() - started


def assert_alike(client, app, path, existing: list[str], unknown: list[str], body=None, login_field="login"):
    """Existing and unknown logins get the same status and body (but for the login it repeats),
    and take about as long (medians within 20 ms plus half the slower)."""
    answers = {"existing": [], "unknown": []}
    for known, stranger in zip(existing, unknown, strict=True):
        for kind, login in (("existing", known), ("unknown", stranger)):
            response, took = timed(
                lambda login=login: client.post(path, json=(body or {}) | {login_field: login})
            )
            shape = response.get_json() | {"login": "…"}
            answers[kind].append((response.status_code, shape, took))
    app.extensions["jobs"].wait_idle()
    assert {(status, str(shape)) for status, shape, _ in answers["existing"]} == {
        (status, str(shape)) for status, shape, _ in answers["unknown"]
    }
    known_time = statistics.median(took for *_, took in answers["existing"])
    unknown_time = statistics.median(took for *_, took in answers["unknown"])
    assert abs(known_time - unknown_time) <= 0.02 + 0.5 * max(known_time, unknown_time)


def test_a_forgotten_password_is_reset_with_the_mailed_code_and_other_logins_end(client, mailbox):
    user = make_user(email="lupa@contoh.id")
    phone, laptop = auth_headers(user), auth_headers(user)

    asked = client.post(RESET, json={"login": "LUPA@contoh.id"})
    assert asked.status_code == 202
    mail = mailbox.last_to("lupa@contoh.id")
    assert mail["Subject"] == "Kode atur ulang kata sandi SatuPintu"
    code = mailbox.code_for("lupa@contoh.id")

    reset = client.post(
        RESET_CONFIRM, json={"login": "lupa@contoh.id", "code": code, "new_password": NEW_PASSWORD}
    )

    assert reset.status_code == 200
    for old in (phone, laptop):
        error_shape(client.get(ME, headers=old), 401)
    assert (
        client.get(ME, headers={"Authorization": f"Bearer {reset.get_json()['access_token']}"}).status_code
        == 200
    )
    error_shape(client.post(LOGIN, json={"login": user.email, "password": PASSWORD}), 401)
    assert client.post(LOGIN, json={"login": user.email, "password": NEW_PASSWORD}).status_code == 200
    revoked = db.session.scalar(
        select(func.count()).select_from(LoginSession).where(LoginSession.revoked_reason == "password_reset")
    )
    assert revoked == 2


def test_the_reset_mail_is_in_english_when_the_person_reads_english(client, mailbox):
    make_user(email="lupa@contoh.id").locale = "en"
    db.session.commit()
    client.post(RESET, json={"login": "lupa@contoh.id"})
    mail = mailbox.last_to("lupa@contoh.id")
    assert mail["Subject"] == "Your SatuPintu password reset code"
    assert "Valid for 10 minutes" in mail.get_content()


def test_a_weak_new_password_is_refused_without_spending_a_try(client, mailbox):
    user = make_user()
    client.post(RESET, json={"login": user.email})
    code = mailbox.code_for(user.email)

    body = error_shape(
        client.post(RESET_CONFIRM, json={"login": user.email, "code": code, "new_password": "123"}), 422
    )

    assert "new_password" in body["errors"]
    assert db.session.scalar(select(OneTimeCode.attempts)) == 0


def test_reset_answers_alike_for_existing_and_unknown_logins_and_mails_only_the_owner(app, client, mailbox):
    existing = [make_user().email for _ in range(5)]
    unknown = [f"tidak-ada{number}@contoh.id" for number in range(5)]

    assert_alike(client, app, RESET, existing, unknown)

    assert all(mailbox.to(email) for email in existing)
    assert not any(mailbox.to(email) for email in unknown)


def test_a_code_for_an_unknown_login_never_resets_anything(client):
    client.post(RESET, json={"login": "tidak-ada@contoh.id"})
    for guess in ("000000", "123456"):
        body = {"login": "tidak-ada@contoh.id", "code": guess, "new_password": NEW_PASSWORD}
        error_shape(client.post(RESET_CONFIRM, json=body), 422)


def test_a_resident_signs_in_with_a_code_alone(client, gateway):
    user = make_user(phone="+6281234567890")

    asked = client.post(CODE, json={"login": "0812 3456 7890", "channel": "whatsapp"})
    assert asked.status_code == 202
    code = gateway.code_for(user.phone)
    signed_in = client.post(CODE_CONFIRM, json={"login": "0812 3456 7890", "code": code})

    assert signed_in.status_code == 200
    assert signed_in.get_json()["user"]["id"] == user.id
    assert client.get_cookie("refresh_token_cookie", path="/api/v1/auth") is not None


def test_code_sign_in_answers_alike_for_existing_and_unknown_logins(app, client, mailbox):
    existing = [make_user().email for _ in range(5)]
    unknown = [f"asing{number}@contoh.id" for number in range(5)]
    assert_alike(client, app, CODE, existing, unknown)


def test_staff_and_closed_accounts_get_no_sign_in_code(app, client, mailbox):
    staff = make_user(role=Role.OPD_STAFF, opd_code="DPU")
    closed = make_user()
    closed.is_active = False
    db.session.commit()
    for person in (staff, closed):
        assert client.post(CODE, json={"login": person.email}).status_code == 202
    app.extensions["jobs"].wait_idle()
    assert mailbox.mails == []


def test_a_reset_lifts_the_delay_after_failed_logins(client, mailbox):
    user = make_user()
    for _ in range(6):
        client.post(LOGIN, json={"login": user.email, "password": "tebakan-salah"})
    error_shape(client.post(LOGIN, json={"login": user.email, "password": PASSWORD}), 429)

    client.post(RESET, json={"login": user.email})
    body = {"login": user.email, "code": mailbox.code_for(user.email), "new_password": NEW_PASSWORD}
    assert client.post(RESET_CONFIRM, json=body).status_code == 200

    assert client.post(LOGIN, json={"login": user.email, "password": NEW_PASSWORD}).status_code == 200
