"""Registration verified by a code, a second contact verified after, and a registration with a
contact that already has an account: the same answer, and a note to the owner instead of a code."""

from sqlalchemy import func, select

from backend.accounts.models import User
from backend.extensions import db

from ..factories import PASSWORD, PRIVACY_VERSION, error_shape, make_user
from .code_servers import CODE
from .test_recovery import assert_alike

REGISTER = "/api/v1/auth/register"
CONFIRM = "/api/v1/auth/register/confirm"
LOGIN = "/api/v1/auth/login"
ME = "/api/v1/me"


def registration(**fields) -> dict:
    return {
        "name": "Budi Santoso",
        "password": "jalan-berlubang-42",
        "privacy_version": PRIVACY_VERSION,
    } | fields


def users() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_no_account_exists_until_the_code_comes_back(client, mailbox):
    before = users()
    client.post(REGISTER, json=registration(email="budi@contoh.id"))
    code = mailbox.code_for("budi@contoh.id")

    assert users() == before
    error_shape(client.post(LOGIN, json={"login": "budi@contoh.id", "password": "jalan-berlubang-42"}), 401)
    error_shape(
        client.post(CONFIRM, json={"login": "budi@contoh.id", "code": f"{(int(code) + 1) % 10**6:06d}"}), 422
    )
    assert client.post(CONFIRM, json={"login": "budi@contoh.id", "code": code}).status_code == 201
    assert users() == before + 1
    assert (
        client.post(LOGIN, json={"login": "budi@contoh.id", "password": "jalan-berlubang-42"}).status_code
        == 200
    )


def test_a_phone_registration_is_verified_by_sms(client, gateway):
    response = client.post(REGISTER, json=registration(phone="0812 3456 7890", locale="en"))
    assert response.get_json()["channel"] == "sms"

    code = gateway.code_for("+6281234567890")
    assert gateway.to("+6281234567890")[0]["text"].startswith("Your SatuPintu registration code")
    confirmed = client.post(CONFIRM, json={"login": "+6281234567890", "code": code})
    assert confirmed.get_json()["user"]["phone"] == "+6281234567890"


def test_with_both_contacts_the_second_is_verified_once_the_account_exists(client, mailbox, gateway):
    client.post(REGISTER, json=registration(email="budi@contoh.id", phone="081234567890", channel="whatsapp"))
    assert mailbox.mails == []
    code = gateway.code_for("+6281234567890")

    confirmed = client.post(CONFIRM, json={"login": "081234567890", "code": code})

    assert confirmed.status_code == 201
    headers = {"Authorization": f"Bearer {confirmed.get_json()['access_token']}"}
    me = client.get(ME, headers=headers).get_json()
    assert (me["phone"], me["email"], me["pending_email"]) == ("+6281234567890", None, "budi@contoh.id")
    mail_code = mailbox.code_for("budi@contoh.id")
    verified = client.post(
        f"{ME}/contact/confirm", json={"login": "budi@contoh.id", "code": mail_code}, headers=headers
    )
    assert verified.get_json()["email"] == "budi@contoh.id"


def test_registering_a_registered_contact_answers_as_a_new_one_and_notes_the_owner(app, client, mailbox):
    owners = [make_user() for _ in range(5)]
    before = users()

    assert_alike(
        client,
        app,
        REGISTER,
        [owner.email.upper() for owner in owners],
        [f"baru{number}@contoh.id" for number in range(5)],
        body=registration(),
        login_field="email",
    )

    assert users() == before
    note = mailbox.last_to(owners[0].email)
    assert note["Subject"] == "Pendaftaran SatuPintu dengan kontak Anda"
    assert "Lupa kata sandi?" in note.get_content() and not CODE.search(note.get_content())
    assert CODE.search(mailbox.last_to("baru0@contoh.id").get_content())
    for guess in ("000000", "123456"):
        error_shape(client.post(CONFIRM, json={"login": owners[0].email, "code": guess}), 422)
    assert client.post(LOGIN, json={"login": owners[0].email, "password": PASSWORD}).status_code == 200


def test_a_code_for_another_purpose_does_not_register(client, mailbox):
    make_user(email="ada@contoh.id")
    client.post("/api/v1/auth/password-reset", json={"login": "ada@contoh.id"})
    code = mailbox.code_for("ada@contoh.id")
    error_shape(client.post(CONFIRM, json={"login": "ada@contoh.id", "code": code}), 422)


def test_a_pasted_code_with_spaces_is_accepted_and_letters_are_not(client, mailbox):
    client.post(REGISTER, json=registration(email="budi@contoh.id"))
    code = mailbox.code_for("budi@contoh.id")

    body = error_shape(client.post(CONFIRM, json={"login": "budi@contoh.id", "code": "12a456"}), 422)
    assert body["errors"] == {"code": ["Masukkan kode 6 angka."]}
    spaced = f" {code[:3]} {code[3:]} "
    assert client.post(CONFIRM, json={"login": "budi@contoh.id", "code": spaced}).status_code == 201


def test_a_pending_contact_shows_again_after_a_refresh(client, mailbox):
    user = make_user()
    login = client.post(LOGIN, json={"login": user.email, "password": PASSWORD})
    headers = {"Authorization": f"Bearer {login.get_json()['access_token']}"}
    client.patch(ME, json={"email": "baru@contoh.id"}, headers=headers)

    csrf = {"X-CSRF-TOKEN": client.get_cookie("csrf_refresh_token").value}
    refreshed = client.post("/api/v1/auth/refresh", headers=csrf)

    assert refreshed.get_json()["user"]["pending_email"] == "baru@contoh.id"
