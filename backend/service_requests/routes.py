"""HTTP endpoints for requests: filing, reading, residents' actions and the staff workflow."""

from flask import current_app, request
from flask_jwt_extended import current_user
from marshmallow import ValidationError, missing

from .. import request_guard
from ..extensions import limiter
from ..http_cache import cacheable
from ..idempotency import HEADER_DOC as IDEMPOTENCY_HEADER
from ..idempotency import idempotency_key
from ..schemas import ModerationSchema, PageArgsSchema
from ..security import STAFF, Role, login_required, optional_user, role_required
from . import bp, filing, inbox, presenters, queries, workflow
from .codes import token_hash
from .photos import send_photo
from .schemas import (
    EventSchema,
    FiledRequestSchema,
    InboxQueryArgsSchema,
    ModeratedCommentPageSchema,
    ModeratedRequestPageSchema,
    ModerationArgsSchema,
    NearbyArgsSchema,
    NearbyRequestSchema,
    PhotoArgsSchema,
    RatingSchema,
    ReopenSchema,
    RequestCreateSchema,
    RequestPageSchema,
    RequestQueryArgsSchema,
    RequestSchema,
    RerouteSchema,
    SupportSchema,
    TextSchema,
    TransitionSchema,
    ViewArgsSchema,
)

# The data areas public request reads show (http_cache.py); browsers revalidate them every time.
REQUESTS = ("service_requests", "catalog", "places")
FILING_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": RequestCreateSchema},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "description": "The JSON fields as form fields (attributes as JSON) and up to 3 photos",
                "properties": {"photos": {"type": "array", "items": {"type": "string", "format": "binary"}}},
            }
        },
    },
}


def _user_key() -> str:
    user = optional_user()
    return f"user:{user.id}" if user else f"address:{request.remote_addr}"


def _filing_input() -> tuple[dict, list]:
    """The request's fields from JSON or from a multipart form with photos."""
    if request.mimetype == "multipart/form-data":
        form = request.form.to_dict()
        if "attributes" in form:
            try:
                form["attributes"] = request_guard.loads(form["attributes"])
            except request_guard.RefusedJson as refusal:
                raise ValidationError({"attributes": [refusal.message]}) from None
            except ValueError:
                raise ValidationError({"attributes": ["Not a valid mapping type."]}) from None
        files = [file for file in request.files.getlist("photos") if file.filename or file.content_length]
        return RequestCreateSchema().load(form), files
    return RequestCreateSchema().load(request_guard.json_object_body()), []


def _resend() -> bool:
    """A resend of a request already filed is answered, never limited: an offline outbox on a weak
    connection may send the same report many times before an answer gets through."""
    try:
        key = idempotency_key()
    except ValidationError:
        return False
    return key is not None and filing.already_filed(key, optional_user())


def _present(service_request, viewer, token=None):
    supported = viewer is not None and queries.has_supported(service_request, viewer)
    holder = bool(token) and service_request.tracking_token_hash == token_hash(token)
    return presenters.present_request(service_request, viewer, supported, token_holder=holder)


def _page(page, viewer) -> dict:
    items = [presenters.present_request(item, viewer, contact=False) for item in page.items]
    return {"items": items, "next": page.next}


@bp.route("/requests", methods=["POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_FILING"], key_func=_user_key, exempt_when=_resend)
@bp.doc(
    requestBody=FILING_BODY,
    parameters=[IDEMPOTENCY_HEADER],
)
@bp.response(201, FiledRequestSchema)
@bp.alt_response(200, schema=FiledRequestSchema, description="A resend: the original request", success=True)
def file_request():
    """File a report or application (JSON, or multipart with up to 3 photos).

    Resending with the same Idempotency-Key and content answers the original (200); other content, 409.
    A resend of a filed request never counts against the filing limit.
    An anonymous filing answers its secret tracking_token once."""
    data, files = _filing_input()
    viewer = optional_user()
    filed = filing.file_request(data, viewer, files, idempotency_key())
    shown = presenters.present_request(
        filed.request,
        viewer,
        token_holder=filed.tracking_token is not None,
        tracking_token=filed.tracking_token or missing,
    )
    return shown, 200 if filed.replayed else 201


