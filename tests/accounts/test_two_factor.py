"""Two-factor sign-in with an authenticator app: setup, the second step of signing in, replays,
recovery codes, the setup-only session of a role that requires it, and an admin's reset."""

import pyotp
from sqlalchemy import select

from backend.accounts.models import LoginSession, TwoFactor
from backend.accounts.sessions import start_session
from backend.audit.models import AuditEntry
from backend.extensions import db
from backend.security import Role

from ..factories import PASSWORD, TOTP_SECRET, auth_headers, error_shape, fresh_totp, make_user

LOGIN = "/api/v1/auth/login"
SECOND = "/api/v1/auth/second-factor"
STATUS = "/api/v1/me/two-factor"
SETUP = "/api/v1/me/two-factor/setup"
CONFIRM = "/api/v1/me/two-factor/confirm"
USERS = "/api/v1/admin/users"


def totp_at(secret: str, clock, offset_steps: int = 0) -> str:
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(totp.timecode(clock.now) + offset_steps)


def audit_actions(target_id) -> list[str]:
    rows = db.session.scalars(
        select(AuditEntry).where(AuditEntry.target_id == str(target_id)).order_by(AuditEntry.id)
    )
    return [row.action for row in rows]


def challenge(client, user) -> str:
    answer = client.post(LOGIN, json={"login": user.email, "password": PASSWORD})
    assert answer.status_code == 200
    body = answer.get_json()
    assert set(body) == {"second_factor"}, "no session before the second step"
    return body["second_factor"]["token"]


def setup_only_headers(user) -> dict:
    return {"Authorization": f"Bearer {start_session(user, 'pytest').access_token}"}


