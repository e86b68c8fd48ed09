"""Register (with its code), login, refresh with rotation and reuse detection, logout."""

from datetime import timedelta

import pytest
from flask_jwt_extended import create_access_token, create_refresh_token, decode_token

from backend.accounts.models import LoginSession
from backend.extensions import db

from ..factories import PASSWORD, PRIVACY_VERSION, auth_headers, error_shape, make_user

REGISTER = "/api/v1/auth/register"
REGISTER_CONFIRM = "/api/v1/auth/register/confirm"
LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/me"


def register(client, **fields):
    body = {
        "name": "Budi Santoso",
        "email": "budi@contoh.id",
        "password": "jalan-berlubang-42",
        "privacy_version": PRIVACY_VERSION,
    } | fields
    return client.post(REGISTER, json={k: v for k, v in body.items() if v is not None})


def csrf(client) -> dict:
    return {"X-CSRF-TOKEN": client.get_cookie("csrf_refresh_token").value}


def refresh_cookie(client) -> str:
    return client.get_cookie("refresh_token_cookie", path="/api/v1/auth").value


def test_register_answers_where_the_code_went_and_the_code_logs_in(client, mailbox):
    response = register(client, email="Budi@Contoh.ID")
    assert response.status_code == 202
    assert response.get_json() == {
        "login": "budi@contoh.id",
        "channel": "email",
        "expires_in": 600,
        "resend_in": 60,
    }
    assert client.get_cookie("refresh_token_cookie", path="/api/v1/auth") is None

    code = mailbox.code_for("budi@contoh.id")
    response = client.post(REGISTER_CONFIRM, json={"login": "budi@contoh.id", "code": code})

    assert response.status_code == 201
    body = response.get_json()
    assert body["user"]["email"] == "budi@contoh.id"
    assert body["user"]["role"] == "resident"
    cookie = client.get_cookie("refresh_token_cookie", path="/api/v1/auth")
    assert cookie.http_only and cookie.same_site == "Strict"
    me = client.get(ME, headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200 and me.get_json()["name"] == "Budi Santoso"
    assert "password" not in me.get_json() and "password_hash" not in me.get_json()


@pytest.mark.parametrize(
    ("phone", "stored"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
    ],
)
def test_register_with_phone_normalises_to_e164(client, phone, stored):
    response = register(client, email=None, phone=phone)
    assert response.status_code == 202
    assert response.get_json()["login"] == stored
    assert response.get_json()["channel"] == "sms"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": None}, "name"),
        ({"password": None}, "password"),
        ({"email": None}, "email"),
        ({"email": "bukan-email"}, "email"),
        ({"email": None, "phone": "12345"}, "phone"),
        ({"email": None, "phone": "+1 202 555 0143"}, "phone"),
        ({"password": "pendek"}, "password"),
        ({"password": "12345678"}, "password"),
        ({"locale": "fr"}, "locale"),
    ],
)
def test_register_refuses_bad_input_with_field_errors(client, fields, field):
    body = error_shape(register(client, **fields), 422)
    assert field in body["errors"]


def test_errors_are_in_english_when_accept_language_prefers_it(client):
    response = client.post(REGISTER, json={"name": "B"}, headers={"Accept-Language": "en-US,en;q=0.9"})
    body = error_shape(response, 422)
    assert body["message"] == "Some fields are not valid."
    assert body["errors"]["password"] == ["Missing data for required field."]


def test_errors_are_in_indonesian_by_default(client):
    body = error_shape(client.post(REGISTER, json={"name": "B"}), 422)
    assert body["message"] == "Beberapa isian tidak valid."
    assert body["errors"]["password"] == ["Wajib diisi."]
    assert body["errors"]["name"] == ["Panjang harus antara 2 dan 120."]


@pytest.mark.parametrize("login", ["pengguna@contoh.id", "PENGGUNA@contoh.id", "0812 3456 7890"])
def test_login_by_email_or_phone(client, login):
    make_user(email="pengguna@contoh.id", phone="+6281234567890")
    response = client.post(LOGIN, json={"login": login, "password": PASSWORD})
    assert response.status_code == 200
    assert response.get_json()["access_token"]
    assert client.get_cookie("csrf_refresh_token") is not None


