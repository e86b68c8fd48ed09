"""HTTP endpoints for places."""

from flask import jsonify

from ..http_cache import cacheable
from ..security import Role, require_admin_if, role_required
from . import bp, services
from .schemas import (
    BoundariesSchema,
    CitySchema,
    KecamatanSchema,
    KelurahanPlaceSchema,
    KelurahanQueryArgsSchema,
    KelurahanSchema,
    OpdCreateSchema,
    OpdQueryArgsSchema,
    OpdSchema,
    OpdUpdateSchema,
    PointQueryArgsSchema,
)


@bp.route("/city", methods=["GET"])
@cacheable(max_age=300, shows=("places",))
@bp.response(200, CitySchema)
def get_city():
    """The city: name, time zone, map centre and bounding box."""
    return services.city_profile()


@bp.route("/kecamatan", methods=["GET"])
@cacheable(max_age=300, shows=("places",))
@bp.response(200, KecamatanSchema(many=True))
def list_kecamatan():
    """The city's kecamatan (districts)."""
    return services.list_kecamatan()


@bp.route("/kelurahan", methods=["GET"])
@cacheable(max_age=300, shows=("places",))
@bp.arguments(KelurahanQueryArgsSchema, location="query")
@bp.response(200, KelurahanSchema(many=True))
def list_kelurahan(args):
    """The city's kelurahan, optionally of one kecamatan."""
    return services.list_kelurahan(args.get("kecamatan"))


@bp.route("/kelurahan/at", methods=["GET"])
# A person's position is in the URL: kept by their browser only, never in the shared cache.
@cacheable(max_age=300, public=False)
@bp.arguments(PointQueryArgsSchema, location="query")
@bp.response(200, KelurahanPlaceSchema)
def kelurahan_at_point(args):
    """The kelurahan (and its kecamatan) whose boundary holds a point; 404 at sea or past the border."""
    return services.kelurahan_containing(args["lat"], args["long"])


@bp.route("/kelurahan.geojson", methods=["GET"])
@cacheable(max_age=3600)
@bp.response(200, BoundariesSchema, content_type="application/geo+json")
def kelurahan_geojson():
    """The kelurahan boundaries as GeoJSON, simplified for a map on a phone (the pack's attribution kept)."""
    response = jsonify(services.boundaries_geojson())
    response.mimetype = "application/geo+json"
    return response


@bp.route("/opds", methods=["GET"])
@cacheable(max_age=300, shows=("places",))
@bp.arguments(OpdQueryArgsSchema, location="query")
@bp.response(200, OpdSchema(many=True))
def list_opds(args):
    """The city's active agencies (OPD); admins may include the deactivated ones."""
    require_admin_if(args["include_inactive"])
    return services.list_opds(args["include_inactive"])


@bp.route("/opds", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(OpdCreateSchema)
@bp.response(201, OpdSchema)
def create_opd(data):
    """Add an agency (admins)."""
    return services.create_opd(data)


@bp.route("/opds/<code>", methods=["PATCH"])
@role_required(Role.ADMIN)
@bp.arguments(OpdUpdateSchema)
@bp.response(200, OpdSchema)
def update_opd(changes, code):
    """Edit or deactivate an agency (admins)."""
    return services.update_opd(code, changes)
