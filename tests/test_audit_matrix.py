"""Every privileged write leaves exactly one audit row, naming the action and the caller.

The endpoints and their fixtures come from the role matrix; AUDITED says which row each one
writes. `test_every_privileged_write_is_audited` fails until a new staff, operator or admin write
is given its row here, so none ships unrecorded.
"""

import io

import pytest
from sqlalchemy import func, select

from backend.audit.models import AuditEntry
from backend.extensions import db

from .factories import add_comment, auth_headers, jpeg, make_request, make_user
from .test_role_matrix import EVERYONE, PROTECTED, fill_in, one_device  # noqa: F401 (a fixture)

AUDITED = {
    "PATCH /api/v1/admin/users/<id:user_id>": "user.deactivated",
    "POST /api/v1/opds": "opd.created",
    "PATCH /api/v1/opds/<code>": "opd.updated",
    "POST /api/v1/services": "service.created",
    "PATCH /api/v1/services/<code>": "service.updated",
    "POST /api/v1/services/<code>/attributes": "service.attribute_added",
    "PATCH /api/v1/services/<code>/attributes/<attribute_code>": "service.attribute_updated",
    "POST /api/v1/requests/<code>/transitions": "request.status_changed",
    "POST /api/v1/requests/<code>/notes": "request.note_added",
    "POST /api/v1/requests/<code>/reroute": "request.rerouted",
    "POST /api/v1/requests/<code>/moderation": "request.hidden",
    "POST /api/v1/requests/<code>/events/<id:event_id>/moderation": "comment.hidden",
    "POST /api/v1/news": "article.created",
    "PATCH /api/v1/news/<slug>": "article.edited",
    "POST /api/v1/news/<slug>/publish": "article.published",
    "POST /api/v1/news/<slug>/archive": "article.archived",
    "POST /api/v1/news/<slug>/moderation": "article.hidden",
    "POST /api/v1/news/images": "article.image_uploaded",
    "POST /api/v1/push/campaigns": "campaign.scheduled",
    "POST /api/v1/push/campaigns/<id:campaign_id>/cancel": "campaign.cancelled",
    "GET /api/v1/requests.csv": "requests.exported",
    "POST /api/v1/incidents": "incident.opened",
    "POST /api/v1/incidents/<id:incident_id>/confirm": "incident.confirmed",
    "POST /api/v1/incidents/<id:incident_id>/dismiss": "incident.dismissed",
    "POST /api/v1/incidents/<id:incident_id>/merge": "incident.merged",
    "POST /api/v1/incidents/<id:incident_id>/requests": "incident.linked",
    "POST /api/v1/incidents/<id:incident_id>/requests/unlink": "incident.unlinked",
    "POST /api/v1/incidents/<id:incident_id>/lead-opd": "incident.lead_opd_set",
    "POST /api/v1/incidents/<id:incident_id>/notes": "incident.note_added",
    "POST /api/v1/incidents/<id:incident_id>/alert": "incident.alert_sent",
    "POST /api/v1/incidents/<id:incident_id>/updates": "incident.update_published",
    "POST /api/v1/incidents/<id:incident_id>/close": "incident.closed",
    "POST /api/v1/warnings/<id:warning_id>/send": "warning.sent",
    "POST /api/v1/admin/open311-keys": "open311_key.issued",
    "DELETE /api/v1/admin/open311-keys/<id:key_id>": "open311_key.revoked",
    "GET /api/v1/audit.csv": "audit.exported",
    "POST /api/v1/admin/invitations": "invitation.sent",
    "POST /api/v1/admin/invitations/<id:invitation_id>/resend": "invitation.resent",
    "DELETE /api/v1/admin/invitations/<id:invitation_id>": "invitation.revoked",
    "POST /api/v1/admin/users/<id:user_id>/two-factor/reset": "two_factor.reset",
}
# Writes the role matrix calls with a body meant to be refused (a made-up code, a wrong password):
# their rows are checked where they succeed, in tests/accounts/test_two_factor.py.
AUDITED_ELSEWHERE = {
    "POST /api/v1/me/two-factor/confirm": "two_factor.enabled",
    "DELETE /api/v1/me/two-factor": "two_factor.disabled",
}
# Privileged POSTs that change nothing (a 2FA setup only shows a secret until it is confirmed).
NOT_WRITES = {"POST /api/v1/news/preview", "POST /api/v1/me/two-factor/setup"}


def _last_id() -> int:
    return db.session.scalar(select(func.max(AuditEntry.id))) or 0


def rows_after(last_id: int) -> list[AuditEntry]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id)))


def test_every_privileged_write_is_audited():
    privileged_writes = {
        str(endpoint)
        for endpoint in PROTECTED
        if endpoint.roles != EVERYONE and endpoint.method != "GET" and str(endpoint) not in NOT_WRITES
    }
    audited = set(AUDITED) | set(AUDITED_ELSEWHERE)
    assert privileged_writes <= audited, privileged_writes - audited


