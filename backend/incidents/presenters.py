"""What of an incident depends on who reads it."""

from marshmallow import missing

from ..accounts.models import User
from ..schemas import Viewed
from .models import Incident
from .services import alert_campaigns, works_incidents


def as_read_by(incident: Incident, reader: User) -> Viewed:
    """The incident for its detail schema: operators and admins also get the delivery of the alerts
    sent from it (OPD staff read the incident, not the campaigns)."""
    alerts = alert_campaigns(incident) if works_incidents(reader) else missing
    return Viewed(incident, alerts=alerts)
