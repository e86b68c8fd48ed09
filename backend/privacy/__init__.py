"""Personal data under UU PDP (Law 27 of 2022): the versioned privacy notice and consents per
purpose, a person's copy of their data, what deleting an account erases, and how long contacts and
the audit trail are kept."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint(
    "privacy", __name__, description="The privacy notice, consents and a copy of one's own data."
)
