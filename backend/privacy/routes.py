"""HTTP endpoints for a person's own data: start an export, read its state, download it."""

from types import SimpleNamespace

from flask_jwt_extended import current_user

from ..security import login_required
from ..storage import storage
from . import bp, exports, models, retention
from .schemas import ExportSchema

# The models are imported so that their tables exist for every app, retention for its periodic job.
__all__ = ["bp", "models", "retention"]

NO_EXPORT = SimpleNamespace(status="none", created_at=None, ready_at=None, expires_at=None, size=None)


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
