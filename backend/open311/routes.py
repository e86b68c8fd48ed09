"""HTTP endpoints for admins to issue and revoke the api_keys of Open311 partners."""

from flask_jwt_extended import current_user

from ..security import Role, role_required
from . import bp, georeport, services
from .schemas import KeyCreateSchema, KeySchema, NewKeySchema

plain_blueprints = (georeport.bp,)


@bp.route("/admin/open311-keys", methods=["GET"])
@role_required(Role.ADMIN)
@bp.response(200, KeySchema(many=True))
def list_keys():
    """The partner keys, newest first (never the keys themselves)."""
    return services.list_keys()


@bp.route("/admin/open311-keys", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(KeyCreateSchema)
@bp.response(201, NewKeySchema)
def create_key(data):
    """Issue a key to a partner system; the answer is the only time it is shown."""
    key, plain = services.issue_key(data["name"], current_user)
    return {name: getattr(key, name) for name in KeySchema().fields} | {"api_key": plain}


@bp.route("/admin/open311-keys/<id:key_id>", methods=["DELETE"])
@role_required(Role.ADMIN)
@bp.response(204)
def revoke_key(key_id):
    """Revoke a key; the partner's next call is refused."""
    services.revoke_key(key_id)
