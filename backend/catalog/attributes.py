"""Checking the values a person gives for a service's attributes, by Open311 datatype."""

import math
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from ..errors import Invalid
from .models import Datatype, Service, ServiceAttribute

MAX_STRING = 255
MAX_TEXT = 4000
REQUIRED = "Missing data for required field."
SHOWN_UNKNOWN_CODES = 5
CODE_LENGTH = 40


class _Refused(ValueError):
    pass


def _string(attribute: ServiceAttribute, value, limit: int = MAX_STRING) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise _Refused("Not a valid string.")
    text = str(value).strip()
    if len(text) > limit:
        raise _Refused(f"Longer than maximum length {limit}.")
    if attribute.pattern and not re.fullmatch(attribute.pattern, text):
        raise _Refused("Does not match the expected format.")
    return text


def _plain(number: float) -> int | float:
    return int(number) if float(number).is_integer() else number


def _number(attribute: ServiceAttribute, value) -> int | float:
    if isinstance(value, bool):
        raise _Refused("Not a valid number.")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise _Refused("Not a valid number.") from None
    if not math.isfinite(number):
        raise _Refused("Not a valid number.")
    lowest, highest = attribute.bounds
    if not lowest <= number <= highest:
        raise _Refused(
            f"Must be greater than or equal to {_plain(lowest)} and less than or equal to {_plain(highest)}."
        )
    return _plain(number)


def _datetime(attribute: ServiceAttribute, value, timezone: ZoneInfo) -> str:
    if not isinstance(value, str):
        raise _Refused("Not a valid datetime.")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise _Refused("Not a valid datetime.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone)
    return moment.isoformat()


def _single(attribute: ServiceAttribute, value) -> str:
    if not isinstance(value, str) or value not in attribute.value_keys:
        raise _Refused(f"Must be one of: {', '.join(attribute.value_keys)}.")
    return value


def _multi(attribute: ServiceAttribute, value) -> list[str]:
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(item, str) for item in values):
        raise _Refused("Not a valid list.")
    unknown = [item for item in values if item not in attribute.value_keys]
    if unknown:
        raise _Refused(f"Must be one of: {', '.join(attribute.value_keys)}.")
    return sorted(set(values), key=values.index)


def _is_empty(value) -> bool:
    return value is None or value == "" or value == []


def clean_value(attribute: ServiceAttribute, value, timezone: ZoneInfo):
    """The value in its stored form, or _Refused with a message a person can read."""
    match attribute.datatype:
        case Datatype.STRING:
            return _string(attribute, value)
        case Datatype.TEXT:
            return _string(attribute, value, MAX_TEXT)
        case Datatype.NUMBER:
            return _number(attribute, value)
        case Datatype.DATETIME:
            return _datetime(attribute, value, timezone)
        case Datatype.SINGLEVALUELIST:
            return _single(attribute, value)
        case Datatype.MULTIVALUELIST:
            return _multi(attribute, value)
    raise _Refused("Invalid value.")


def _refuse_unknown(given: dict, attributes: dict) -> None:
    """Codes the form does not have are refused together, in one message naming the first few: a body
    with 200,000 of them gets one line, not 200,000."""
    unknown = [code for code in given if code not in attributes]
    if unknown:
        shown = ", ".join(code[:CODE_LENGTH] for code in unknown[:SHOWN_UNKNOWN_CODES])
        more = ", …" if len(unknown) > SHOWN_UNKNOWN_CODES else ""
        raise Invalid(errors={"attributes": [f"Unknown attributes ({len(unknown)}): {shown}{more}."]})


def clean_attributes(service: Service, given: dict | None, timezone: ZoneInfo) -> dict:
    """Check every attribute value against the service's active attributes; raise Invalid listing each
    problem under errors["attributes"][code], or unknown codes under errors["attributes"]."""
    given = given or {}
    attributes = {attribute.code: attribute for attribute in service.active_attributes}
    _refuse_unknown(given, attributes)
    problems: dict[str, list[str]] = {}
    cleaned = {}
    for code, attribute in attributes.items():
        value = given.get(code)
        if _is_empty(value):
            if attribute.required:
                problems[code] = [REQUIRED]
            continue
        try:
            cleaned[code] = clean_value(attribute, value, timezone)
        except _Refused as refusal:
            problems[code] = [str(refusal)]
    if problems:
        raise Invalid(errors={"attributes": problems})
    return cleaned


def public_values(service: Service, values: dict) -> dict:
    """Only the values of attributes marked public, for answers anyone can read."""
    public_codes = {attribute.code for attribute in service.attributes if attribute.is_public}
    return {code: value for code, value in values.items() if code in public_codes}
