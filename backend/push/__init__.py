"""Push: device subscriptions, alert campaigns fanned out on the job runner, transactional updates."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("push", __name__, description="Web push: subscriptions, alert campaigns, clicks.")
