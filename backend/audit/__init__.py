"""The audit trail: an append-only record of every privileged action, read by admins."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("audit", __name__, description="The audit trail of privileged actions.")
