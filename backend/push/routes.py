"""HTTP endpoints for push: the VAPID key, subscriptions, clicks, and admins' campaigns."""

from flask import current_app
from flask_jwt_extended import current_user

from ..errors import Unavailable
from ..extensions import client_address, limiter
from ..idempotency import HEADER_DOC as IDEMPOTENCY_HEADER
from ..idempotency import idempotency_key
from ..schemas import PageArgsSchema
from ..security import Role, optional_user, role_required
from . import bp, campaigns, services
from .schemas import (
    CampaignCreateSchema,
    CampaignPageSchema,
    CampaignSchema,
    ClickSchema,
    CountSchema,
    EndpointSchema,
    PreferencesSchema,
    SubscribeSchema,
    SubscriptionSchema,
    TargetArgsSchema,
    VapidKeySchema,
)


def _subscription_limit() -> str:
    return current_app.config["RATELIMIT_PUSH_SUBSCRIPTIONS"]


@bp.route("/push/vapid-public-key", methods=["GET"])
@bp.response(200, VapidKeySchema)
def vapid_public_key():
    """The applicationServerKey for PushManager.subscribe()."""
    key = current_app.config.get("VAPID_PUBLIC_KEY")
    if not key:
        raise Unavailable("Push notifications are not set up on this server.")
    return {"public_key": key}


@bp.route("/push/subscriptions", methods=["POST"])
@limiter.limit(_subscription_limit, key_func=client_address)
@bp.arguments(SubscribeSchema)
@bp.response(201, SubscriptionSchema)
def subscribe(data):
    """Save this browser's subscription (by endpoint); a logged-in resident's device is linked to them."""
    return services.subscribe(data, optional_user())


@bp.route("/push/subscriptions", methods=["PATCH"])
@limiter.limit(_subscription_limit, key_func=client_address)
@bp.arguments(PreferencesSchema)
@bp.response(200, SubscriptionSchema)
def update_subscription(data):
    """Change topics, area or language of a subscription, found by its endpoint."""
    return services.update_preferences(data)


@bp.route("/push/subscriptions", methods=["DELETE"])
@limiter.limit(_subscription_limit, key_func=client_address)
@bp.arguments(EndpointSchema)
@bp.response(204)
def unsubscribe(data):
    """Forget a subscription (by endpoint); unknown ones are already forgotten."""
    services.unsubscribe(data["endpoint"])


@bp.route("/push/clicks", methods=["POST"])
@limiter.limit(_subscription_limit, key_func=client_address)
@bp.arguments(ClickSchema)
@bp.response(204)
def click(data):
    """A notification of a campaign was tapped (counted once per device)."""
    services.record_click(data["campaign"], data["endpoint"])


@bp.route("/push/campaigns", methods=["POST"])
@role_required(Role.ADMIN)
@bp.doc(parameters=[IDEMPOTENCY_HEADER])
@bp.arguments(CampaignCreateSchema)
@bp.response(201, CampaignSchema)
@bp.alt_response(200, schema=CampaignSchema, description="A resend: the first campaign", success=True)
def create_campaign(data):
    """Send an alert now or at scheduled_at; the fan-out runs on the job runner.

    Resending with the same Idempotency-Key and content answers the first campaign (200); other
    content, 409."""
    campaign, replayed = campaigns.create_campaign(data, current_user, idempotency_key=idempotency_key())
    return campaign, 200 if replayed else 201


@bp.route("/push/campaigns", methods=["GET"])
@role_required(Role.ADMIN)
@bp.arguments(PageArgsSchema, location="query")
@bp.response(200, CampaignPageSchema)
def list_campaigns(args):
    """Campaigns, newest first, with their counts."""
    return campaigns.list_campaigns(args)


@bp.route("/push/campaigns/preview", methods=["GET"])
@role_required(Role.ADMIN)
@bp.arguments(TargetArgsSchema, location="query")
@bp.response(200, CountSchema)
def preview_target(args):
    """How many devices a target reaches now."""
    values = [value.strip() for value in args["target_values"].split(",") if value.strip()]
    return {"targeted": campaigns.count_targets(args["target_kind"], values)}


@bp.route("/push/campaigns/<id:campaign_id>", methods=["GET"])
@role_required(Role.ADMIN)
@bp.response(200, CampaignSchema)
def get_campaign(campaign_id):
    """One campaign with its live counts."""
    return campaigns.get_campaign(campaign_id)


@bp.route("/push/campaigns/<id:campaign_id>/cancel", methods=["POST"])
@role_required(Role.ADMIN)
@bp.response(200, CampaignSchema)
def cancel_campaign(campaign_id):
    """Stop a scheduled or sending campaign."""
    return campaigns.cancel_campaign(campaign_id)
