"""Rows found by the code a client sent (an OPD's, a kecamatan's, a service's): one answer for an
unknown code everywhere."""

from sqlalchemy import select

from .errors import Invalid, NotFound
from .extensions import db


def by_code(model, code: str | None, field: str | None, message: str):
    """The row of `model` whose code is `code`, None for no code (None; an empty code is unknown).
    An unknown code is a 422 on `field` (the body or query field it came in), or a 404 when it named
    the resource itself (no field)."""
    if code is None:
        return None
    row = db.session.scalar(select(model).where(model.code == code))
    if row is None:
        if field is None:
            raise NotFound(message)
        raise Invalid(errors={field: [message]})
    return row


def ids_by_codes(model, codes: list[str], field: str) -> list[int]:
    """The ids of the rows with these codes; any unknown one is a 422 on `field` that names them."""
    found = dict(db.session.execute(select(model.code, model.id).where(model.code.in_(codes))).all())
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise Invalid(errors={field: [f"Unknown code: {', '.join(unknown)}."]})
    return list(found.values())
