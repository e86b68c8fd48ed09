"""A person's devices, forgotten at once when they withdraw push consent or delete their account."""

from ..accounts.models import User
from ..extensions import db
from .models import PushSubscription


def forget_devices(user: User) -> None:
    """No campaign or request news reaches the person's devices any more. The caller commits."""
    db.session.execute(PushSubscription.__table__.delete().where(PushSubscription.user_id == user.id))
