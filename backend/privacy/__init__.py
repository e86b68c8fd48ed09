"""Personal data under UU PDP (Law 27 of 2022): the versioned privacy notice and consents per purpose."""

from ..extensions import ApiBlueprint

bp = ApiBlueprint("privacy", __name__, description="The privacy notice and a person's consents.")
