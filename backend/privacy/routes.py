"""HTTP endpoints for the privacy notice (public) and a person's consents."""

from flask_jwt_extended import current_user

from ..http_cache import cacheable
from ..security import login_required
from . import bp, notices, services
from .schemas import ConsentsSchema, ConsentsUpdateSchema, NoticeAcceptSchema, NoticeSchema


@bp.route("/privacy", methods=["GET"])
@cacheable(max_age=3600)
@bp.response(200, NoticeSchema)
def get_notice():
    """The current privacy notice in both languages: what is kept, why, how long, who sees it, the
    person's rights and the controller."""
    return notices.current_notice()


@bp.route("/me/consents", methods=["GET"])
@login_required
@bp.response(200, ConsentsSchema)
def get_consents():
    """The notice version accepted, the state of each consent (push, location), and its history."""
    return services.consents_of(current_user)


@bp.route("/me/consents", methods=["PUT"])
@login_required
@bp.arguments(ConsentsUpdateSchema)
@bp.response(200, ConsentsSchema)
def put_consents(changes):
    """Give or withdraw consents; withdrawing push removes the account's push subscriptions at once."""
    return services.set_consents(current_user, changes)


@bp.route("/me/privacy-notice", methods=["POST"])
@login_required
@bp.arguments(NoticeAcceptSchema)
@bp.response(200, ConsentsSchema)
def accept_notice(data):
    """Accept the current privacy notice (after a newer version than the one accepted is published)."""
    return services.accept_notice(current_user, data["version"])
