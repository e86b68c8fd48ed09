"""Contacts proven with a code: registration, and a new e-mail or phone on an existing account.

There is no unverified account: registering stores the name and password hash with the code, and
the account is made only when the code comes back. Until then the person is a visitor, who may
still file anonymous reports. A contact that already belongs to an account gets a note instead of
a code, and the answer is the same either way, so registering tells nobody who has an account.
"""

import logging

from flask import current_app

from ..errors import Invalid, TooManyRequests, Unavailable
from ..extensions import db
from ..privacy import notices
from ..privacy.services import record_notice_accepted
from ..security import Role
from . import one_time_codes, passwords, sessions
from .channels import PHONE_CHANNELS
from .identifiers import login_identifier
from .models import CodePurpose, User
from .one_time_codes import CODE_WRONG, account_with, channel_for, target_of

log = logging.getLogger(__name__)

CONTACT_REQUIRED = "Give an e-mail address or a phone number."


def code_sent(row) -> dict:
    """The answer to every request for a code: where it went and the clock on it."""
    config = current_app.config
    return {
        "login": row.address,
        "channel": row.channel,
        "expires_in": config["OTP_TTL_SECONDS"],
        "resend_in": config["OTP_RESEND_SECONDS"],
    }


def start_registration(data: dict) -> dict:
    """Send a code to the contact to verify (the phone when the channel is SMS or WhatsApp or no
    e-mail is given, else the e-mail); a second contact is verified once the account exists. The
    privacy notice accepted must be the current one."""
    notices.require_current(data["privacy_version"])
    passwords.require_acceptable(data["password"])
    channel = data.get("channel")
    phone_first = data.get("phone") and (channel in PHONE_CHANNELS or not data.get("email"))
    kind, other = ("phone", "email") if phone_first else ("email", "phone")
    payload = {
        "name": data["name"],
        "password_hash": passwords.hash_password(data["password"]),
        "locale": data["locale"],
        "other": [other, data[other]] if data.get(other) else None,
        "channel": channel,
        "privacy_version": data["privacy_version"],
    }
    target = target_of(kind, data[kind])
    row = one_time_codes.issue(
        CodePurpose.REGISTER, target, channel_for(kind, channel), data["locale"], payload=payload
    )
    return code_sent(row)


def confirm_registration(login: str, code: str, user_agent: str | None) -> sessions.Tokens:
    """The code proves the contact: the account is made and logged in."""
    kind, value = login_identifier(login)
    target = target_of(kind, value)
    row = one_time_codes.redeem(CodePurpose.REGISTER, target, code)
    if not row.payload or account_with(target) is not None:
        raise Invalid(errors={"code": [CODE_WRONG]})
    payload, row.payload = row.payload, None
    user = User(
        name=payload["name"],
        password_hash=payload["password_hash"],
        locale=payload["locale"],
        role=Role.RESIDENT,
        **{kind: value},
    )
    db.session.add(user)
    record_notice_accepted(user, payload["privacy_version"])
    tokens = sessions.start_session(user, user_agent)
    if payload["other"]:
        _ask_to_verify(user, *payload["other"], payload["channel"])
    return tokens


def _ask_to_verify(user: User, kind: str, value: str, channel: str | None) -> None:
    """Send a code for a contact the user wants added; the limits may put it off till they ask again."""
    try:
        _send_contact_code(user, kind, value, channel)
    except (TooManyRequests, Unavailable) as refused:
        db.session.rollback()
        log.info("No code for user %s's second contact for now: %s", user.id, refused.message)


def update_profile(user: User, changes: dict) -> User:
    """Name and language change at once; a new e-mail or phone only once its code comes back
    (confirm_contact); removing one is allowed while the other remains."""
    channel = changes.pop("channel", None)
    new = {}
    for kind in ("email", "phone"):
        if changes.get(kind) is not None:
            value = changes.pop(kind)
            if value != getattr(user, kind):
                new[kind] = value
    email, phone = changes.get("email", user.email), changes.get("phone", user.phone)
    if not email and not phone:
        raise Invalid(errors={"email": [CONTACT_REQUIRED], "phone": [CONTACT_REQUIRED]})
    for name, value in changes.items():
        setattr(user, name, value)
    db.session.commit()
    for kind, value in new.items():
        _send_contact_code(user, kind, value, channel)
    return user


def _send_contact_code(user: User, kind: str, value: str, channel: str | None) -> None:
    target, channel = target_of(kind, value), channel_for(kind, channel)
    one_time_codes.issue(CodePurpose.CONTACT, target, channel, user.locale, user_id=user.id)


def confirm_contact(user: User, login: str, code: str) -> User:
    """The code proves the new contact: it replaces the old one."""
    kind, value = login_identifier(login)
    target = target_of(kind, value)
    one_time_codes.redeem(CodePurpose.CONTACT, target, code, user_id=user.id)
    owner = account_with(target)
    if owner is not None and owner.id != user.id:
        raise Invalid(errors={"code": [CODE_WRONG]})
    setattr(user, kind, value)
    db.session.commit()
    return user
