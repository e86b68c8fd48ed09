"""One-time codes: 6 digits, kept only as an HMAC with SECRET_KEY, valid OTP_TTL_SECONDS, at most
OTP_MAX_TRIES tries, the newest code of a purpose and contact the only one that counts.

Sending is limited per contact (a resend cooldown and a daily count), per address (Flask-Limiter,
RATELIMIT_CODE_SENDS, on the routes) and for the whole city per day (SMS and WhatsApp cost money).
The limits count the contact whether or not an account has it, so they tell nothing either. The
message itself leaves in a job (`deliver`): a slow gateway never holds a request, and it is the job
that looks for the account, so an answer takes as long whether there is one or not.
"""

import hmac
import logging
import math
import secrets
from datetime import timedelta
from hashlib import sha256

from flask import current_app
from sqlalchemy import delete, func, or_, select

from ..database import utcnow
from ..errors import Invalid, TooManyRequests, Unavailable
from ..extensions import db
from ..jobs import job, periodic
from ..security import Role
from . import channels, code_messages
from .models import CodePurpose, OneTimeCode, User

log = logging.getLogger(__name__)

CODE_WRONG = "The code is wrong or has expired. Check it, or ask for a new one."
TOO_MANY_TRIES = "This code was tried too many times. Ask for a new one."
RESEND_WAIT = "A code was sent a moment ago. Please wait {seconds} s before asking for another."
CONTACT_LIMIT = "Too many codes were sent to this contact today. Please try again in {hours} h."
PHONE_BUDGET_USED = (
    "No more codes can be sent by SMS or WhatsApp today. Use an e-mail address, or try tomorrow."
)
DAY = timedelta(days=1)
# Rows are kept a while past the daily limits they count for, then forgotten.
KEEP = timedelta(days=2)


def target_of(kind: str, value: str) -> str:
    """The contact as stored: "email:budi@contoh.id" or "phone:+6281234567890"."""
    return f"{kind}:{value}"


def channel_for(kind: str, preferred: str | None) -> str:
    """E-mail goes by e-mail; a phone number by SMS unless WhatsApp is asked for."""
    if kind == "email":
        return "email"
    return preferred if preferred in channels.PHONE_CHANNELS else "sms"


def account_with(target: str) -> User | None:
    kind, value = target.split(":", 1)
    return db.session.scalar(select(User).where(getattr(User, kind) == value))


def _digest(purpose: str, target: str, code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"{purpose}\n{target}\n{code}".encode(), sha256).hexdigest()


def _check_limits(target: str, channel: str) -> None:
    config, now = current_app.config, utcnow()
    sent = db.session.scalars(
        select(OneTimeCode.created_at)
        .where(OneTimeCode.target == target, OneTimeCode.created_at > now - DAY)
        .order_by(OneTimeCode.created_at.desc())
    ).all()
    if sent and (wait := math.ceil((sent[0] - now).total_seconds()) + config["OTP_RESEND_SECONDS"]) > 0:
        raise TooManyRequests(wait, RESEND_WAIT.format(seconds=wait))
    if len(sent) >= config["OTP_MAX_PER_CONTACT_PER_DAY"]:
        wait = math.ceil((sent[-1] + DAY - now).total_seconds())
        raise TooManyRequests(wait, CONTACT_LIMIT.format(hours=math.ceil(wait / 3600)))
    budget = config["OTP_MAX_PHONE_MESSAGES_PER_DAY"]
    if channel in channels.PHONE_CHANNELS and _phone_messages_today() >= budget:
        raise Unavailable(PHONE_BUDGET_USED)


def _phone_messages_today() -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(OneTimeCode)
        .where(OneTimeCode.channel.in_(channels.PHONE_CHANNELS), OneTimeCode.sent_at > utcnow() - DAY)
    )


