"""A forgotten password ("Lupa kata sandi") and signing in with a code alone (residents).

Asking for a code answers the same whether or not the login has an account: the code row and its
limits are the same, and only the job that sends it looks for the account (one_time_codes.deliver).
"""

from ..errors import Invalid
from ..extensions import db
from ..security import Role
from . import login_throttle, one_time_codes, passwords, sessions, two_factor
from .identifiers import login_identifier
from .models import CodePurpose, User
from .one_time_codes import CODE_WRONG, account_with, channel_for, target_of
from .verification import code_sent


def request_code(purpose: CodePurpose, login: str, channel: str | None, locale: str) -> dict:
    """Send a reset or sign-in code to the login's contact, if an account has it."""
    kind, value = login_identifier(login)
    row = one_time_codes.issue(purpose, target_of(kind, value), channel_for(kind, channel), locale)
    return code_sent(row)


def _redeem_for_account(purpose: CodePurpose, login: str, code: str) -> User:
    target = target_of(*login_identifier(login))
    one_time_codes.redeem(purpose, target, code)
    user = account_with(target)
    if user is None or not user.can_log_in:
        raise Invalid(errors={"code": [CODE_WRONG]})
    return user


def reset_password(
    login: str, code: str, new_password: str, user_agent: str | None
) -> sessions.Tokens | dict:
    """Set a new password with a reset code: every other login ends, this device is logged in, or
    given the second step when the account has two-factor sign-in (a code proves the mailbox, not
    the person's phone)."""
    passwords.require_acceptable(new_password, "new_password")
    user = _redeem_for_account(CodePurpose.RESET, login, code)
    user.password_hash = passwords.hash_password(new_password)
    sessions.revoke_all_sessions(user, "password_reset")
    login_throttle.forget(login)
    result = two_factor.sign_in(user, user_agent, "password_reset")
    db.session.commit()
    return result


def sign_in_with_code(login: str, code: str, user_agent: str | None) -> sessions.Tokens | dict:
    """A resident's login by a code sent to their e-mail or phone, no password."""
    user = _redeem_for_account(CodePurpose.SIGN_IN, login, code)
    if user.role != Role.RESIDENT:
        raise Invalid(errors={"code": [CODE_WRONG]})
    result = two_factor.sign_in(user, user_agent, "code")
    db.session.commit()
    return result
