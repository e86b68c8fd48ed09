"""Registration records the privacy notice version accepted: the current one, or a clear 422."""

import pytest
from sqlalchemy import select

from backend.extensions import db
from backend.privacy.models import Consent

from ..factories import PRIVACY_VERSION, auth_headers, error_shape, make_user
from ..privacy.conftest import newer_notice  # noqa: F401 (fixture)

REGISTER = "/api/v1/auth/register"
CONFIRM = "/api/v1/auth/register/confirm"
ME = "/api/v1/me"
ACCEPT = "/api/v1/me/privacy-notice"


def registration(**fields) -> dict:
    body = {"name": "Budi Santoso", "email": "budi@contoh.id", "password": "jalan-berlubang-42"} | fields
    return {name: value for name, value in body.items() if value is not None}


def test_the_account_made_by_the_code_has_accepted_the_notice_version_sent(client, mailbox):
    assert client.post(REGISTER, json=registration(privacy_version=PRIVACY_VERSION)).status_code == 202
    code = mailbox.code_for("budi@contoh.id")

    confirmed = client.post(CONFIRM, json={"login": "budi@contoh.id", "code": code})

    assert confirmed.status_code == 201
    user = confirmed.get_json()["user"]
    assert user["privacy_version"] == PRIVACY_VERSION
    [row] = db.session.scalars(select(Consent)).all()
    assert (row.user_id, row.purpose, row.granted, row.notice_version) == (
        user["id"],
        "privacy_notice",
        True,
        PRIVACY_VERSION,
    )


def test_a_registration_without_the_notice_version_is_refused(client, mailbox):
    body = error_shape(client.post(REGISTER, json=registration()), 422)

    assert body["errors"]["privacy_version"] == ["Wajib diisi."]
    assert mailbox.mails == []


@pytest.mark.parametrize(
    ("version", "message"),
    [
        ("1999.9", "Versi Pemberitahuan Privasi tidak dikenal."),
        (PRIVACY_VERSION, "Ini bukan Pemberitahuan Privasi yang berlaku (versi 2099.1)."),
    ],
)
def test_an_unknown_or_old_notice_version_is_refused_clearly(client, mailbox, newer_notice, version, message):  # noqa: F811
    body = error_shape(client.post(REGISTER, json=registration(privacy_version=version)), 422)

    assert body["errors"]["privacy_version"][0].startswith(message)
    assert mailbox.mails == []


def test_an_old_version_is_refused_in_english_too(client, newer_notice):  # noqa: F811
    response = client.post(
        REGISTER, json=registration(privacy_version=PRIVACY_VERSION), headers={"Accept-Language": "en"}
    )

    assert error_shape(response, 422)["errors"]["privacy_version"] == [
        "This is not the current privacy notice (version 2099.1). Read it and accept it again."
    ]


def test_a_newer_notice_is_accepted_once_by_a_signed_in_person(client, newer_notice):  # noqa: F811
    resident = make_user()
    headers = auth_headers(resident)
    assert client.get(ME, headers=headers).get_json()["privacy_version"] is None

    error_shape(client.post(ACCEPT, json={"version": PRIVACY_VERSION}, headers=headers), 422)
    accepted = client.post(ACCEPT, json={"version": newer_notice}, headers=headers)
    client.post(ACCEPT, json={"version": newer_notice}, headers=headers)

    assert accepted.get_json()["notice"]["accepted_version"] == newer_notice
    assert client.get(ME, headers=headers).get_json()["privacy_version"] == newer_notice
    assert db.session.scalars(select(Consent.notice_version)).all() == [newer_notice]
