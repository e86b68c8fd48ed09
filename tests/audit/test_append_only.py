"""The database keeps the audit trail append-only (migration 0017); pseudonymisation and the
retention purge are the only ways a row changes or goes."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError

from backend.audit.models import AuditEntry, AuditPurge
from backend.audit.services import pseudonymise, purge_allowed, purge_older_than, record
from backend.extensions import db
from backend.places.services import retention_settings

from ..factories import make_user


def _entry(actor, **fields) -> int:
    entry = record("user.role_changed", target_type="service", target_id="9", actor=actor, **fields)
    entry.ip_address, entry.user_agent = "203.0.113.9", "Firefox"
    db.session.commit()
    return entry.id


def _refused(statement: str, **parameters) -> None:
    with pytest.raises(DatabaseError, match="append-only"):
        db.session.execute(text(statement), parameters)
    db.session.rollback()


@pytest.mark.parametrize(
    "change",
    [
        "action = 'user.updated'",
        "actor_id = NULL",
        "target_id = '10'",
        "ip_address = '198.51.100.1'",
        """details = '{"role": ["admin", "resident"]}'""",
        """details = '{"role": ["resident", "opd_staff"], "extra": 1}'""",
    ],
)
def test_a_raw_update_is_refused(app, change):
    entry_id = _entry(make_user(), details={"role": ["resident", "opd_staff"]})
    _refused(f"UPDATE audit_entries SET {change} WHERE id = :id", id=entry_id)
    assert db.session.get(AuditEntry, entry_id).action == "user.role_changed"


# Emptying the table at once: PostgreSQL's TRUNCATE, SQLite's DELETE without a WHERE.
EMPTYING = {"postgresql": "TRUNCATE audit_entries", "sqlite": "DELETE FROM audit_entries"}


def test_a_raw_delete_is_refused(app):
    entry_id = _entry(make_user())
    _refused("DELETE FROM audit_entries WHERE id = :id", id=entry_id)
    _refused(EMPTYING[db.engine.dialect.name])
    assert db.session.get(AuditEntry, entry_id) is not None


def test_a_delete_is_refused_once_the_purge_has_ended(app):
    entry_id = _entry(make_user())
    with purge_allowed():
        pass
    _refused("DELETE FROM audit_entries WHERE id = :id", id=entry_id)
    assert db.session.scalar(select(func.count()).select_from(AuditPurge)) == 0


def test_a_failed_purge_leaves_no_mark_behind(app):
    entry_id = _entry(make_user())
    with pytest.raises(RuntimeError), purge_allowed():
        raise RuntimeError("the purge's statements failed")
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(AuditPurge)) == 0
    _refused("DELETE FROM audit_entries WHERE id = :id", id=entry_id)


def test_another_connection_does_not_see_a_purge_in_progress(app):
    entry_id = _entry(make_user())
    with purge_allowed():
        with db.engine.connect() as other:
            assert other.scalar(select(func.count()).select_from(AuditPurge)) == 0
    db.session.rollback()
    assert db.session.get(AuditEntry, entry_id) is not None


def test_pseudonymise_keeps_what_was_done_and_drops_who_it_was(app):
    person, other = make_user(), make_user()
    acted = _entry(person, details={"login": person.email, "method": "totp"})
    targeted = record(
        "user.deactivated", target_type="user", target_id=person.id, details={"is_active": [1, 0]}
    )
    untouched = _entry(other)
    db.session.commit()
    assert pseudonymise(person.id) == 2
    db.session.commit()
    db.session.expire_all()
    row = db.session.get(AuditEntry, acted)
    assert (row.actor_id, row.action, row.ip_address, row.user_agent) == (
        person.id,
        "user.role_changed",
        None,
        None,
    )
    assert row.details == {"method": "totp"}
    assert db.session.get(AuditEntry, targeted.id).details == {"is_active": [1, 0]}
    assert db.session.get(AuditEntry, untouched).ip_address == "203.0.113.9"


def test_purge_deletes_only_rows_older_than_the_cutoff(app, clock):
    actor = make_user()
    old = _entry(actor)
    clock.advance(timedelta(days=400).total_seconds())
    recent = _entry(actor)
    assert purge_older_than(clock.now - timedelta(days=365)) == 1
    db.session.commit()
    assert list(db.session.scalars(select(AuditEntry.id).where(AuditEntry.id.in_([old, recent])))) == [recent]


def test_the_city_pack_says_how_long_the_audit_trail_is_kept(app):
    assert retention_settings() == {"reporter_contacts_months": 24, "audit_trail_months": 60}


def test_a_pack_without_retention_gets_the_default():
    from backend.citypacks import load_pack

    assert load_pack("tests/citypacks/kota_contoh.json")["retention"] == {
        "reporter_contacts_months": 24,
        "audit_trail_months": 60,
    }