def test_login_does_not_reveal_whether_the_account_exists(client):
    make_user(email="ada@contoh.id")
    wrong_password = error_shape(
        client.post(LOGIN, json={"login": "ada@contoh.id", "password": "salah-123"}), 401
    )
    no_account = error_shape(
        client.post(LOGIN, json={"login": "tidak@contoh.id", "password": "salah-123"}), 401
    )
    assert wrong_password == no_account
    assert wrong_password["message"] == "Login atau kata sandi salah."


def test_login_refuses_missing_fields(client):
    body = error_shape(client.post(LOGIN, json={}), 422)
    assert set(body["errors"]) == {"login", "password"}


def test_login_refuses_a_body_that_is_not_json(client):
    error_shape(client.post(LOGIN, data="login=x", content_type="application/x-www-form-urlencoded"), 415)
    error_shape(client.post(LOGIN, data="{not json", content_type="application/json"), 400)


def test_deactivated_account_cannot_log_in(client):
    user = make_user(email="nonaktif@contoh.id")
    user.is_active = False
    db.session.commit()
    body = error_shape(client.post(LOGIN, json={"login": "nonaktif@contoh.id", "password": PASSWORD}), 403)
    assert body["message"] == "Akun ini telah dinonaktifkan."


def login(client, user_email="pengguna@contoh.id"):
    response = client.post(LOGIN, json={"login": user_email, "password": PASSWORD})
    assert response.status_code == 200
    return response.get_json()["access_token"]


def test_refresh_rotates_the_refresh_token(client):
    make_user(email="pengguna@contoh.id")
    login(client)
    first = refresh_cookie(client)
    response = client.post(REFRESH, headers=csrf(client))
    assert response.status_code == 200
    assert response.get_json()["access_token"]
    assert refresh_cookie(client) != first
    assert (
        client.get(ME, headers={"Authorization": f"Bearer {response.get_json()['access_token']}"}).status_code
        == 200
    )


def test_refresh_without_csrf_header_is_refused(client):
    make_user(email="pengguna@contoh.id")
    login(client)
    body = error_shape(client.post(REFRESH), 401)
    assert "Token keamanan" in body["message"]


def test_refresh_without_cookie_is_refused(client):
    error_shape(client.post(REFRESH), 401)


def test_reused_refresh_token_revokes_the_whole_login(client, clock):
    make_user(email="pengguna@contoh.id")
    access = login(client)
    stolen, stolen_csrf = refresh_cookie(client), csrf(client)
    assert client.post(REFRESH, headers=stolen_csrf).status_code == 200
    current, current_csrf = refresh_cookie(client), csrf(client)
    clock.advance(31)  # past the window in which a lost answer may be asked for again

    client.set_cookie("refresh_token_cookie", stolen, path="/api/v1/auth")
    body = error_shape(client.post(REFRESH, headers=stolen_csrf), 401)
    assert body["message"] == "Sesi Anda telah diakhiri. Silakan masuk kembali."

    client.set_cookie("refresh_token_cookie", current, path="/api/v1/auth")
    error_shape(client.post(REFRESH, headers=current_csrf), 401)
    error_shape(client.get(ME, headers={"Authorization": f"Bearer {access}"}), 401)
    assert db.session.query(LoginSession).one().revoked_reason == "reuse"


def test_a_refresh_whose_answer_was_lost_can_be_asked_again_soon_after(client, clock):
    """The page left mid-refresh: the server traded the token, the phone never got the new cookie."""
    make_user(email="pengguna@contoh.id")
    login(client)
    sent, sent_csrf = refresh_cookie(client), csrf(client)
    assert client.post(REFRESH, headers=sent_csrf).status_code == 200
    clock.advance(20)

    client.set_cookie("refresh_token_cookie", sent, path="/api/v1/auth")
    retried = client.post(REFRESH, headers=sent_csrf)
    assert retried.status_code == 200
    assert (
        client.get(ME, headers={"Authorization": f"Bearer {retried.get_json()['access_token']}"}).status_code
        == 200
    )
    assert client.post(REFRESH, headers=csrf(client)).status_code == 200
    assert db.session.query(LoginSession).one().revoked_at is None