def test_staff_set_it_up_with_one_code_and_then_sign_in_in_two_steps(client, clock):
    staff = make_user(role=Role.OPD_STAFF, opd_code="DPU")
    headers = auth_headers(staff)
    assert client.get(STATUS, headers=headers).get_json() == {
        "enabled": False,
        "required": False,
        "recovery_codes_left": 0,
    }
    setup = client.post(SETUP, headers=headers).get_json()
    assert setup["otpauth_uri"].startswith("otpauth://totp/SatuPintu:")
    assert setup["qr_svg"].startswith("<svg")
    wrong = error_shape(client.post(CONFIRM, json={"code": "000000"}, headers=headers), 422)
    assert "code" in wrong["errors"]

    confirmed = client.post(CONFIRM, json={"code": totp_at(setup["secret"], clock)}, headers=headers)
    assert confirmed.status_code == 200
    codes = confirmed.get_json()["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(STATUS, headers=headers).get_json()["enabled"] is True
    assert "two_factor.enabled" in audit_actions(staff.id)
    row = db.session.get(TwoFactor, staff.id)
    assert setup["secret"] not in row.secret_encrypted, "stored encrypted"
    error_shape(client.post(SETUP, headers=headers), 409)  # the secret is never shown again

    clock.advance(30)
    token = challenge(client, staff)
    signed_in = client.post(SECOND, json={"token": token, "code": totp_at(setup["secret"], clock)})
    assert signed_in.status_code == 200
    assert signed_in.get_json()["access_token"]
    assert signed_in.get_json()["user"]["two_factor_enabled"] is True


def test_the_same_code_is_refused_a_second_time_in_its_window(client, clock):
    admin = make_user(role=Role.ADMIN)
    code = totp_at(TOTP_SECRET, clock)
    assert client.post(SECOND, json={"token": challenge(client, admin), "code": code}).status_code == 200
    clock.advance(10)
    replay = error_shape(client.post(SECOND, json={"token": challenge(client, admin), "code": code}), 422)
    assert "code" in replay["errors"]
    next_step = totp_at(TOTP_SECRET, clock, 1)
    assert client.post(SECOND, json={"token": challenge(client, admin), "code": next_step}).status_code == 200


def test_a_recovery_code_works_once_and_is_audited(client, clock):
    staff = make_user(role=Role.OPD_STAFF, opd_code="DPU", two_factor_on=False)
    headers = auth_headers(staff)
    secret = client.post(SETUP, headers=headers).get_json()["secret"]
    codes = client.post(CONFIRM, json={"code": totp_at(secret, clock)}, headers=headers).get_json()[
        "recovery_codes"
    ]

    first = client.post(SECOND, json={"token": challenge(client, staff), "recovery_code": codes[0].upper()})
    assert first.status_code == 200
    again = client.post(SECOND, json={"token": challenge(client, staff), "recovery_code": codes[0]})
    assert "recovery_code" in error_shape(again, 422)["errors"]
    assert audit_actions(staff.id).count("two_factor.recovery_code_used") == 1
    assert client.get(STATUS, headers=auth_headers(staff)).get_json()["recovery_codes_left"] == 9


def test_a_challenge_expires_and_wrong_codes_are_slowed_down(client, clock):
    operator = make_user(role=Role.OPERATOR)
    token = challenge(client, operator)
    clock.advance(301)
    error_shape(client.post(SECOND, json={"token": token, "code": totp_at(TOTP_SECRET, clock)}), 401)
    error_shape(client.post(SECOND, json={"token": "tampered." + token, "code": "123456"}), 401)

    token = challenge(client, operator)
    answers = [client.post(SECOND, json={"token": token, "code": "000000"}).status_code for _ in range(6)]
    assert answers[0] == 422 and 429 in answers
    error_shape(client.post(SECOND, json={"token": token, "code": totp_at(TOTP_SECRET, clock)}), 429)


def test_an_admin_without_it_can_only_set_it_up(client, clock):
    admin = make_user(role=Role.ADMIN, two_factor_on=False)
    answer = client.post(LOGIN, json={"login": admin.email, "password": PASSWORD})
    body = answer.get_json()
    assert body["user"]["two_factor_required"] is True and body["user"]["two_factor_enabled"] is False
    headers = {"Authorization": f"Bearer {body['access_token']}"}

    refused = error_shape(client.get(USERS, headers=headers), 403)
    assert refused["message"] == "Atur verifikasi dua langkah terlebih dahulu: peran Anda mewajibkannya."
    error_shape(client.get("/api/v1/dashboard/summary", headers=headers), 403)
    assert client.get("/api/v1/me", headers=headers).status_code == 200

    secret = client.post(SETUP, headers=headers).get_json()["secret"]
    assert client.post(CONFIRM, json={"code": totp_at(secret, clock)}, headers=headers).status_code == 200
    assert client.get(USERS, headers=headers).status_code == 200, "this session passed the second factor"


def test_setting_it_up_ends_the_other_logins(client, clock):
    staff = make_user(role=Role.OPD_STAFF, opd_code="DPU")
    other, this = auth_headers(staff), auth_headers(staff)
    secret = client.post(SETUP, headers=this).get_json()["secret"]
    client.post(CONFIRM, json={"code": totp_at(secret, clock)}, headers=this)
    error_shape(client.get("/api/v1/me", headers=other), 401)
    assert client.get("/api/v1/me", headers=this).status_code == 200


def test_staff_may_turn_it_off_but_admins_may_not(client, clock):
    staff = make_user(role=Role.OPD_STAFF, opd_code="DPU", two_factor_on=True)
    error_shape(client.delete(STATUS, json={"password": "salah-sandi"}, headers=auth_headers(staff)), 422)
    assert client.delete(STATUS, json={"password": PASSWORD}, headers=auth_headers(staff)).status_code == 204
    assert "two_factor.disabled" in audit_actions(staff.id)
    assert "access_token" in client.post(LOGIN, json={"login": staff.email, "password": PASSWORD}).get_json()

    admin = make_user(role=Role.ADMIN)
    error_shape(client.delete(STATUS, json={"password": PASSWORD}, headers=auth_headers(admin)), 403)


def test_another_admin_resets_a_lost_phone_with_an_audit_row(client, clock):
    admin, operator = make_user(role=Role.ADMIN), make_user(role=Role.OPERATOR)
    operator_headers = auth_headers(operator)
    reset = client.post(f"{USERS}/{operator.id}/two-factor/reset", headers=auth_headers(admin))
    assert reset.status_code == 200
    assert reset.get_json()["two_factor_enabled"] is False
    error_shape(client.get("/api/v1/me", headers=operator_headers), 401)
    assert db.session.scalar(
        select(LoginSession).where(LoginSession.user_id == operator.id)
    ).revoked_reason == ("two_factor_reset")
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "two_factor.reset"))
    assert (entry.actor_id, entry.target_id) == (admin.id, str(operator.id))

    own = error_shape(client.post(f"{USERS}/{admin.id}/two-factor/reset", headers=auth_headers(admin)), 403)
    assert "admin lain" in own["message"]
    answer = client.post(LOGIN, json={"login": operator.email, "password": PASSWORD}).get_json()
    assert answer["user"]["two_factor_enabled"] is False, "the next sign-in sets it up again"


def test_privileged_sign_ins_are_audited_with_address_and_user_agent(client, clock):
    operator = make_user(role=Role.OPERATOR)
    token = challenge(client, operator)
    client.post(
        SECOND, json={"token": token, "code": fresh_totp(operator)}, headers={"User-Agent": "Uji/1.0"}
    )
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "auth.sign_in"))
    assert (entry.actor_id, entry.user_agent, entry.ip_address) == (operator.id, "Uji/1.0", "127.0.0.1")
    assert entry.details == {"method": "totp", "second_factor": True}

    resident = make_user()
    client.post(LOGIN, json={"login": resident.email, "password": PASSWORD})
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.actor_id == resident.id)) is None


def test_a_password_reset_does_not_skip_the_second_factor(client, mailbox, clock):
    admin = make_user(role=Role.ADMIN)
    client.post("/api/v1/auth/password-reset", json={"login": admin.email})
    code = mailbox.code_for(admin.email)
    answer = client.post(
        "/api/v1/auth/password-reset/confirm",
        json={"login": admin.email, "code": code, "new_password": "sandi-baru-yang-kuat"},
    )
    assert set(answer.get_json()) == {"second_factor"}
    token = answer.get_json()["second_factor"]["token"]
    assert client.post(SECOND, json={"token": token, "code": totp_at(TOTP_SECRET, clock)}).status_code == 200
