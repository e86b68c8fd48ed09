"""What an accepted warning does: its peringatan article and its area alert (push campaign), or
the replacement or withdrawal of an earlier one.

Interface for the warnings ingest (one call per newly stored warning, in the transaction that
stored it): `act_on(warning)`. Filled in by the alerting branch.
"""

from .models import OfficialWarning


def act_on(warning: OfficialWarning) -> None:
    """Publish (or draft, by the city pack's send policy) the article and campaign of a new Alert,
    replace the earlier warning for an Update, withdraw it for a Cancel."""
