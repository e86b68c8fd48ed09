"""HTTP endpoints for incidents: operators and admins work them, OPD staff read those of their OPD,
residents see the public face (area, status, updates, how many reported it)."""

from functools import wraps

from flask_jwt_extended import current_user

from ..idempotency import HEADER_DOC as IDEMPOTENCY_HEADER
from ..idempotency import idempotency_key
from ..schemas import PageArgsSchema
from ..security import STAFF, WATCHERS, role_required
from . import actions, bp, detection, models, public, services, situation
from .presenters import as_read_by
from .schemas import (
    IncidentAlertCreateSchema,
    IncidentAlertSchema,
    IncidentArticleSchema,
    IncidentCloseSchema,
    IncidentCreateSchema,
    IncidentDetailSchema,
    IncidentDismissSchema,
    IncidentEventSchema,
    IncidentLeadOpdSchema,
    IncidentMergeSchema,
    IncidentNearbyArgsSchema,
    IncidentNoteSchema,
    IncidentPageSchema,
    IncidentQueryArgsSchema,
    IncidentRequestsSchema,
    IncidentSituationSchema,
    IncidentUpdateCreateSchema,
    LinkedRequestPageSchema,
    PublicIncidentSchema,
)

__all__ = ["bp", "detection", "models"]  # detection registers its periodic job; the models their tables

INCIDENT = "/incidents/<id:incident_id>"


def incident_change(path: str, arguments=None, status: int = 200):
    """A change operators and admins make to an incident: POST `path` with `arguments` (if any). The
    view calls the service; the answer is the incident's detail."""

    def decorator(change):
        @wraps(change)
        def view(*args, **kwargs):
            return as_read_by(change(*args, **kwargs), current_user)

        view = bp.response(status, IncidentDetailSchema)(view)
        if arguments is not None:
            view = bp.arguments(arguments)(view)
        view = role_required(*WATCHERS)(view)
        return bp.route(path, methods=["POST"], endpoint=change.__name__)(view)

    return decorator


@bp.route("/incidents", methods=["GET"])
@role_required(*STAFF)
@bp.arguments(IncidentQueryArgsSchema, location="query")
@bp.response(200, IncidentPageSchema)
def list_incidents(args):
    """Incidents, newest first (filters: state, group, kelurahan); OPD staff see those of their OPD."""
    return services.list_incidents(current_user, args)


@incident_change("/incidents", IncidentCreateSchema, status=201)
def open_incident(data):
    """Open an incident by hand (a phone call, say) for picked kelurahan; it is active at once."""
    return services.open_by_hand(current_user, data)


@bp.route("/incidents/nearby", methods=["GET"])
@bp.arguments(IncidentNearbyArgsSchema, location="query")
@bp.response(200, PublicIncidentSchema(many=True))
def nearby(args):
    """The active incidents of the service's kind whose area holds the point: the report flow shows
    them before similar reports ("Sedang ditangani"); a report filed there joins the incident."""
    return public.active_at(args["lat"], args["long"], args["service"])


@bp.route(INCIDENT, methods=["GET"])
@role_required(*STAFF)
@bp.response(200, IncidentDetailSchema)
def get_incident(incident_id):
    """One incident with its timeline and the prefilled alert; for operators and admins, the delivery
    of its area alerts too. Its linked requests are paged at /requests."""
    return as_read_by(services.get_readable(incident_id, current_user), current_user)


@bp.route(f"{INCIDENT}/requests", methods=["GET"])
@role_required(*STAFF)
@bp.arguments(PageArgsSchema, location="query")
@bp.response(200, LinkedRequestPageSchema)
def list_linked(args, incident_id):
    """The requests linked to the incident, newest first, each by its own code (its Open311 id)."""
    return services.linked_requests(services.get_readable(incident_id, current_user), args)


