"""Who may do what: the roles and their groups, the one rule for "works for this OPD", the role
decorator and the JWT callbacks behind it.

Every protected endpoint uses `role_required`. The user is loaded from the database on every
request, so a deactivation or a role change takes effect at once, not when a token expires;
a revoked login (logout, password change, reuse of a refresh token) ends its access tokens too.
A role that requires two-factor sign-in reaches only the endpoints marked `before_second_factor`
(its setup, the profile) until its login has passed the second factor.
"""

from enum import StrEnum
from functools import wraps
from typing import TYPE_CHECKING

from flask import Flask
from flask_jwt_extended import current_user, get_jwt, verify_jwt_in_request

from .errors import Forbidden, error_response
from .extensions import db, jwt

if TYPE_CHECKING:
    from .accounts.models import User


class Role(StrEnum):
    RESIDENT = "resident"
    OPD_STAFF = "opd_staff"
    OPERATOR = "operator"
    ADMIN = "admin"


ALL_ROLES = tuple(Role)
# Everyone who works for the city: they see reporters' contacts, and their actions are audited.
STAFF = (Role.OPD_STAFF, Role.OPERATOR, Role.ADMIN)
# Who writes the news: an OPD's staff for their OPD, admins for any.
EDITORS = (Role.OPD_STAFF, Role.ADMIN)
# Who watches the whole city from the command center.
WATCHERS = (Role.OPERATOR, Role.ADMIN)
CSRF_FAILED = "The security token is missing or wrong. Please reload the page."


def works_for(user: "User | None", opd_id: int | None) -> bool:
    """An admin, or a member of the OPD's staff: who may change what belongs to that OPD."""
    if user is None:
        return False
    return user.role == Role.ADMIN or (user.role == Role.OPD_STAFF and user.opd_id == opd_id)


def role_required(*roles: Role, second_factor: bool = True):
    """Require a valid access token (Bearer header) of an active user holding one of `roles`
    (any role when none is given), past the second factor where the role requires one."""
    allowed = roles or ALL_ROLES

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            # Imported here, as in register_jwt_callbacks: the accounts area takes its roles from
            # this module, so this module cannot import the accounts area when it loads.
            from .accounts.two_factor import SET_UP_FIRST, setup_pending

            verify_jwt_in_request(locations=["headers"])
            if current_user.role not in allowed:
                raise Forbidden()
            if second_factor and setup_pending(current_user, get_jwt().get("sid")):
                raise Forbidden(SET_UP_FIRST)
            return view(*args, **kwargs)

        wrapper.required_roles = allowed
        docs = wrapper.__dict__.setdefault("_apidoc", {})
        docs.setdefault("manual_doc", {})["security"] = [{"bearerAuth": []}]
        return wrapper

    return decorator


login_required = role_required()
# Any login, also one that has yet to set up the second factor its role requires.
before_second_factor = role_required(second_factor=False)


def optional_user() -> "User | None":
    """The logged-in user when a valid access token came with the request, else None."""
    verify_jwt_in_request(optional=True, locations=["headers"])
    return current_user if current_user else None


def require_admin_if(asked: bool) -> None:
    """Refuse (403) anyone but a logged-in admin when `asked` is what only admins may ask for, such
    as a list's deactivated rows."""
    if asked:
        user = optional_user()
        if user is None or user.role != Role.ADMIN:
            raise Forbidden()


def _refused_token(reason: str, message: str):
    """A 401 that says so when the CSRF token was at fault, else `message`."""
    return error_response(401, CSRF_FAILED if "CSRF" in reason else message)


def register_jwt_callbacks(app: Flask) -> None:
    from .accounts.models import User
    from .accounts.sessions import SESSION_ENDED, is_session_active

    @jwt.user_identity_loader
    def _identity(user: User) -> str:
        return str(user.id)

    @jwt.user_lookup_loader
    def _load_user(jwt_header, jwt_data) -> User | None:
        user = db.session.get(User, int(jwt_data["sub"]))
        return user if user is not None and user.can_log_in else None

    @jwt.token_in_blocklist_loader
    def _is_revoked(jwt_header, jwt_data) -> bool:
        return not is_session_active(jwt_data.get("sid"))

    @jwt.unauthorized_loader
    def _missing(reason):
        return _refused_token(reason, "Please log in first.")

    @jwt.expired_token_loader
    def _expired(jwt_header, jwt_data):
        return error_response(401, "Your session has expired. Please log in again.")

    @jwt.invalid_token_loader
    def _invalid(reason):
        return _refused_token(reason, "Your session is not valid. Please log in again.")

    @jwt.revoked_token_loader
    def _revoked(jwt_header, jwt_data):
        return error_response(401, SESSION_ENDED)

    @jwt.user_lookup_error_loader
    def _user_gone(jwt_header, jwt_data):
        return error_response(401, SESSION_ENDED)