def test_the_answer_lost_in_the_retry_window_ends_the_login_when_it_shows_up(client, clock):
    """A thief replaying the token traded last within the window gets a pair, but the owner's next
    refresh (with the token the thief's retry replaced) ends the login for both."""
    make_user(email="pengguna@contoh.id")
    login(client)
    stolen, stolen_csrf = refresh_cookie(client), csrf(client)
    assert client.post(REFRESH, headers=stolen_csrf).status_code == 200
    owners, owners_csrf = refresh_cookie(client), csrf(client)

    client.set_cookie("refresh_token_cookie", stolen, path="/api/v1/auth")
    assert client.post(REFRESH, headers=stolen_csrf).status_code == 200
    thiefs, thiefs_csrf = refresh_cookie(client), csrf(client)

    client.set_cookie("refresh_token_cookie", owners, path="/api/v1/auth")
    error_shape(client.post(REFRESH, headers=owners_csrf), 401)
    client.set_cookie("refresh_token_cookie", thiefs, path="/api/v1/auth")
    error_shape(client.post(REFRESH, headers=thiefs_csrf), 401)
    assert db.session.query(LoginSession).one().revoked_reason == "reuse"


def test_logout_revokes_the_login_and_its_access_token(client):
    make_user(email="pengguna@contoh.id")
    access = login(client)
    response = client.post(LOGOUT, headers=csrf(client))
    assert response.status_code == 204
    assert client.get_cookie("refresh_token_cookie", path="/api/v1/auth") is None
    error_shape(client.get(ME, headers={"Authorization": f"Bearer {access}"}), 401)


def test_logout_ends_only_that_login(client):
    user = make_user(email="pengguna@contoh.id")
    other_device = auth_headers(user)
    login(client)
    client.post(LOGOUT, headers=csrf(client))
    assert client.get(ME, headers=other_device).status_code == 200


def test_an_access_token_cannot_be_used_as_refresh_token(client):
    user = make_user()
    token = auth_headers(user)["Authorization"].split()[1]
    client.set_cookie("refresh_token_cookie", token, path="/api/v1/auth")
    error_shape(client.post(REFRESH, headers={"X-CSRF-TOKEN": "x"}), 401)


def expired_token(create_token) -> str:
    """A token made by `create_token` for a fresh user's live login, expired five seconds ago."""
    user = make_user()
    session = LoginSession(user=user, refresh_jti="unused")
    db.session.add(session)
    db.session.commit()
    return create_token(
        identity=user, expires_delta=timedelta(seconds=-5), additional_claims={"sid": session.id}
    )


def test_expired_access_token_is_refused_with_a_readable_message(client):
    token = expired_token(create_access_token)
    body = error_shape(client.get(ME, headers={"Authorization": f"Bearer {token}"}), 401)
    assert body["message"] == "Sesi Anda telah berakhir. Silakan masuk kembali."


@pytest.mark.parametrize(
    "header",
    ["Bearer not.a.token", "Bearer ", "Token abc", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."],
)
def test_malformed_tokens_are_refused(client, header):
    error_shape(client.get(ME, headers={"Authorization": header}), 401)


def test_tampered_access_token_is_refused(client):
    user = make_user()
    token = auth_headers(user)["Authorization"].split()[1]
    header, payload, signature = token.split(".")
    tampered = f"{header}.{payload}.{signature[:-4]}AAAA"
    body = error_shape(client.get(ME, headers={"Authorization": f"Bearer {tampered}"}), 401)
    assert body["message"] == "Sesi Anda tidak valid. Silakan masuk kembali."


def test_missing_token_is_refused(client):
    body = error_shape(client.get(ME), 401)
    assert body["message"] == "Silakan masuk terlebih dahulu."


def test_expired_refresh_token_is_refused(client):
    token = expired_token(create_refresh_token)
    client.set_cookie("refresh_token_cookie", token, path="/api/v1/auth")
    csrf_value = decode_token(token, allow_expired=True)["csrf"]
    body = error_shape(client.post(REFRESH, headers={"X-CSRF-TOKEN": csrf_value}), 401)
    assert body["message"] == "Sesi Anda telah berakhir. Silakan masuk kembali."