def issue(
    purpose: CodePurpose,
    target: str,
    channel: str,
    locale: str,
    user_id: int | None = None,
    payload: dict | None = None,
) -> OneTimeCode:
    """Make a code for the contact and queue its message; commits. 429 within the limits."""
    _check_limits(target, channel)
    code = f"{secrets.randbelow(10**6):06d}"
    now = utcnow()
    row = OneTimeCode(
        purpose=purpose,
        target=target,
        channel=channel,
        locale=locale,
        code_hash=_digest(purpose, target, code),
        user_id=user_id,
        payload=payload,
        created_at=now,
        expires_at=now + timedelta(seconds=current_app.config["OTP_TTL_SECONDS"]),
    )
    db.session.add(row)
    db.session.commit()
    deliver.enqueue(row.id, code)
    return row


def redeem(purpose: CodePurpose, target: str, code: str, user_id: int | None = None) -> OneTimeCode:
    """The newest code of this purpose for the contact, if `code` is it: marked used (the caller
    commits). A wrong try counts (committed at once); the tries after the last allowed one fail
    even with the right code."""
    query = select(OneTimeCode).where(OneTimeCode.purpose == purpose, OneTimeCode.target == target)
    if user_id is not None:
        query = query.where(OneTimeCode.user_id == user_id)
    row = db.session.scalar(
        query.order_by(OneTimeCode.created_at.desc(), OneTimeCode.id.desc()).limit(1).with_for_update()
    )
    if row is None or row.used_at is not None or row.expires_at <= utcnow():
        raise Invalid(errors={"code": [CODE_WRONG]})
    limit = current_app.config["OTP_MAX_TRIES"]
    if row.attempts >= limit:
        raise Invalid(errors={"code": [TOO_MANY_TRIES]})
    row.attempts += 1
    if not hmac.compare_digest(row.code_hash, _digest(purpose, target, code)):
        db.session.commit()
        raise Invalid(errors={"code": [TOO_MANY_TRIES if row.attempts >= limit else CODE_WRONG]})
    row.used_at = utcnow()
    return row


def pending_contacts(user: User) -> dict[str, str]:
    """The new e-mail and phone the user asked for and has not confirmed yet, by kind."""
    rows = db.session.scalars(
        select(OneTimeCode)
        .where(
            OneTimeCode.user_id == user.id,
            OneTimeCode.purpose == CodePurpose.CONTACT,
            OneTimeCode.used_at.is_(None),
            OneTimeCode.expires_at > utcnow(),
        )
        .order_by(OneTimeCode.created_at)
    )
    return {row.kind: row.address for row in rows}


def _content(row: OneTimeCode, code: str, owner: User | None) -> tuple[str, str] | None:
    """What the contact is told: its code, a note that someone used it, or nothing."""
    minutes = current_app.config["OTP_TTL_SECONDS"] // 60
    locale = owner.locale if owner is not None else row.locale
    if row.purpose in (CodePurpose.REGISTER, CodePurpose.CONTACT):
        if owner is None:
            return code_messages.code_message(row.purpose, locale, code, minutes)
        if owner.id != row.user_id:
            return code_messages.note_message(row.purpose, locale)
        return None
    if owner is None or not owner.can_log_in:
        return None
    if row.purpose == CodePurpose.SIGN_IN and owner.role != Role.RESIDENT:
        return None  # staff sign in with their password
    return code_messages.code_message(row.purpose, locale, code, minutes)


@job
def deliver(code_id: int, code: str) -> None:
    """Send a code (or a note) by its channel; safe to run twice."""
    row = db.session.get(OneTimeCode, code_id)
    if row is None or row.sent_at is not None:
        return
    content = _content(row, code, account_with(row.target))
    if content is None:
        return
    subject, text = content
    channels.send(channels.Message(row.channel, row.address, subject, text, reference=str(row.id)))
    row.sent_at = utcnow()
    db.session.commit()


def forget_codes_of(user: User) -> None:
    """A deleted account's codes go, with the contacts they name. The caller commits."""
    contacts = (("email", user.email), ("phone", user.phone))
    targets = [target_of(kind, value) for kind, value in contacts if value]
    db.session.execute(
        delete(OneTimeCode).where(or_(OneTimeCode.user_id == user.id, OneTimeCode.target.in_(targets)))
    )


@periodic
def forget_old_codes() -> None:
    """Codes, and the registrations waiting on them, are kept only as long as the limits count them."""
    db.session.execute(delete(OneTimeCode).where(OneTimeCode.created_at < utcnow() - KEEP))
    db.session.commit()
