"""The admins' audit screen API: filters, keyset pages, the CSV export (itself audited), read-only."""

import csv
import io
from datetime import timedelta
from urllib.parse import quote

import pytest

from backend.audit.services import record
from backend.extensions import db

from ..factories import auth_headers, error_shape, make_user

AUDIT = "/api/v1/audit"


def entries(client, admin, **query) -> dict:
    text = "&".join(f"{name}={quote(str(value))}" for name, value in query.items())
    response = client.get(f"{AUDIT}?{text}", headers=auth_headers(admin))
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_json()


def actions(page: dict) -> list[str]:
    return [item["action"] for item in page["items"]]


def _history(clock, admin, staff):
    """Four rows an hour apart: two by staff on a request, two by the admin on a user."""
    start = clock.now
    for actor, action, target_type, target_id in [
        (staff, "request.status_changed", "request", "BPN-AAAAA"),
        (staff, "request.note_added", "request", "BPN-BBBBB"),
        (admin, "user.role_changed", "user", "7"),
        (admin, "user.deactivated", "user", "7"),
    ]:
        record(action, target_type=target_type, target_id=target_id, details={"to": "x"}, actor=actor)
        db.session.commit()
        clock.advance(3600)
    return start


def test_entries_come_newest_first_with_who_did_what(client, clock, admin, staff):
    _history(clock, admin, staff)
    page = entries(client, admin)
    assert actions(page) == [
        "user.deactivated",
        "user.role_changed",
        "request.note_added",
        "request.status_changed",
    ]
    first = page["items"][-1]
    assert first["actor"] == {"id": staff.id, "name": staff.name}
    assert (first["actor_role"], first["target_type"], first["target_id"]) == (
        "opd_staff",
        "request",
        "BPN-AAAAA",
    )
    assert first["details"] == {"to": "x"} and first["at"].endswith("+00:00")
    assert page["next"] is None


def test_filters_by_actor_action_area_target_and_time(client, clock, admin, staff):
    start = _history(clock, admin, staff)
    assert actions(entries(client, admin, actor=staff.id)) == ["request.note_added", "request.status_changed"]
    assert actions(entries(client, admin, action="user.deactivated")) == ["user.deactivated"]
    assert actions(entries(client, admin, action="user")) == ["user.deactivated", "user.role_changed"]
    assert actions(entries(client, admin, target_type="request", target_id="BPN-BBBBB")) == [
        "request.note_added"
    ]
    window = entries(
        client,
        admin,
        since=(start + timedelta(minutes=30)).isoformat(),
        until=(start + timedelta(hours=2)).isoformat(),
    )
    assert actions(window) == ["request.note_added"]


def test_an_area_filter_does_not_match_a_longer_area(client, admin):
    record("requests.exported", actor=admin)
    record("request.hidden", target_type="request", target_id="BPN-CCCCC", actor=admin)
    db.session.commit()
    assert actions(entries(client, admin, action="request")) == ["request.hidden"]


def test_pages_follow_the_cursor_without_gaps_or_repeats(client, admin):
    for number in range(5):
        record("user.updated", target_type="user", target_id=str(number), actor=admin)
    db.session.commit()
    seen, cursor = [], None
    while True:
        page = entries(client, admin, limit=2, **({"cursor": cursor} if cursor else {}))
        seen += [item["target_id"] for item in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == ["4", "3", "2", "1", "0"]


def test_a_time_range_ending_before_it_starts_is_refused(client, clock, admin):
    since, until = quote(clock.now.isoformat()), quote((clock.now - timedelta(hours=1)).isoformat())
    body = error_shape(client.get(f"{AUDIT}?since={since}&until={until}", headers=auth_headers(admin)), 422)
    assert "until" in body["errors"]


def test_csv_export_holds_the_filtered_rows_and_is_itself_audited(client, clock, admin, staff):
    _history(clock, admin, staff)
    response = client.get(
        f"{AUDIT}.csv?actor={staff.id}", headers={**auth_headers(admin), "Accept-Language": "en"}
    )
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][:6] == ["No.", "Time", "Actor ID", "Actor name", "Role", "Action"]
    assert [row[5] for row in rows[1:]] == ["request.note_added", "request.status_changed"]
    assert rows[1][3] == staff.name
    latest = entries(client, admin, action="audit.exported")["items"]
    assert [(item["actor"]["id"], item["details"]) for item in latest] == [
        (admin.id, {"filters": {"actor": staff.id}})
    ]


def test_csv_headers_are_indonesian_by_default_and_formulas_are_neutralised(client, admin):
    record("opd.updated", target_type="opd", target_id="=HYPERLINK(1)", actor=admin)
    db.session.commit()
    rows = list(
        csv.reader(
            io.StringIO(client.get(f"{AUDIT}.csv", headers=auth_headers(admin)).get_data(as_text=True))
        )
    )
    assert rows[0][1] == "Waktu"
    assert "'=HYPERLINK(1)" in [row[7] for row in rows[1:]]


def test_no_route_changes_or_deletes_an_audit_row(app, client, admin):
    audit_rules = [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(AUDIT)]
    assert audit_rules and all(rule.methods <= {"GET", "HEAD", "OPTIONS"} for rule in audit_rules)
    entry = record("user.updated", actor=make_user())
    db.session.commit()
    for method in ("PUT", "PATCH", "DELETE", "POST"):
        for url in (AUDIT, f"{AUDIT}/{entry.id}"):
            response = client.open(url, method=method, json={}, headers=auth_headers(admin))
            assert response.status_code in (404, 405), (method, url)


@pytest.mark.parametrize("role", ["resident", "opd_staff", "operator"])
@pytest.mark.parametrize("url", [AUDIT, f"{AUDIT}.csv"])
def test_only_admins_read_the_audit_trail(client, users, role, url):
    error_shape(client.get(url, headers=auth_headers(users[role])), 403)


@pytest.mark.parametrize("path", [AUDIT, f"{AUDIT}.csv"])
def test_an_actor_id_out_of_range_is_refused_not_a_server_error(client, admin, path):
    body = error_shape(client.get(f"{path}?actor=-5210032409692", headers=auth_headers(admin)), 422)
    assert "actor" in body["errors"]
