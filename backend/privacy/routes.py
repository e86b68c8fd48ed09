"""HTTP endpoints for the privacy notice (public), a person's consents, and their data export."""

from types import SimpleNamespace

from flask_jwt_extended import current_user

from ..http_cache import cacheable
from ..security import login_required
from ..storage import storage
from . import bp, exports, models, notices, retention, services
from .schemas import ConsentsSchema, ConsentsUpdateSchema, ExportSchema, NoticeAcceptSchema, NoticeSchema

# The models are imported so that their tables exist for every app, retention for its periodic job.
__all__ = ["bp", "models", "retention"]

NO_EXPORT = SimpleNamespace(status="none", created_at=None, ready_at=None, expires_at=None, size=None)


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


@bp.route("/me/export", methods=["POST"])
@login_required
@bp.response(202, ExportSchema)
def start_export():
    """Start making a ZIP of everything tied to the account; ready within a minute, kept 24 hours."""
    return exports.start_export(current_user)


@bp.route("/me/export", methods=["GET"])
@login_required
@bp.response(200, ExportSchema)
def get_export():
    """The export's state: pending, ready (with its download link and expiry), failed, or none."""
    return exports.current_export(current_user) or NO_EXPORT


@bp.route("/me/export/<file_name>", methods=["GET"])
@login_required
@bp.response(200, content_type="application/zip")
def download_export(file_name):
    """The ZIP, to its owner only, until it expires (404 after)."""
    export = exports.export_for_download(current_user, file_name)
    response = storage().send(export.file_name, "application/zip")
    day = export.ready_at.strftime("%Y-%m-%d")
    response.headers["Content-Disposition"] = f'attachment; filename="satupintu-data-saya-{day}.zip"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
