"""Two-factor sign-in with an authenticator app (TOTP, RFC 6238) and single-use recovery codes.

The secret is stored encrypted (Fernet, with a key derived from SECRET_KEY) and shown only while it
is being set up. A code counts for the current 30-second step or one either side (a phone's clock
drifts), never for a step at or before the last one accepted: the same code never works twice.

Roles in TWO_FACTOR_REQUIRED_ROLES must use it: until they set it up, their session reaches only
the setup (security.role_required). Signing in to an account that has it takes two steps: the
password (or a code) answers a short-lived challenge, which with a code from the app (or a recovery
code) opens the session.
"""

import base64
import hashlib
import hmac
import secrets
from datetime import timedelta

import pyotp
import segno
from cryptography.fernet import Fernet
from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import delete, func, select

from ..audit.services import record
from ..database import utcnow
from ..errors import Conflict, Forbidden, Invalid, Unauthorized
from ..extensions import db
from ..security import STAFF
from . import login_throttle, passwords, sessions
from .models import LoginSession, RecoveryCode, TwoFactor, User

RECOVERY_CODE_COUNT = 10
ALREADY_ON = "Two-factor sign-in is already set up. Ask an admin to reset it if you lost your app."
NOT_STARTED = "Start the two-factor setup first."
STAFF_ONLY = "Two-factor sign-in is for staff accounts."
CODE_WRONG = "The code is wrong or was already used. Enter the current code from your app."
RECOVERY_WRONG = "This recovery code is wrong or was already used."
CHALLENGE_ENDED = "The sign-in took too long. Please enter your password again."
REQUIRED_FOR_ROLE = "Your role requires two-factor sign-in; it cannot be turned off."
SET_UP_FIRST = "Set up two-factor sign-in first: your role requires it."
OWN_RESET = "Another admin must reset your own two-factor sign-in."
TOO_MANY = "Too many wrong codes. Please wait {seconds} s and try again."


def is_required(user: User) -> bool:
    return user.role in current_app.config["TWO_FACTOR_REQUIRED_ROLES"]


def setup_pending(user: User, session_id: str | None) -> bool:
    """A role that requires the second factor, in a session that has not passed it."""
    return is_required(user) and not sessions.passed_second_factor(session_id)


def _fernet() -> Fernet:
    key = hashlib.sha256(b"two-factor secret\n" + current_app.config["SECRET_KEY"].encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def _secret(row: TwoFactor) -> str:
    return _fernet().decrypt(row.secret_encrypted.encode()).decode()


def _store_secret(user: User, secret: str) -> TwoFactor:
    row = user.two_factor or TwoFactor(user_id=user.id)
    row.secret_encrypted = _fernet().encrypt(secret.encode()).decode()
    row.confirmed_at = None
    row.last_step = 0
    user.two_factor = row
    return row


def start_setup(user: User) -> dict:
    """A new secret for the user's app (pending until `confirm_setup`): as text, as an otpauth://
    address and as a QR code (SVG) of it. Starting again replaces a pending secret."""
    if user.role not in STAFF:
        raise Forbidden(STAFF_ONLY)
    if user.has_two_factor:
        raise Conflict(ALREADY_ON)
    secret = pyotp.random_base32()
    _store_secret(user, secret)
    db.session.commit()
    account = user.email or user.phone or str(user.id)
    uri = pyotp.TOTP(secret).provisioning_uri(
        name=account, issuer_name=current_app.config["TWO_FACTOR_ISSUER"]
    )
    qr_svg = segno.make(uri, error="m").svg_inline(scale=4, dark="#111", light="#fff")
    return {"secret": secret, "otpauth_uri": uri, "qr_svg": qr_svg}


def confirm_setup(user: User, session_id: str, code: str) -> list[str]:
    """The first code from the app turns two-factor sign-in on: this session counts as having passed
    it, every other login of the user ends, and the recovery codes are answered, once."""
    row = _locked(user)
    if row is None or row.confirmed_at is not None:
        raise Conflict(ALREADY_ON if row is not None else NOT_STARTED)
    if not _accept_totp(row, code):
        raise Invalid(errors={"code": [CODE_WRONG]})
    row.confirmed_at = utcnow()
    codes = _new_recovery_codes(user)
    sessions.revoke_all_sessions(user, "two_factor_enabled", keep=session_id)
    db.session.get(LoginSession, session_id).second_factor = True
    record("two_factor.enabled", target_type="user", target_id=user.id)
    db.session.commit()
    return codes


def enable(user: User, secret: str) -> list[str]:
    """Two-factor sign-in on with a known secret (the demo data and the tests); commits."""
    _store_secret(user, secret).confirmed_at = utcnow()
    codes = _new_recovery_codes(user)
    db.session.commit()
    return codes


def status(user: User) -> dict:
    left = db.session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )
    return {"enabled": user.has_two_factor, "required": is_required(user), "recovery_codes_left": left}


