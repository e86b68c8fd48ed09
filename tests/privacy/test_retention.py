"""Retention: reporters' contacts leave requests closed more than the city pack's months ago (24),
and audit rows older than its audit retention (60 months) are deleted."""

from datetime import datetime

from backend.audit.models import AuditEntry
from backend.extensions import db
from backend.privacy.retention import apply_retention, months_before
from backend.service_requests.models import ServiceRequest

from ..factories import auth_headers, make_request, set_fields


def contact(name: str) -> dict:
    first = name.split()[0].lower()
    return {"name": name, "email": f"{first}@contoh.id", "phone": "081377766655"}


def closed_request(name: str, status: str = "closed", **fields) -> ServiceRequest:
    """A partner's request for `name`, closed (or only resolved) now."""
    request = make_request(contact=contact(name), description=f"Hubungi {name}", status=status, **fields)
    return set_fields(request, closed_at=request.resolved_at if status == "closed" else None)


def reporter_seen_by_staff(client, admin, request: ServiceRequest) -> dict:
    return client.get(f"/api/v1/requests/{request.code}", headers=auth_headers(admin)).get_json()["reporter"]


def test_months_before_counts_calendar_months():
    assert months_before(datetime(2026, 3, 31, 8), 1) == datetime(2026, 2, 28, 8)
    assert months_before(datetime(2026, 1, 15), 25) == datetime(2023, 12, 15)


def test_contacts_go_from_requests_closed_25_months_ago_and_stay_on_one_closed_23_months_ago(
    client, clock, admin, resident
):
    old = closed_request("Yohana Partnerita")
    old_resolved = closed_request("Hendra Selesaian", status="resolved")
    old_own = set_fields(make_request(reporter=resident, status="closed"), closed_at=clock.now)
    still_open = make_request(contact=contact("Sari Terbukaan"))
    clock.set(months_before(clock.now, -2))
    recent = closed_request("Yusuf Barusaja")
    clock.set(months_before(clock.now, -23))

    apply_retention()
    db.session.expire_all()

    for request in (old, old_resolved):
        assert request.contact is None and request.contacts_removed_at == clock.now
        assert request.description == "Hubungi [dihapus]"
        assert reporter_seen_by_staff(client, admin, request) == {"name": None, "email": None, "phone": None}
    assert reporter_seen_by_staff(client, admin, old_own)["email"] is None
    assert recent.contact == contact("Yusuf Barusaja") and recent.contacts_removed_at is None
    assert reporter_seen_by_staff(client, admin, recent)["name"] == "Yusuf Barusaja"
    assert still_open.contact == contact("Sari Terbukaan")


def test_audit_rows_older_than_the_audit_retention_are_deleted(app, clock, admin):
    for months in (61, 59):
        at = months_before(clock.now, months)
        db.session.add(AuditEntry(at=at, action="user.role_changed", actor_id=admin.id))
    db.session.commit()

    apply_retention()

    kept = db.session.scalars(db.select(AuditEntry.at)).all()
    assert kept == [months_before(clock.now, 59)]
