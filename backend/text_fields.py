"""Plain-text input: what a person typed, without the control characters that no form produces
(a NUL byte would even make PostgreSQL refuse the row)."""

import re

from marshmallow import fields

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    return _CONTROL.sub("", text.replace("\r\n", "\n")).strip()


class PlainText(fields.String):
    """A string loaded stripped and without control characters (newlines and tabs stay)."""

    def _deserialize(self, value, attr, data, **kwargs):
        return clean_text(super()._deserialize(value, attr, data, **kwargs))
