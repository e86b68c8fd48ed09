"""What deleting an account erases beyond the account row (accounts.services.delete_account): the
person's contacts wherever they were copied (requests a partner filed for them, the texts of their
reports and of those reports' timelines), the devices of their sign-ins, their exports, and the
address and device of their audit rows."""

import re
from collections.abc import Iterable

from sqlalchemy import Text, cast, func, or_, select, update

from ..accounts.models import LoginSession, User
from ..audit.services import pseudonymise
from ..extensions import db
from ..service_requests.models import RequestEvent, ServiceRequest
from .exports import discard_exports

ERASED = "[dihapus]"
# A name shorter than this is too likely a part of other words to be taken out of free text.
SHORTEST_NAME = 3


def phone_forms(phone: str) -> list[str]:
    """A number as people write it: +6281..., 6281..., 081... (stored as +62...)."""
    digits = re.sub(r"\D", "", phone)
    national = digits[2:] if digits.startswith("62") else digits.lstrip("0")
    return [f"+62{national}", f"62{national}", f"0{national}"]


def contact_strings(name: str | None, email: str | None, phone: str | None) -> list[str]:
    strings = [value for value in (email,) if value]
    if name and len(name.strip()) >= SHORTEST_NAME:
        strings.append(name.strip())
    return strings + (phone_forms(phone) if phone else [])


class Eraser:
    """Replaces any of the strings, as a whole word and whatever the case, in free text."""

    def __init__(self, strings: Iterable[str]):
        longest_first = sorted(set(strings), key=len, reverse=True)
        alternatives = "|".join(re.escape(string) for string in longest_first)
        self.pattern = (
            re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if longest_first else None
        )

    def __call__(self, text):
        if self.pattern is None or not isinstance(text, str):
            return text
        return self.pattern.sub(ERASED, text)

    def values(self, values: dict) -> dict:
        return {key: self(value) for key, value in (values or {}).items()}


def erase_contacts_from_request(request: ServiceRequest, erase: Eraser) -> None:
    """Drop the request's own contact and take the strings out of its texts and timeline."""
    request.contact = None
    request.description = erase(request.description)
    request.address = erase(request.address)
    request.feedback = erase(request.feedback)
    request.attribute_values = erase.values(request.attribute_values)
    for event in db.session.scalars(select(RequestEvent).where(RequestEvent.request_id == request.id)):
        event.text = erase(event.text)


def _requests_naming(user: User) -> list[ServiceRequest]:
    """The person's reports, and those a partner filed with their e-mail or phone as contact."""
    contact_text = func.lower(cast(ServiceRequest.contact, Text))
    given = [user.email] if user.email else []
    given += phone_forms(user.phone) if user.phone else []
    matches = [contact_text.contains(value.lower()) for value in given]
    return db.session.scalars(
        select(ServiceRequest).where(or_(ServiceRequest.reporter_id == user.id, *matches))
    ).all()


def erase_personal_data(user: User) -> None:
    """Everything but the account row itself (the caller renames it and commits)."""
    erase = Eraser(contact_strings(user.name, user.email, user.phone))
    for request in _requests_naming(user):
        erase_contacts_from_request(request, erase)
    for event in db.session.scalars(select(RequestEvent).where(RequestEvent.author_id == user.id)):
        event.text = erase(event.text)
    db.session.execute(update(LoginSession).where(LoginSession.user_id == user.id).values(user_agent=None))
    discard_exports(user)
    pseudonymise(user.id)
