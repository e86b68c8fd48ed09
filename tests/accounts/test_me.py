"""Own profile, password change and account deletion."""

from backend.accounts.models import User
from backend.extensions import db

from ..factories import PASSWORD, PRIVACY_VERSION, auth_headers, error_shape, make_user
from .code_servers import CODE

ME = "/api/v1/me"
LOGIN = "/api/v1/auth/login"


def test_resident_updates_own_profile_and_a_new_phone_waits_for_its_code(client, resident, gateway):
    headers = auth_headers(resident)
    response = client.patch(
        ME, json={"name": "Siti Aminah", "phone": "0813 1111 2222", "locale": "en"}, headers=headers
    )
    assert response.status_code == 200
    body = response.get_json()
    assert (body["name"], body["phone"], body["locale"]) == ("Siti Aminah", None, "en")
    assert body["pending_phone"] == "+6281311112222"

    code = gateway.code_for("+6281311112222")
    confirmed = client.post(
        f"{ME}/contact/confirm", json={"login": "0813 1111 2222", "code": code}, headers=headers
    )

    assert confirmed.status_code == 200
    assert (confirmed.get_json()["phone"], confirmed.get_json()["pending_phone"]) == ("+6281311112222", None)


def test_profile_update_refuses_bad_values(client, resident):
    body = error_shape(
        client.patch(ME, json={"phone": "999", "locale": "xx"}, headers=auth_headers(resident)), 422
    )
    assert set(body["errors"]) == {"phone", "locale"}


def test_profile_update_refuses_removing_the_last_contact(client):
    user = make_user(phone=None)
    body = error_shape(client.patch(ME, json={"email": None}, headers=auth_headers(user)), 422)
    assert "email" in body["errors"]


def test_another_persons_email_is_never_confirmed_and_its_owner_is_told(client, resident, mailbox):
    make_user(email="lain@contoh.id")
    headers = auth_headers(resident)
    response = client.patch(ME, json={"email": "LAIN@contoh.id"}, headers=headers)
    assert response.status_code == 200
    assert response.get_json()["pending_email"] == "lain@contoh.id"

    note = mailbox.last_to("lain@contoh.id").get_content()
    assert "akun SatuPintu lain" in note and not CODE.search(note)
    for guess in ("000000", "123456"):
        error_shape(
            client.post(
                f"{ME}/contact/confirm", json={"login": "lain@contoh.id", "code": guess}, headers=headers
            ),
            422,
        )
    assert db.session.get(User, resident.id).email == resident.email


def test_role_cannot_be_changed_through_profile(client, resident):
    body = error_shape(client.patch(ME, json={"role": "admin"}, headers=auth_headers(resident)), 422)
    assert "role" in body["errors"]
    assert db.session.get(User, resident.id).role == "resident"


def test_password_change_revokes_other_logins_and_gives_new_tokens(client, resident):
    old_login = auth_headers(resident)
    response = client.post(
        f"{ME}/password",
        json={"current_password": PASSWORD, "new_password": "sandi-baru-yang-kuat"},
        headers=old_login,
    )
    assert response.status_code == 200
    new_access = response.get_json()["access_token"]
    error_shape(client.get(ME, headers=old_login), 401)
    assert client.get(ME, headers={"Authorization": f"Bearer {new_access}"}).status_code == 200
    error_shape(client.post(LOGIN, json={"login": resident.email, "password": PASSWORD}), 401)
    assert (
        client.post(LOGIN, json={"login": resident.email, "password": "sandi-baru-yang-kuat"}).status_code
        == 200
    )


def test_password_change_needs_the_current_password(client, resident):
    headers = auth_headers(resident)
    body = error_shape(
        client.post(
            f"{ME}/password",
            json={"current_password": "salah", "new_password": "sandi-baru-1"},
            headers=headers,
        ),
        422,
    )
    assert body["errors"] == {"current_password": ["Kata sandi saat ini salah."]}
    assert client.get(ME, headers=headers).status_code == 200


def test_password_change_refuses_a_weak_password(client, resident):
    body = error_shape(
        client.post(
            f"{ME}/password",
            json={"current_password": PASSWORD, "new_password": "123"},
            headers=auth_headers(resident),
        ),
        422,
    )
    assert "new_password" in body["errors"]


def test_delete_account_erases_personal_data(client, resident):
    headers = auth_headers(resident)
    response = client.delete(ME, json={"password": PASSWORD}, headers=headers)
    assert response.status_code == 204
    user = db.session.get(User, resident.id)
    db.session.refresh(user)
    assert (user.name, user.email, user.phone, user.is_active) == ("Pengguna terhapus", None, None, False)
    assert user.deleted_at is not None
    error_shape(client.get(ME, headers=headers), 401)
    error_shape(client.post(LOGIN, json={"login": "pengguna@contoh.id", "password": PASSWORD}), 401)


def test_delete_account_needs_the_password(client, resident):
    headers = auth_headers(resident)
    error_shape(client.delete(ME, json={"password": "salah"}, headers=headers), 422)
    error_shape(client.delete(ME, headers=headers), 422)
    assert client.get(ME, headers=headers).status_code == 200


def test_deleted_email_can_register_again(client, resident, mailbox):
    email = resident.email
    client.delete(ME, json={"password": PASSWORD}, headers=auth_headers(resident))
    response = client.post(
        "/api/v1/auth/register",
        json={"name": "Baru", "email": email, "password": "sandi-baru-9", "privacy_version": PRIVACY_VERSION},
    )
    assert response.status_code == 202
    code = mailbox.code_for(email)
    confirmed = client.post("/api/v1/auth/register/confirm", json={"login": email, "code": code})
    assert confirmed.status_code == 201
