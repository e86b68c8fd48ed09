"""Push: device subscriptions, alert campaigns fanned out on the job runner, transactional updates."""

from flask_smorest import Blueprint

bp = Blueprint("push", __name__, description="Web push: subscriptions, alert campaigns, clicks.")