@bp.route(f"{INCIDENT}/requests/candidates", methods=["GET"])
@role_required(*WATCHERS)
@bp.arguments(PageArgsSchema, location="query")
@bp.response(200, LinkedRequestPageSchema)
def list_candidates(args, incident_id):
    """Open requests of the incident's kind in its kelurahan that no open incident holds yet: what
    an operator may link, newest first."""
    return services.link_candidates(services.get_incident(incident_id), args)


@bp.route(f"{INCIDENT}/situation", methods=["GET"])
@role_required(*WATCHERS)
@bp.response(200, IncidentSituationSchema)
def get_situation(incident_id):
    """The situation report operators print: the detail plus linked reports per hour, the words of
    the area alerts sent, the public updates published and the linked requests still open."""
    return situation.situation_report(services.get_incident(incident_id))


@bp.route(f"{INCIDENT}/public", methods=["GET"])
@bp.response(200, PublicIncidentSchema)
def get_public(incident_id):
    """An active or resolved incident as residents see it: area, status, updates, how many reported it."""
    return public.public_incident(incident_id)


@incident_change(f"{INCIDENT}/confirm")
def confirm(incident_id):
    """A proposed incident is real: it becomes active."""
    return services.confirm(incident_id, current_user)


@incident_change(f"{INCIDENT}/dismiss", IncidentDismissSchema)
def dismiss(data, incident_id):
    """Not an incident, with a reason; its reports never fire again."""
    return services.dismiss(incident_id, current_user, data["reason"])


@incident_change(f"{INCIDENT}/merge", IncidentMergeSchema)
def merge(data, incident_id):
    """Fold another open incident into this one."""
    return services.merge(incident_id, data["other"], current_user)


@incident_change(f"{INCIDENT}/requests", IncidentRequestsSchema)
def link(data, incident_id):
    """Link requests (by code) to the incident."""
    return services.link(incident_id, data["requests"], current_user)


@incident_change(f"{INCIDENT}/requests/unlink", IncidentRequestsSchema)
def unlink(data, incident_id):
    """Take requests out of the incident; detection does not tie them again."""
    return services.unlink(incident_id, data["requests"], current_user)


@incident_change(f"{INCIDENT}/lead-opd", IncidentLeadOpdSchema)
def lead_opd(data, incident_id):
    """Set the OPD that leads the response (and is credited when the incident is closed)."""
    return services.set_lead_opd(incident_id, data["opd"], current_user)


@bp.route(f"{INCIDENT}/notes", methods=["POST"])
@role_required(*WATCHERS)
@bp.arguments(IncidentNoteSchema)
@bp.response(201, IncidentEventSchema)
def add_note(data, incident_id):
    """A note on the incident's timeline (staff only, never public)."""
    return services.add_note(incident_id, current_user, data["text"])


@bp.route(f"{INCIDENT}/alert", methods=["POST"])
@role_required(*WATCHERS)
@bp.arguments(IncidentAlertCreateSchema)
@bp.doc(parameters=[IDEMPOTENCY_HEADER])
@bp.response(201, IncidentAlertSchema)
def alert(data, incident_id):
    """An area alert to the devices of the incident's kelurahan (a campaign marked as an alert);
    texts left out are the prefilled ones."""
    return actions.send_alert(incident_id, current_user, data, idempotency_key())


@bp.route(f"{INCIDENT}/updates", methods=["POST"])
@role_required(*WATCHERS)
@bp.arguments(IncidentUpdateCreateSchema)
@bp.response(201, IncidentArticleSchema)
def publish_update(data, incident_id):
    """A public status update: a peringatan article limited to the incident's kelurahan."""
    return actions.publish_update(incident_id, current_user, data)


@incident_change(f"{INCIDENT}/close", IncidentCloseSchema)
def close(data, incident_id):
    """Resolve the incident and every linked open request with one message (one update to each
    reporter). Retrying with the same message sends nothing twice."""
    return actions.close(incident_id, current_user, data["message"])
