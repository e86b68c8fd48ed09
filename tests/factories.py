"""Plain factory functions for tests."""

import itertools

from sqlalchemy import select

from backend.accounts import services as accounts
from backend.accounts.models import Role, User
from backend.accounts.sessions import start_session
from backend.extensions import db
from backend.places.models import Opd

PASSWORD = "kata-sandi-uji-1"
_numbers = itertools.count(1)


def make_user(role: Role = Role.RESIDENT, opd_code: str | None = None, **fields) -> User:
    number = next(_numbers)
    opd = db.session.scalar(select(Opd).where(Opd.code == opd_code)) if opd_code else None
    data = {
        "name": f"Pengguna {number}",
        "email": f"pengguna{number}@contoh.id",
        "password": PASSWORD,
        "role": role,
        "opd": opd,
    } | fields
    return accounts.create_user(data)


def auth_headers(user: User) -> dict:
    """A Bearer header for a fresh login of the user."""
    return {"Authorization": f"Bearer {start_session(user, 'pytest').access_token}"}


def error_shape(response, code: int) -> dict:
    """Assert the one JSON error shape and return the body."""
    assert response.status_code == code, response.get_data(as_text=True)
    body = response.get_json()
    assert set(body) <= {"code", "status", "message", "errors"}
    assert body["code"] == code
    assert isinstance(body["status"], str) and body["status"]
    assert isinstance(body["message"], str) and body["message"]
    return body