@bp.route("/requests", methods=["GET"])
@cacheable(max_age=0, shows=REQUESTS)
@bp.arguments(RequestQueryArgsSchema, location="query")
@bp.response(200, RequestPageSchema)
def list_requests(args):
    """Public requests, newest first; filter by service, status, place, bbox or time; keyset cursor."""
    return _page(queries.list_public(args), optional_user())


@bp.route("/requests/mine", methods=["GET"])
@login_required
@bp.arguments(PageArgsSchema, location="query")
@bp.response(200, RequestPageSchema)
def list_mine(args):
    """The requests the logged-in person filed, newest first."""
    return _page(queries.list_mine(current_user, args), current_user)


@bp.route("/requests/nearby", methods=["GET"])
@bp.arguments(NearbyArgsSchema, location="query")
@bp.response(200, NearbyRequestSchema(many=True))
def list_nearby(args):
    """Open public requests of a service within about 150 m: "someone already reported this"."""
    viewer = optional_user()
    return [
        presenters.present_request(found, viewer, contact=False, distance_m=round(distance))
        for found, distance in queries.nearby(args["lat"], args["long"], args["service"])
    ]


@bp.route("/requests/<code>", methods=["GET"])
@cacheable(max_age=0, shows=REQUESTS)
@bp.arguments(ViewArgsSchema, location="query")
@bp.response(200, RequestSchema)
def get_request(args, code):
    """One request: public, or the viewer's own, or with its tracking token, or for staff."""
    viewer = optional_user()
    found = queries.get_visible_request(code, viewer, args.get("token"))
    shown = _present(found, viewer, args.get("token"))
    if any((shown.reporter or {}).values()):
        queries.note_contact_read(found, viewer)
    return shown


@bp.route("/requests/<code>/events", methods=["GET"])
@cacheable(max_age=0, shows=REQUESTS)
@bp.arguments(ViewArgsSchema, location="query")
@bp.response(200, EventSchema(many=True))
def list_events(args, code):
    """The request's timeline; internal notes and hidden comments only for staff."""
    viewer = optional_user()
    found = queries.get_visible_request(code, viewer, args.get("token"))
    return queries.timeline(found, viewer)


@bp.route("/requests/<code>/photos/<name>", methods=["GET"])
@bp.arguments(PhotoArgsSchema, location="query")
@bp.response(200, content_type="image/jpeg")
def get_photo(args, code, name):
    """A photo or thumbnail; a private request's photo needs the signed URL its viewers were given."""
    found = queries.get_request(code)
    response = send_photo(found, name, args.get("sig"))
    public = "sig" not in args
    response.headers["Cache-Control"] = "public, max-age=86400" if public else "private, max-age=3600"
    return response


@bp.route("/requests/<code>/comments", methods=["POST"])
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_COMMENTS"], key_func=_user_key)
@bp.arguments(TextSchema)
@bp.response(201, EventSchema)
def add_comment(data, code):
    """A public comment."""
    return workflow.add_comment(code, current_user, data["text"])


@bp.route("/requests/<code>/support", methods=["POST"])
@login_required
@bp.response(200, SupportSchema)
def support(code):
    """ "Me too": once per person; repeating it changes nothing."""
    supported = workflow.support(code, current_user)
    return {"supporter_count": supported.supporter_count, "has_supported": True}


@bp.route("/requests/<code>/rating", methods=["POST"])
@login_required
@bp.arguments(RatingSchema)
@bp.response(200, RequestSchema)
def rate(data, code):
    """The reporter rates a resolved request, 1-5, once."""
    return _present(workflow.rate(code, current_user, data["rating"], data.get("feedback")), current_user)


