"""Deleting an account leaves none of the person's name, e-mail or phone anywhere in the database."""

from sqlalchemy import JSON, MetaData, String, Text, cast, select

from backend.accounts.models import LoginSession
from backend.audit.models import AuditEntry
from backend.extensions import db
from backend.privacy.models import DataExport
from backend.service_requests.models import ServiceRequest

from ..factories import PASSWORD, auth_headers
from .people import BAMBANG, KARTIKA, act_everywhere, answer_on, register
from .test_exports import export_of


def text_columns() -> list:
    """Every text and JSON column of every table, as the database itself describes them."""
    metadata = MetaData()
    metadata.reflect(bind=db.engine)
    return [
        column
        for table in metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, (String, Text, JSON))
    ]


def where_found(strings: list[str]) -> list[str]:
    columns = text_columns()
    assert len(columns) > 100  # the whole schema, not a part of it
    found = []
    for column in columns:
        values = db.session.scalars(select(cast(column, Text)).where(column.is_not(None))).all()
        place = f"{column.table.name}.{column.name}"
        found += [f"{place}: {text}" for text in strings for value in values if text.lower() in value.lower()]
    return found


def audit_row_of(user, **fields) -> None:
    db.session.add(AuditEntry(actor_id=user.id, actor_role=user.role, action="auth.sign_in", **fields))
    db.session.commit()


def test_deleting_the_account_leaves_no_name_email_or_phone_in_any_table(app, client, staff, admin):
    bambang, kartika = register(BAMBANG), register(KARTIKA)
    act_everywhere(client, bambang, kartika, staff, admin)
    act_everywhere(client, kartika, bambang, staff, admin)
    answer_on(client, kartika, bambang)
    answer_on(client, bambang, kartika)
    audit_row_of(kartika.user, ip_address="203.0.113.9", user_agent=kartika.user_agent)
    assert export_of(app, client, kartika.user)["status"] == "ready"
    before = where_found(kartika.strings())
    assert all(any(text in place for place in before) for text in kartika.strings())

    response = client.delete("/api/v1/me", json={"password": PASSWORD}, headers=auth_headers(kartika.user))
    assert response.status_code == 204
    db.session.expire_all()

    assert where_found(kartika.strings()) == []
    assert len(where_found(bambang.strings())) > 5  # the neighbour's data is untouched
    assert db.session.scalars(select(DataExport)).all() == []
    user_id = kartika.user.id
    assert set(
        db.session.scalars(select(LoginSession.user_agent).where(LoginSession.user_id == user_id))
    ) == {None}
    [audit] = db.session.scalars(select(AuditEntry).where(AuditEntry.actor_id == user_id)).all()
    assert (audit.ip_address, audit.user_agent, audit.action) == (None, None, "auth.sign_in")
    reports = db.session.scalars(select(ServiceRequest).where(ServiceRequest.reporter_id == user_id)).all()
    assert sorted(report.code for report in reports) == sorted(kartika.requests)
    assert "[dihapus]" in reports[0].description
