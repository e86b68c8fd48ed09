"""HTTP endpoints for accounts: auth, own profile, and user administration."""

from flask import after_this_request, current_app, request
from flask_jwt_extended import (
    current_user,
    get_jwt,
    set_refresh_cookies,
    unset_jwt_cookies,
    verify_jwt_in_request,
)

from ..extensions import limiter
from ..security import login_required, role_required
from . import bp, services, sessions
from .models import Role
from .schemas import (
    AccountDeleteSchema,
    AdminUserPageSchema,
    AdminUserSchema,
    AdminUserUpdateSchema,
    LoginSchema,
    PasswordChangeSchema,
    ProfileUpdateSchema,
    RegisterSchema,
    TokenSchema,
    UserQueryArgsSchema,
    UserSchema,
)


def _failed_login(response) -> bool:
    """Only a wrong password (or a closed account) counts against an address, never a success."""
    return response.status_code in (401, 403)


def _failed_registration(response) -> bool:
    return 400 <= response.status_code < 500 and response.status_code != 429


def _user_agent() -> str | None:
    return request.headers.get("User-Agent")


def _answer_with_tokens(tokens: sessions.Tokens) -> dict:
    """The access token goes in the body; the refresh token in an HttpOnly cookie."""

    @after_this_request
    def _set_cookie(response):
        max_age = current_app.config["JWT_REFRESH_TOKEN_EXPIRES"]
        set_refresh_cookies(response, tokens.refresh_token, max_age=int(max_age.total_seconds()))
        return response

    return {"access_token": tokens.access_token, "user": tokens.user}


def _clear_cookies() -> None:
    @after_this_request
    def _unset(response):
        unset_jwt_cookies(response)
        return response


@bp.route("/auth/register", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_REGISTER"])
@limiter.limit(
    lambda: current_app.config["RATELIMIT_REGISTER_FAILED"],
    deduct_when=_failed_registration,
    scope="register-failed",
)
@bp.arguments(RegisterSchema)
@bp.response(201, TokenSchema)
def register(data):
    """Create a resident account with an e-mail and/or Indonesian phone number; logs in at once."""
    user = services.register_user(data)
    return _answer_with_tokens(sessions.start_session(user, _user_agent()))


@bp.route("/auth/login", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], deduct_when=_failed_login)
@bp.arguments(LoginSchema)
@bp.response(200, TokenSchema)
def login(data):
    """Log in with e-mail or phone; answers an access token and sets the refresh cookie.

    After a few failures on one account each attempt waits a growing delay (429 with Retry-After)."""
    user = services.authenticate(data["login"], data["password"])
    return _answer_with_tokens(sessions.start_session(user, _user_agent()))


@bp.route("/auth/refresh", methods=["POST"])
@bp.response(200, TokenSchema)
def refresh():
    """Trade the refresh cookie (with its X-CSRF-TOKEN header) for a new token pair."""
    verify_jwt_in_request(refresh=True, locations=["cookies"])
    claims = get_jwt()
    return _answer_with_tokens(sessions.rotate_session(claims["sid"], claims["jti"]))


@bp.route("/auth/logout", methods=["POST"])
@bp.response(204)
def logout():
    """End this login (refresh cookie with its X-CSRF-TOKEN header) and clear the cookies."""
    verify_jwt_in_request(refresh=True, locations=["cookies"])
    sessions.end_session(get_jwt()["sid"])
    _clear_cookies()


@bp.route("/me", methods=["GET"])
@login_required
@bp.response(200, UserSchema)
def get_me():
    """The logged-in person's profile."""
    return current_user


@bp.route("/me", methods=["PATCH"])
@login_required
@bp.arguments(ProfileUpdateSchema)
@bp.response(200, UserSchema)
def update_me(changes):
    """Change name, e-mail, phone or language."""
    return services.update_profile(current_user, changes)


@bp.route("/me", methods=["DELETE"])
@login_required
@bp.arguments(AccountDeleteSchema)
@bp.response(204)
def delete_me(data):
    """Delete the account (password required): personal data erased, reports kept anonymised."""
    services.delete_account(current_user, data["password"])
    _clear_cookies()


@bp.route("/me/password", methods=["POST"])
@login_required
@bp.arguments(PasswordChangeSchema)
@bp.response(200, TokenSchema)
def change_password(data):
    """Change the password; every other login ends, this one gets fresh tokens."""
    tokens = services.change_password(
        current_user, data["current_password"], data["new_password"], _user_agent()
    )
    return _answer_with_tokens(tokens)


@bp.route("/admin/users", methods=["GET"])
@role_required(Role.ADMIN)
@bp.arguments(UserQueryArgsSchema, location="query")
@bp.response(200, AdminUserPageSchema)
def list_users(args):
    """Search users by name, e-mail or phone; filter by role and OPD (admins)."""
    return services.list_users(args)


@bp.route("/admin/users/<id:user_id>", methods=["PATCH"])
@role_required(Role.ADMIN)
@bp.arguments(AdminUserUpdateSchema)
@bp.response(200, AdminUserSchema)
def update_user(changes, user_id):
    """Set a user's role, OPD or active flag (admins); takes effect at once."""
    return services.update_user(current_user, user_id, changes)