@pytest.mark.parametrize(
    "endpoint", [endpoint for endpoint in PROTECTED if str(endpoint) in AUDITED], ids=str
)
def test_privileged_write_leaves_one_audit_row(client, users, endpoint):
    """Called by the first role allowed (staff before admins), so the actor is not always an admin."""
    caller = users[endpoint.roles[0]]
    url, body = fill_in(endpoint.url or endpoint.rule, caller, users["admin"], endpoint.body)
    before = _last_id()
    if endpoint.upload:
        form = {endpoint.upload: (io.BytesIO(jpeg()), "gambar.jpg")}
        response = client.open(url, method=endpoint.method, data=form, headers=auth_headers(caller))
    else:
        response = client.open(url, method=endpoint.method, json=body, headers=auth_headers(caller))
    response.get_data()  # a streamed export runs to its end
    assert response.status_code in endpoint.allowed_answers, response.get_data(as_text=True)
    rows = rows_after(before)
    assert [(row.action, row.actor_id, row.actor_role) for row in rows] == [
        (AUDITED[str(endpoint)], caller.id, caller.role)
    ]
    assert rows[0].ip_address == "127.0.0.1"


def test_staff_comment_is_audited_and_a_resident_comment_is_not(client, staff, resident):
    request = make_request(reporter=make_user())
    before = _last_id()
    for author in (resident, staff):
        response = client.post(
            f"/api/v1/requests/{request.code}/comments",
            json={"text": "Sedang dicek."},
            headers=auth_headers(author),
        )
        assert response.status_code == 201
    assert [(row.action, row.actor_id, row.target_id) for row in rows_after(before)] == [
        ("request.commented", staff.id, request.code)
    ]


def test_a_failed_action_leaves_no_row(client, staff):
    """The row is written in the action's transaction: an action refused halfway records nothing."""
    request = make_request(reporter=make_user())
    before = _last_id()
    response = client.post(
        f"/api/v1/requests/{request.code}/transitions", json={"to": "resolved"}, headers=auth_headers(staff)
    )
    assert response.status_code in (409, 422)
    assert rows_after(before) == []


def test_reading_a_reporters_contacts_leaves_one_row_per_read(client, users):
    reporter = make_user(phone="+6281234567890")
    request = make_request(reporter=reporter)
    before = _last_id()
    for _ in range(2):
        answer = client.get(f"/api/v1/requests/{request.code}", headers=auth_headers(users["opd_staff"]))
        assert answer.get_json()["reporter"]["phone"] == "+6281234567890"
    for viewer in (reporter, users["resident"], None):
        client.get(f"/api/v1/requests/{request.code}", headers=auth_headers(viewer) if viewer else {})
    rows = rows_after(before)
    assert [(row.action, row.actor_id, row.target_id) for row in rows] == [
        ("request.contact_viewed", users["opd_staff"].id, request.code)
    ] * 2


def test_staff_reading_a_request_with_no_contact_leaves_no_row(client, staff):
    anonymous = make_request(reporter=None)
    before = _last_id()
    answer = client.get(f"/api/v1/requests/{anonymous.code}", headers=auth_headers(staff))
    assert answer.status_code == 200 and not any(answer.get_json()["reporter"].values())
    assert rows_after(before) == []


def test_role_change_records_old_and_new_values(client, admin):
    target = make_user()
    before = _last_id()
    response = client.patch(
        f"/api/v1/admin/users/{target.id}",
        json={"role": "opd_staff", "opd": "DPU"},
        headers=auth_headers(admin),
    )
    assert response.status_code == 200
    (row,) = rows_after(before)
    assert (row.action, row.target_type, row.target_id) == ("user.role_changed", "user", str(target.id))
    assert row.details == {"role": ["resident", "opd_staff"], "opd": [None, "DPU"]}


def test_comment_moderation_names_its_request(client, admin):
    request = make_request(reporter=make_user())
    comment = add_comment(request, make_user())
    before = _last_id()
    client.post(
        f"/api/v1/requests/{request.code}/events/{comment.id}/moderation",
        json={"hidden": False},
        headers=auth_headers(admin),
    )
    (row,) = rows_after(before)
    assert (row.action, row.target_id, row.details) == (
        "comment.unhidden",
        str(comment.id),
        {"request": request.code},
    )


def test_lists_leave_the_reporters_contacts_out_so_every_read_is_audited(client, admin):
    reporter = make_user(name="Kartini Wulandari", phone="+6281299887766")
    make_request(reporter=reporter)
    before = _last_id()
    for url in ("/api/v1/staff/requests", "/api/v1/requests", "/api/v1/admin/moderation/requests"):
        response = client.get(url, headers=auth_headers(admin))
        assert response.status_code == 200 and response.get_json()["items"], url
        assert "Kartini" not in response.get_data(as_text=True) and "81299887766" not in response.get_data(
            as_text=True
        )
    assert rows_after(before) == []