@bp.route("/requests/<code>/reopen", methods=["POST"])
@login_required
@bp.arguments(ReopenSchema)
@bp.response(200, RequestSchema)
def reopen(data, code):
    """The reporter reopens a resolved request within 7 days."""
    return _present(workflow.reopen(code, current_user, data["reason"]), current_user)


@bp.route("/staff/requests", methods=["GET"])
@role_required(*STAFF)
@bp.arguments(InboxQueryArgsSchema, location="query")
@bp.response(200, RequestPageSchema)
def staff_inbox(args):
    """The OPD's open requests by SLA deadline, overdue first; search them by `q` (a tracking code
    typed exactly finds that request whatever its status; other text searches code, address and
    description). An unknown service, kecamatan or OPD code answers 422."""
    return _page(inbox.search_inbox(current_user, args), current_user)


@bp.route("/requests/<code>/transitions", methods=["POST"])
@role_required(Role.OPD_STAFF, Role.ADMIN)  # operators dispatch; they do not work requests
@bp.doc(
    requestBody={
        "content": {
            "application/json": {"schema": TransitionSchema},
            "multipart/form-data": {"schema": TransitionSchema},
        }
    }
)
@bp.response(200, RequestSchema)
def transition(code):
    """Accept, start, resolve (note; optional after-photo in multipart field "photo"), close or reject
    (reason; duplicate_of names the original). An edge not in the workflow answers 409."""
    if request.mimetype == "multipart/form-data":
        files = [file for file in request.files.getlist("photo") if file.filename or file.content_length]
        data = TransitionSchema().load(request.form.to_dict())
    else:
        data, files = TransitionSchema().load(request_guard.json_object_body()), []
    changed = workflow.change_status(
        code, current_user, data["to"], data.get("note"), data.get("duplicate_of"), files
    )
    return _present(changed, current_user)


@bp.route("/requests/<code>/notes", methods=["POST"])
@role_required(*STAFF)
@bp.arguments(TextSchema)
@bp.response(201, EventSchema)
def add_note(data, code):
    """An internal note, never shown publicly."""
    return workflow.add_note(code, current_user, data["text"])


@bp.route("/requests/<code>/reroute", methods=["POST"])
@role_required(*STAFF)
@bp.arguments(RerouteSchema)
@bp.response(200, RequestSchema)
def reroute(data, code):
    """Send the request to another OPD, with a reason."""
    return _present(workflow.reroute(code, current_user, data["opd"], data["reason"]), current_user)


@bp.route("/requests/<code>/moderation", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(ModerationSchema)
@bp.response(200, RequestSchema)
def moderate_request(data, code):
    """Hide (or show again) a request; hidden ones stay but leave every public answer."""
    return _present(workflow.set_request_hidden(code, data["hidden"], data.get("reason")), current_user)


@bp.route("/requests/<code>/events/<id:event_id>/moderation", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(ModerationSchema)
@bp.response(200, EventSchema)
def moderate_comment(data, code, event_id):
    """Hide (or show again) a comment."""
    return workflow.set_event_hidden(code, event_id, data["hidden"])


@bp.route("/admin/moderation/requests", methods=["GET"])
@role_required(Role.ADMIN)
@bp.arguments(ModerationArgsSchema, location="query")
@bp.response(200, ModeratedRequestPageSchema)
def moderation_requests(args):
    """Public requests, hidden ones too (?hidden= picks one side), newest first, with why they were hidden."""
    return _page(queries.moderation_requests(args), current_user)


@bp.route("/admin/moderation/comments", methods=["GET"])
@role_required(Role.ADMIN)
@bp.arguments(ModerationArgsSchema, location="query")
@bp.response(200, ModeratedCommentPageSchema)
def moderation_comments(args):
    """Comments on public requests, hidden ones too (?hidden= picks one side), newest first."""
    return queries.moderation_comments(args)
