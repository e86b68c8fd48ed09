"""HTTP endpoints for two-factor sign-in: the second step, one's own setup, and an admin's reset."""

from flask import current_app
from flask_jwt_extended import current_user, get_jwt

from ..extensions import limiter
from ..security import STAFF, Role, before_second_factor, role_required
from . import bp, services, two_factor
from .routes import _answer_with_tokens, _user_agent, _wrong_code
from .schemas import (
    AdminUserSchema,
    RecoveryCodesSchema,
    SecondFactorSchema,
    TokenSchema,
    TwoFactorConfirmSchema,
    TwoFactorDisableSchema,
    TwoFactorSetupSchema,
    TwoFactorStatusSchema,
)

# Per address, on each endpoint that checks an authenticator's code: only wrong codes count.
authenticator_codes = limiter.limit(
    lambda: current_app.config["RATELIMIT_LOGIN"], deduct_when=_wrong_code, scope="second-factor"
)


@bp.route("/auth/second-factor", methods=["POST"])
@authenticator_codes
@bp.arguments(SecondFactorSchema)
@bp.response(200, TokenSchema)
def second_factor(data):
    """The second step of signing in: the challenge from `/auth/login` with the authenticator app's
    code, or one recovery code (used up). Wrong codes make each further try wait longer."""
    tokens = two_factor.complete_sign_in(
        data["token"], data.get("code"), data.get("recovery_code"), _user_agent()
    )
    return _answer_with_tokens(tokens)


@bp.route("/me/two-factor", methods=["GET"])
@before_second_factor
@bp.response(200, TwoFactorStatusSchema)
def get_two_factor():
    """Whether two-factor sign-in is on, whether the role requires it, recovery codes left."""
    return two_factor.status(current_user)


@bp.route("/me/two-factor/setup", methods=["POST"])
@role_required(*STAFF, second_factor=False)
@bp.response(200, TwoFactorSetupSchema)
def start_two_factor_setup():
    """A new secret for the authenticator app, as text and as a QR code; shown only now."""
    return two_factor.start_setup(current_user)


@bp.route("/me/two-factor/confirm", methods=["POST"])
@role_required(*STAFF, second_factor=False)
@authenticator_codes
@bp.arguments(TwoFactorConfirmSchema)
@bp.response(200, RecoveryCodesSchema)
def confirm_two_factor(data):
    """The app's first code turns it on: other logins end, and the recovery codes are answered
    this once."""
    codes = two_factor.confirm_setup(current_user, get_jwt()["sid"], data["code"])
    return {"recovery_codes": codes}


@bp.route("/me/two-factor", methods=["DELETE"])
@role_required(*STAFF)
@bp.arguments(TwoFactorDisableSchema)
@bp.response(204)
def disable_two_factor(data):
    """Turn it off (password required); refused where the role requires it."""
    two_factor.disable(current_user, data["password"])


@bp.route("/admin/users/<id:user_id>/two-factor/reset", methods=["POST"])
@role_required(Role.ADMIN)
@bp.response(200, AdminUserSchema)
def reset_two_factor(user_id):
    """Another admin's answer to a lost phone: the user's second factor goes and their logins end;
    they set it up again at their next sign-in."""
    user = services.get_user(user_id)
    two_factor.reset(current_user, user)
    return user
