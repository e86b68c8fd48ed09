"""HTTP endpoints for the catalogue."""

from ..http_cache import cacheable
from ..security import Role, require_admin_if, role_required
from . import bp, services
from .schemas import (
    AttributeCreateSchema,
    AttributeUpdateSchema,
    ServiceCreateSchema,
    ServiceGroupSchema,
    ServiceQueryArgsSchema,
    ServiceSchema,
    ServiceUpdateSchema,
)

CATALOG = ("catalog", "places")  # the data areas the catalogue shows (http_cache.py)


@bp.route("/services", methods=["GET"])
@cacheable(max_age=300, shows=CATALOG)
@bp.arguments(ServiceQueryArgsSchema, location="query")
@bp.response(200, ServiceSchema(many=True))
def list_services(args):
    """The active services with their attributes, by group (admins may include inactive ones)."""
    require_admin_if(args["include_inactive"])
    return services.list_services(args.get("group"), args["include_inactive"])


@bp.route("/service-groups", methods=["GET"])
@cacheable(max_age=300, shows=CATALOG)
@bp.response(200, ServiceGroupSchema(many=True))
def list_groups():
    """The groups services are listed under."""
    return services.list_groups()


@bp.route("/services/<code>", methods=["GET"])
@cacheable(max_age=300, shows=CATALOG)
@bp.response(200, ServiceSchema)
def get_service(code):
    """One service and the attributes its form asks for."""
    return services.get_service(code)


@bp.route("/services", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(ServiceCreateSchema)
@bp.response(201, ServiceSchema)
def create_service(data):
    """Add a service (admins)."""
    return services.create_service(data)


@bp.route("/services/<code>", methods=["PATCH"])
@role_required(Role.ADMIN)
@bp.arguments(ServiceUpdateSchema)
@bp.response(200, ServiceSchema)
def update_service(changes, code):
    """Edit, reroute or deactivate a service (admins); past requests keep it."""
    return services.update_service(code, changes)


@bp.route("/services/<code>/attributes", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(AttributeCreateSchema)
@bp.response(201, ServiceSchema)
def add_attribute(data, code):
    """Add an attribute to a service's form (admins)."""
    return services.add_attribute(code, data)


@bp.route("/services/<code>/attributes/<attribute_code>", methods=["PATCH"])
@role_required(Role.ADMIN)
@bp.arguments(AttributeUpdateSchema)
@bp.response(200, ServiceSchema)
def update_attribute(changes, code, attribute_code):
    """Edit or deactivate an attribute (admins); its code and datatype stay."""
    return services.update_attribute(code, attribute_code, changes)
