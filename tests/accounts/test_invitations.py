"""Staff invitations: the mailed link (read from the real SMTP server), 72 hours, once, revocable
and sent again; the invitee's own password; audit rows."""

import re

from sqlalchemy import select

from backend.accounts.models import Invitation, User
from backend.audit.models import AuditEntry
from backend.extensions import db

from ..factories import auth_headers, error_shape

INVITATIONS = "/api/v1/admin/invitations"
PREVIEW = "/api/v1/auth/invitation"
ACCEPT = "/api/v1/auth/invitation/accept"
LINK = re.compile(r"(http://\S+/undangan#(\S+))")
PASSWORD = "sandi-pilihan-sendiri"
INVITE = {"name": "Dewi Staf", "email": "Dewi@DPU.contoh.id", "role": "opd_staff", "opd": "DPU"}


def mailed_token(mailbox, address: str, number: int = 1) -> str:
    mail = mailbox.last_to(address, number)
    text = mail.get_content()
    assert "Halo Dewi Staf" in text and "Hello Dewi Staf" in text, "both languages"
    assert "72 jam" in text and "72 hours" in text
    return LINK.search(text)[2]


def actions() -> list[str]:
    return list(db.session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def invite(client, admin, body=INVITE):
    return client.post(INVITATIONS, json=body, headers=auth_headers(admin))


def test_an_invitee_chooses_their_own_password_from_the_mailed_link(client, admin, mailbox, clock):
    created = invite(client, admin)
    assert created.status_code == 201
    assert created.get_json()["email"] == "dewi@dpu.contoh.id"
    token = mailed_token(mailbox, "dewi@dpu.contoh.id")
    mail = mailbox.last_to("dewi@dpu.contoh.id")
    assert mail["Subject"] == "Undangan ke SatuPintu / Invitation to SatuPintu"
    stored = db.session.scalar(select(Invitation))
    assert token not in stored.token_hash

    preview = client.post(PREVIEW, json={"token": token}).get_json()
    assert (preview["name"], preview["role"], preview["opd"]["code"]) == ("Dewi Staf", "opd_staff", "DPU")
    error_shape(client.post(ACCEPT, json={"token": token, "password": "12345678"}), 422)

    accepted = client.post(ACCEPT, json={"token": token, "password": PASSWORD})
    assert accepted.status_code == 201
    user = accepted.get_json()["user"]
    assert (user["role"], user["opd"]["code"], user["two_factor_required"]) == ("opd_staff", "DPU", False)
    error_shape(client.post(ACCEPT, json={"token": token, "password": PASSWORD}), 404)  # once only
    assert (
        client.post(
            "/api/v1/auth/login", json={"login": "dewi@dpu.contoh.id", "password": PASSWORD}
        ).status_code
        == 200
    )
    assert actions() == ["invitation.sent", "invitation.accepted", "auth.sign_in", "auth.sign_in"]
    assert client.get(INVITATIONS, headers=auth_headers(admin)).get_json()["items"] == []


def test_the_link_expires_after_72_hours(client, admin, mailbox, clock):
    invite(client, admin)
    token = mailed_token(mailbox, "dewi@dpu.contoh.id")
    clock.advance(72 * 3600 - 60)
    assert client.post(PREVIEW, json={"token": token}).status_code == 200
    clock.advance(61)
    body = error_shape(client.post(ACCEPT, json={"token": token, "password": PASSWORD}), 404)
    assert body["message"] == "Tautan undangan ini sudah tidak berlaku. Minta admin mengirim yang baru."
    assert db.session.scalar(select(User).where(User.email == "dewi@dpu.contoh.id")) is None


def test_sending_again_makes_a_new_link_and_revoking_ends_it(client, admin, mailbox, clock):
    invitation = invite(client, admin).get_json()
    first = mailed_token(mailbox, "dewi@dpu.contoh.id")
    error_shape(invite(client, admin), 409)  # one pending invitation per address
    clock.advance(80 * 3600)
    pending = client.get(INVITATIONS, headers=auth_headers(admin)).get_json()["items"]
    assert [item["id"] for item in pending] == [invitation["id"]], "expired ones are listed, to send again"

    resent = client.post(f"{INVITATIONS}/{invitation['id']}/resend", headers=auth_headers(admin))
    assert resent.status_code == 200
    second = mailed_token(mailbox, "dewi@dpu.contoh.id", 2)
    assert second != first
    error_shape(client.post(PREVIEW, json={"token": first}), 404)
    assert client.post(PREVIEW, json={"token": second}).status_code == 200

    assert client.delete(f"{INVITATIONS}/{invitation['id']}", headers=auth_headers(admin)).status_code == 204
    error_shape(client.post(ACCEPT, json={"token": second, "password": PASSWORD}), 404)
    error_shape(client.delete(f"{INVITATIONS}/{invitation['id']}", headers=auth_headers(admin)), 409)
    assert actions() == ["invitation.sent", "invitation.resent", "invitation.revoked"]


def test_an_invited_admin_sets_up_two_factor_before_anything_else(client, admin, mailbox, clock):
    invite(client, admin, {"name": "Dewi Staf", "email": "dewi@kominfo.contoh.id", "role": "admin"})
    token = mailed_token(mailbox, "dewi@kominfo.contoh.id")
    body = client.post(ACCEPT, json={"token": token, "password": PASSWORD}).get_json()
    assert body["user"]["two_factor_required"] is True and body["user"]["two_factor_enabled"] is False
    headers = {"Authorization": f"Bearer {body['access_token']}"}
    error_shape(client.get(INVITATIONS, headers=headers), 403)
    assert client.post("/api/v1/me/two-factor/setup", headers=headers).status_code == 200


def test_invitations_are_checked(client, admin, staff):
    error_shape(invite(client, admin, INVITE | {"opd": None}), 422)
    error_shape(invite(client, admin, INVITE | {"role": "resident"}), 422)
    error_shape(invite(client, admin, INVITE | {"email": staff.email}), 409)
    error_shape(invite(client, staff), 403)
    error_shape(client.post(PREVIEW, json={"token": "x" * 43}), 404)


def test_no_admin_api_chooses_another_persons_password(client, admin, staff):
    answer = client.patch(
        f"/api/v1/admin/users/{staff.id}", json={"password": "pilihan-admin"}, headers=auth_headers(admin)
    )
    assert "password" in error_shape(answer, 422)["errors"]
