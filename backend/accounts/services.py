"""Account use cases: login, password, deletion, and user administration (registration and contact
changes: verification.py; reset and sign-in by code: recovery.py)."""

from sqlalchemy import or_, select

from .. import events
from ..audit.services import record
from ..database import utcnow
from ..errors import Conflict, Forbidden, Invalid, NotFound, Unauthorized
from ..extensions import db
from ..pagination import Page, keyset_page
from ..places.models import Opd
from ..security import Role
from . import login_throttle, one_time_codes, passwords, sessions
from .identifiers import login_identifier
from .models import DELETED_NAME, User

LOGIN_FAILED = "The login or password is wrong."


def _check_unique_contact(email: str | None, phone: str | None, user_id: int | None = None) -> None:
    for column, value, message in (
        (User.email, email, "This e-mail address is already registered."),
        (User.phone, phone, "This phone number is already registered."),
    ):
        if value is None:
            continue
        owner = db.session.scalar(select(User.id).where(column == value))
        if owner is not None and owner != user_id:
            raise Conflict(message, errors={column.key: [message]})


def authenticate(login: str, password: str) -> User:
    """The user behind a login and password; the same answer whether or not the account exists.

    After a few failures on one login each attempt waits a growing delay (login_throttle)."""
    attempt = login_throttle.begin_attempt(login)
    kind, value = login_identifier(login)
    user = db.session.scalar(select(User).where(getattr(User, kind) == value))
    if user is None:
        passwords.burn_verification_time()
        raise Unauthorized(LOGIN_FAILED)
    if not passwords.verify_password(user.password_hash, password):
        raise Unauthorized(LOGIN_FAILED)
    if not user.can_log_in:
        raise Forbidden("This account has been deactivated.")
    login_throttle.succeeded(attempt)
    return user


def change_password(
    user: User, current: str, new: str, user_agent: str | None, session_id: str
) -> sessions.Tokens:
    """Set a new password, end every login and open a fresh one for this device (as far into
    two-factor sign-in as this one was)."""
    if not passwords.verify_password(user.password_hash, current):
        raise Invalid(errors={"current_password": ["The current password is wrong."]})
    passwords.require_acceptable(new, "new_password")
    user.password_hash = passwords.hash_password(new)
    second_factor = sessions.passed_second_factor(session_id)
    sessions.revoke_all_sessions(user, "password_change")
    return sessions.start_session(user, user_agent, second_factor)


def delete_account(user: User, password: str) -> None:
    """Erase the person's data: the account row here, the rest by the areas that hold it, told by
    `account_deleted` (their photos, their contacts wherever copied, their devices); what they
    reported stays, no longer linked to anyone named."""
    if not passwords.verify_password(user.password_hash, password):
        raise Invalid(errors={"password": ["The current password is wrong."]})
    sessions.revoke_all_sessions(user, "account_deleted")
    one_time_codes.forget_codes_of(user)
    events.account_deleted.send(user)
    user.name = DELETED_NAME
    user.email = None
    user.phone = None
    user.password_hash = "!"
    user.is_active = False
    user.opd_id = None
    user.deleted_at = utcnow()
    db.session.commit()


def list_users(args: dict) -> Page:
    """Users for the admin screen, newest first; `q` searches name, e-mail and phone."""
    query = select(User).where(User.deleted_at.is_(None))
    if args.get("q"):
        pattern = f"%{args['q'].strip().lower()}%"
        query = query.where(
            or_(db.func.lower(User.name).like(pattern), User.email.like(pattern), User.phone.like(pattern))
        )
    if args.get("role"):
        query = query.where(User.role == args["role"])
    if args.get("opd"):
        query = query.join(User.opd).where(Opd.code == args["opd"])
    return keyset_page(query, [User.id], args.get("cursor"), args["limit"], descending=True)


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound()
    return user


def update_user(admin: User, user_id: int, changes: dict) -> User:
    """Set a user's role, OPD or active flag; takes effect on their very next request."""
    user = get_user(user_id)
    before = _admin_view(user)
    if user.id == admin.id and ("role" in changes or changes.get("is_active") is False):
        raise Forbidden("You cannot change your own role or deactivate yourself.")
    if "opd" in changes:
        code = changes.pop("opd")
        user.opd = db.session.scalar(select(Opd).where(Opd.code == code)) if code else None
        if code and user.opd is None:
            raise Invalid(errors={"opd": ["Unknown OPD."]})
    for name, value in changes.items():
        setattr(user, name, value)
    if user.role == Role.OPD_STAFF and user.opd is None:
        raise Invalid(errors={"opd": ["Staff of an OPD need an OPD."]})
    if user.role != Role.OPD_STAFF:
        user.opd = None
    if changes.get("is_active") is False:
        sessions.revoke_all_sessions(user, "deactivated")
    _audit_user_change(user, before, admin)
    db.session.commit()
    return user


def _admin_view(user: User) -> dict:
    return {"role": user.role, "opd": user.opd.code if user.opd else None, "is_active": user.is_active}


def _audit_user_change(user: User, before: dict, admin: User) -> None:
    """One row per change, named by what matters most: (de)activation, then role, then OPD."""
    after = _admin_view(user)
    changed = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
    if "is_active" in changed:
        action = "user.activated" if user.is_active else "user.deactivated"
    elif "role" in changed:
        action = "user.role_changed"
    else:
        action = "user.opd_changed" if "opd" in changed else "user.updated"
    record(action, target_type="user", target_id=user.id, details=changed, actor=admin)


def create_user(data: dict) -> User:
    """An account made by the system (CLI, seed): any role, no rate limits."""
    user = User(
        name=data["name"],
        email=data.get("email"),
        phone=data.get("phone"),
        role=data.get("role", Role.RESIDENT),
        opd=data.get("opd"),
        password_hash=passwords.hash_password(data["password"]),
    )
    _check_unique_contact(user.email, user.phone)
    db.session.add(user)
    db.session.commit()
    return user
