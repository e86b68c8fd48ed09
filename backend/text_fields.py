"""Input fields shared by the areas: plain text without the control characters no form produces
(a NUL byte would even make PostgreSQL refuse the row), sane datetimes, and database ids."""

import re
from datetime import UTC

from marshmallow import ValidationError, fields, validate

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n")).strip()


class PlainText(fields.String):
    """A string loaded stripped and without control characters (newlines and tabs stay)."""

    def _deserialize(self, value, attr, data, **kwargs):
        return clean_text(super()._deserialize(value, attr, data, **kwargs))


class AwareTime(fields.AwareDateTime):
    """A date and time with an offset, loaded in UTC, between the years 2000 and 2100: anything
    further away is a typo, and would overflow date arithmetic."""

    def _deserialize(self, value, attr, data, **kwargs):
        moment = super()._deserialize(value, attr, data, **kwargs)
        if not 2000 <= moment.year <= 2100:
            raise ValidationError("Not a valid datetime.")
        try:
            return moment.astimezone(UTC)
        except OverflowError:
            raise ValidationError("Not a valid datetime.") from None


def record_id(**kwargs) -> fields.Integer:
    """A database id: a positive number that fits the column."""
    return fields.Integer(validate=validate.Range(min=1, max=2**31 - 1), **kwargs)
