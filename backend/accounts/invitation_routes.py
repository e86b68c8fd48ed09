"""HTTP endpoints for staff invitations: admins invite, the invitee chooses a password."""

from flask import current_app, request
from flask_jwt_extended import current_user

from ..extensions import limiter
from ..security import Role, role_required
from . import bp, invitations
from .routes import _answer_with_tokens, _user_agent
from .schemas import (
    InvitationAcceptSchema,
    InvitationCreateSchema,
    InvitationListSchema,
    InvitationPreviewSchema,
    InvitationSchema,
    InvitationTokenSchema,
    TokenSchema,
)


def _base_url() -> str:
    return current_app.config["PUBLIC_URL"] or request.host_url


def _not_found(response) -> bool:
    return response.status_code == 404


@bp.route("/admin/invitations", methods=["GET"])
@role_required(Role.ADMIN)
@bp.response(200, InvitationListSchema)
def list_invitations():
    """Invitations not yet accepted nor revoked, newest first (expired ones too)."""
    return {"items": invitations.pending_invitations()}


@bp.route("/admin/invitations", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(InvitationCreateSchema)
@bp.response(201, InvitationSchema)
def create_invitation(data):
    """Invite a person as OPD staff, operator or admin: they get an e-mail (both languages) with a
    link, valid INVITATION_TTL_HOURS, to choose their own password."""
    return invitations.invite(current_user, data, _base_url())


@bp.route("/admin/invitations/<id:invitation_id>/resend", methods=["POST"])
@role_required(Role.ADMIN)
@bp.response(200, InvitationSchema)
def resend_invitation(invitation_id):
    """A new link, valid from now; the previous one stops working."""
    return invitations.resend(invitation_id, _base_url())


@bp.route("/admin/invitations/<id:invitation_id>", methods=["DELETE"])
@role_required(Role.ADMIN)
@bp.response(204)
def revoke_invitation(invitation_id):
    """The link stops working."""
    invitations.revoke(invitation_id)


@bp.route("/auth/invitation", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], deduct_when=_not_found, scope="invitation")
@bp.arguments(InvitationTokenSchema)
@bp.response(200, InvitationPreviewSchema)
def preview_invitation(data):
    """Who the link's invitation is for (the token comes in the body, never in an address)."""
    return invitations.find(data["token"])


@bp.route("/auth/invitation/accept", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], deduct_when=_not_found, scope="invitation")
@bp.arguments(InvitationAcceptSchema)
@bp.response(201, TokenSchema)
def accept_invitation(data):
    """Choose a password: the account is made and signed in (a role that requires two-factor
    sign-in sets it up next)."""
    return _answer_with_tokens(invitations.accept(data["token"], data["password"], _user_agent()))
