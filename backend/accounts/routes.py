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
from ..i18n import preferred_language
from ..security import Role, before_second_factor, login_required, role_required
from . import bp, recovery, services, sessions, two_factor, verification
from .models import CodePurpose
from .schemas import (
    AccountDeleteSchema,
    AdminUserPageSchema,
    AdminUserSchema,
    AdminUserUpdateSchema,
    CodeConfirmSchema,
    CodeRequestSchema,
    CodeSentSchema,
    LoginSchema,
    PasswordChangeSchema,
    PasswordResetConfirmSchema,
    ProfileSchema,
    ProfileUpdateSchema,
    RegisterSchema,
    SignInSchema,
    TokenSchema,
    UserQueryArgsSchema,
)

# Per address, over every endpoint that sends a code (the per-contact limits are one_time_codes').
code_sends = limiter.shared_limit(lambda: current_app.config["RATELIMIT_CODE_SENDS"], scope="code-sends")


def _failed_login(response) -> bool:
    """Only a wrong password (or a closed account) counts against an address, never a success."""
    return response.status_code in (401, 403)


def _wrong_code(response) -> bool:
    return response.status_code == 422


# Per address, on each endpoint that checks a code sent by mail or SMS: only wrong codes count.
code_confirms = limiter.limit(
    lambda: current_app.config["RATELIMIT_LOGIN"], deduct_when=_wrong_code, scope="code-confirm"
)


def _failed_registration(response) -> bool:
    return 400 <= response.status_code < 500 and response.status_code != 429


def _user_agent() -> str | None:
    return request.headers.get("User-Agent")


def _answer_sign_in(result: sessions.Tokens | dict) -> dict:
    """The session, or the challenge of the second step (two_factor.sign_in)."""
    return _answer_with_tokens(result) if isinstance(result, sessions.Tokens) else result


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
@code_sends
@bp.arguments(RegisterSchema)
@bp.response(202, CodeSentSchema)
def register(data):
    """Start a resident account with an e-mail and/or Indonesian phone number: a code goes to the
    contact, and the account exists once it comes back (`/auth/register/confirm`).

    A contact that already has an account gets a note instead; the answer is the same."""
    return verification.start_registration(data)


@bp.route("/auth/register/confirm", methods=["POST"])
@code_confirms
@bp.arguments(CodeConfirmSchema)
@bp.response(201, TokenSchema)
def confirm_registration(data):
    """The registration's code: the account is made and logged in."""
    tokens = verification.confirm_registration(data["login"], data["code"], _user_agent())
    return _answer_with_tokens(tokens)


def sends_a_code(rule: str):
    """A POST that sends a code to a login's contact (counted in `code_sends`) and answers where it
    went, the same whether or not the login has an account."""

    def decorator(view):
        answered = bp.arguments(CodeRequestSchema)(bp.response(202, CodeSentSchema)(view))
        return bp.route(rule, methods=["POST"])(code_sends(answered))

    return decorator


@sends_a_code("/auth/password-reset")
def request_password_reset(data):
    """Forgotten password: a code goes to the login's contact if it has an account. The answer is
    the same either way."""
    return _request_code(CodePurpose.RESET, data)


@bp.route("/auth/password-reset/confirm", methods=["POST"])
@code_confirms
@bp.arguments(PasswordResetConfirmSchema)
@bp.response(200, SignInSchema)
def reset_password(data):
    """Set a new password with the code: every other login ends; this device is logged in (after
    the second step, for an account with two-factor sign-in)."""
    result = recovery.reset_password(data["login"], data["code"], data["new_password"], _user_agent())
    return _answer_sign_in(result)


@sends_a_code("/auth/code")
def request_sign_in_code(data):
    """Sign in without a password (residents): a code goes to the login's contact if a resident
    has it. The answer is the same either way."""
    return _request_code(CodePurpose.SIGN_IN, data)


@bp.route("/auth/code/confirm", methods=["POST"])
@code_confirms
@bp.arguments(CodeConfirmSchema)
@bp.response(200, SignInSchema)
def sign_in_with_code(data):
    """Log in with the code; answers an access token and sets the refresh cookie."""
    return _answer_sign_in(recovery.sign_in_with_code(data["login"], data["code"], _user_agent()))


def _request_code(purpose: CodePurpose, data: dict) -> dict:
    locale = data.get("locale") or preferred_language()
    return recovery.request_code(purpose, data["login"], data.get("channel"), locale)


@bp.route("/auth/login", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], deduct_when=_failed_login)
@bp.arguments(LoginSchema)
@bp.response(200, SignInSchema)
def login(data):
    """Log in with e-mail or phone; answers an access token and sets the refresh cookie. An account
    with two-factor sign-in gets `second_factor` instead, for `/auth/second-factor`.

    After a few failures on one account each attempt waits a growing delay (429 with Retry-After)."""
    user = services.authenticate(data["login"], data["password"])
    return _answer_sign_in(two_factor.sign_in(user, _user_agent(), "password"))


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
@before_second_factor
@bp.response(200, ProfileSchema)
def get_me():
    """The logged-in person's profile (open before a required second factor is set up)."""
    return current_user


@bp.route("/me", methods=["PATCH"])
@login_required
@bp.arguments(ProfileUpdateSchema)
@bp.response(200, ProfileSchema)
def update_me(changes):
    """Change name or language; a new e-mail or phone gets a code and replaces the old one once
    confirmed (`/me/contact/confirm`); until then it shows as pending_email or pending_phone."""
    return verification.update_profile(current_user, changes)


@bp.route("/me/contact/confirm", methods=["POST"])
@login_required
@code_confirms
@bp.arguments(CodeConfirmSchema)
@bp.response(200, ProfileSchema)
def confirm_contact(data):
    """The new contact's code: it replaces the old e-mail or phone."""
    return verification.confirm_contact(current_user, data["login"], data["code"])


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
        current_user, data["current_password"], data["new_password"], _user_agent(), get_jwt()["sid"]
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


from . import invitation_routes, two_factor_routes  # noqa: E402, F401 (they fill the same blueprint)