def disable(user: User, password: str) -> None:
    """Turn it off (password required), where the role does not require it."""
    if not passwords.verify_password(user.password_hash, password):
        raise Invalid(errors={"password": ["The current password is wrong."]})
    if is_required(user):
        raise Forbidden(REQUIRED_FOR_ROLE)
    if user.has_two_factor:
        record("two_factor.disabled", target_type="user", target_id=user.id)
    _remove(user)
    db.session.commit()


def reset(admin: User, user: User) -> None:
    """Another admin's answer to a lost phone: the user's second factor is removed and every login
    of theirs ends; their next sign-in sets it up again (where the role requires it)."""
    if user.id == admin.id:
        raise Forbidden(OWN_RESET)
    had_it = user.has_two_factor
    _remove(user)
    sessions.revoke_all_sessions(user, "two_factor_reset")
    record("two_factor.reset", target_type="user", target_id=user.id, details={"was_enabled": had_it})
    db.session.commit()


def _remove(user: User) -> None:
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    user.two_factor = None


def _locked(user: User) -> TwoFactor | None:
    return db.session.get(TwoFactor, user.id, with_for_update=True, populate_existing=True)


def _accept_totp(row: TwoFactor, code: str) -> bool:
    """The code is the app's for a step around now, later than the last one accepted (the caller
    commits the step it records)."""
    totp = pyotp.TOTP(_secret(row))
    now = totp.timecode(utcnow())
    for step in (now - 1, now, now + 1):
        if step > row.last_step and hmac.compare_digest(totp.generate_otp(step), code):
            row.last_step = step
            return True
    return False


def _recovery_digest(code: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"recovery\n{normalise_recovery_code(code)}".encode(), hashlib.sha256).hexdigest()


def normalise_recovery_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _new_recovery_codes(user: User) -> list[str]:
    """Ten fresh codes (the old ones stop working), shown as "xxxxx-xxxxx"."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = []
    for _ in range(RECOVERY_CODE_COUNT):
        text = base64.b32encode(secrets.token_bytes(10)).decode().lower()[:10]
        codes.append(f"{text[:5]}-{text[5:]}")
        db.session.add(RecoveryCode(user_id=user.id, code_hash=_recovery_digest(text)))
    return codes


def _use_recovery_code(user: User, code: str) -> bool:
    row = db.session.scalar(
        select(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _recovery_digest(code),
            RecoveryCode.used_at.is_(None),
        )
        .with_for_update()
    )
    if row is None:
        return False
    row.used_at = utcnow()
    record("two_factor.recovery_code_used", target_type="user", target_id=user.id, actor=user)
    return True


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="second-factor")


def _password_mark(user: User) -> str:
    """Changes with the password, so a new password ends the challenges made with the old one."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def sign_in(user: User, user_agent: str | None, method: str) -> sessions.Tokens | dict:
    """After the first step: the session, or for an account with two-factor sign-in the challenge
    that `complete_sign_in` takes with a code."""
    if not user.has_two_factor:
        return sessions.sign_in(user, user_agent, method)
    seconds = current_app.config["TWO_FACTOR_CHALLENGE_SECONDS"]
    expires = int((utcnow() + timedelta(seconds=seconds)).timestamp())
    token = _serializer().dumps({"user": user.id, "expires": expires, "mark": _password_mark(user)})
    return {"second_factor": {"token": token, "expires_in": seconds}}


def _challenged_user(token: str) -> User:
    try:
        claims = _serializer().loads(token)
    except BadSignature:
        raise Unauthorized(CHALLENGE_ENDED) from None
    user = db.session.get(User, claims["user"])
    if (
        claims["expires"] < utcnow().timestamp()
        or user is None
        or not user.can_log_in
        or not user.has_two_factor
        or claims["mark"] != _password_mark(user)
    ):
        raise Unauthorized(CHALLENGE_ENDED)
    return user


def complete_sign_in(
    token: str, code: str | None, recovery_code: str | None, user_agent: str | None
) -> sessions.Tokens:
    """The second step: a code from the app, or one of the recovery codes (used up). Wrong codes
    make each further try on the account wait longer (login_throttle)."""
    user = _challenged_user(token)
    attempt = login_throttle.begin(f"second-factor/{user.id}", TOO_MANY)
    if code is not None:
        if not _accept_totp(_locked(user), code):
            raise Invalid(errors={"code": [CODE_WRONG]})
    elif not _use_recovery_code(user, recovery_code or ""):
        raise Invalid(errors={"recovery_code": [RECOVERY_WRONG]})
    login_throttle.succeeded(attempt)
    return sessions.sign_in(user, user_agent, "recovery_code" if code is None else "totp", second_factor=True)
