"""One action for many: closing an incident resolves every linked open request with one message,
one push and one timeline entry per reporter, credited to the lead OPD; a retry sends nothing twice.
The area alert goes to the incident's kelurahan only; the status update is a peringatan article
limited to it."""

from sqlalchemy import func, select

from backend.extensions import db
from backend.news.models import Article
from backend.push.models import Campaign
from backend.service_requests.models import RequestEvent, ServiceRequest

from ..factories import auth_headers, make_request, make_user, subscribe_devices
from ..push.helpers import subscribe, wait_for_jobs
from .helpers import FLOOD, GUNUNG_SAMARINDA, INCIDENTS, MANGGAR

CLOSING = "Saluran sudah dibersihkan dan air surut. Terima kasih atas laporan Anda."


def open_incident(client, operator, kelurahan=(GUNUNG_SAMARINDA,)) -> int:
    response = client.post(
        INCIDENTS,
        json={"group": "infrastruktur", "kelurahan": list(kelurahan), "description": "Banjir setelah hujan"},
        headers=auth_headers(operator),
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()["id"]


def events_of(request) -> int:
    return db.session.scalar(
        select(func.count()).select_from(RequestEvent).where(RequestEvent.request_id == request.id)
    )


def test_closing_resolves_thirty_requests_with_one_push_and_one_entry_each_and_a_retry_sends_nothing(
    app, client, operator, push_service
):
    headers = auth_headers(operator)
    reporters = [make_user() for _ in range(30)]
    devices = [push_service.device() for _ in reporters]
    for reporter, device in zip(reporters, devices, strict=True):
        subscribe_devices([device], reporter.id)
    statuses = ["submitted", "accepted", "in_progress"]
    linked = [
        make_request(FLOOD, reporter=reporter, kelurahan=GUNUNG_SAMARINDA, status=statuses[number % 3])
        for number, reporter in enumerate(reporters)
    ]
    bystander_device = push_service.device()
    bystander = make_user()
    subscribe_devices([bystander_device], bystander.id)
    elsewhere = make_request(FLOOD, reporter=bystander, kelurahan=MANGGAR)
    unlinked_here = make_request(FLOOD, reporter=bystander, kelurahan=GUNUNG_SAMARINDA)
    incident_id = open_incident(client, operator)
    url = f"{INCIDENTS}/{incident_id}"
    response = client.post(f"{url}/requests", json={"requests": [r.code for r in linked]}, headers=headers)
    assert response.status_code == 200 and response.get_json()["report_count"] == 30
    assert client.post(f"{url}/lead-opd", json={"opd": "BPBD"}, headers=headers).status_code == 200
    before = {request.id: events_of(request) for request in linked}

    response = client.post(f"{url}/close", json={"message": CLOSING}, headers=headers)
    assert response.status_code == 200 and response.get_json()["state"] == "resolved"
    wait_for_jobs(app)
    again = client.post(f"{url}/close", json={"message": CLOSING}, headers=headers)
    assert again.status_code == 200
    wait_for_jobs(app)

    db.session.expire_all()
    assert push_service.errors == []
    for request, device in zip(linked, devices, strict=True):
        assert request.status == "resolved" and request.resolved_at is not None
        assert request.opd.code == "BPBD"  # the lead OPD is credited
        assert events_of(request) == before[request.id] + 1
        [message] = device.received
        assert message.topic == request.code and CLOSING in message.payload["body"]
    assert bystander_device.received == []
    assert elsewhere.status == "submitted" and unlinked_here.status == "submitted"
    assert events_of(elsewhere) == 1

    different = client.post(f"{url}/close", json={"message": "Lain"}, headers=headers)
    assert different.status_code == 409
    summary = client.get(f"/api/v1/dashboard/summary?incident={incident_id}", headers=headers).get_json()
    assert summary["created_in_period"] == 30 and summary["open"] == 0
    counts = client.get(f"/api/v1/dashboard/counts?by=opd&incident={incident_id}", headers=headers).get_json()
    assert counts == [{"key": "BPBD", "label": "BPBD", "count": 30}]


def test_the_area_alert_reaches_the_incidents_kelurahan_only(app, client, operator, push_service):
    inside, english, outside = push_service.device(), push_service.device(), push_service.device()
    subscribe(client, inside, kelurahan=GUNUNG_SAMARINDA)
    subscribe(client, english, kelurahan=GUNUNG_SAMARINDA, locale="en")
    subscribe(client, outside, kelurahan=MANGGAR)
    incident_id = open_incident(client, operator)
    detail = client.get(f"{INCIDENTS}/{incident_id}", headers=auth_headers(operator)).get_json()
    assert detail["alert_draft"]["title"] == "Penanganan infrastruktur di Gunung Samarinda"

    response = client.post(f"{INCIDENTS}/{incident_id}/alert", json={}, headers=auth_headers(operator))
    assert response.status_code == 201, response.get_data(as_text=True)
    wait_for_jobs(app)

    [message] = inside.received
    assert message.payload["title"] == "Penanganan infrastruktur di Gunung Samarinda"
    assert message.payload["url"] == f"/insiden/{incident_id}" and message.urgency == "high"
    assert message.topic == f"incident-{incident_id}"  # a later alert replaces it on the device
    [in_english] = english.received
    assert in_english.payload["title"] == "Infrastructure in Gunung Samarinda: being handled"
    assert outside.received == []
    campaign = db.session.get(Campaign, response.get_json()["id"])
    assert campaign.is_alert and campaign.target_kind == "kelurahan"
    timeline = client.get(f"{INCIDENTS}/{incident_id}", headers=auth_headers(operator)).get_json()["timeline"]
    assert timeline[-1]["kind"] == "alert" and timeline[-1]["data"] == {"campaign": campaign.id}


def test_a_status_update_is_a_peringatan_article_limited_to_the_area_and_shows_on_the_public_page(
    app, client, operator
):
    incident_id = open_incident(client, operator)
    response = client.post(
        f"{INCIDENTS}/{incident_id}/updates",
        json={
            "title": "Banjir Gunungsamarinda: pompa dikerahkan",
            "summary": "Dua pompa bekerja sejak pukul 17.00.",
        },
        headers=auth_headers(operator),
    )
    assert response.status_code == 201, response.get_data(as_text=True)
    article = db.session.scalar(select(Article).where(Article.slug == response.get_json()["slug"]))
    assert article.category == "peringatan" and article.is_readable and article.expires_at is not None
    assert [area.code for area in article.kelurahan] == [GUNUNG_SAMARINDA]
    assert article.opd.code == "DISKOMINFO"  # no lead OPD yet: the OPD of the warnings' articles
    page = client.get(f"{INCIDENTS}/{incident_id}/public").get_json()
    assert [update["slug"] for update in page["updates"]] == [article.slug]


def test_closing_twice_at_once_resolves_each_request_once(app, client, operator, push_service):
    reporter = make_user()
    device = push_service.device()
    subscribe_devices([device], reporter.id)
    request = make_request(FLOOD, reporter=reporter, kelurahan=GUNUNG_SAMARINDA)
    incident_id = open_incident(client, operator)
    client.post(
        f"{INCIDENTS}/{incident_id}/requests",
        json={"requests": [request.code]},
        headers=auth_headers(operator),
    )
    from backend.incidents.actions import close, resolve_linked_requests

    close(incident_id, operator, CLOSING)
    resolve_linked_requests(incident_id, operator.id)  # a redelivered job, beside the queued one
    wait_for_jobs(app)
    db.session.expire_all()
    assert len(device.received) == 1
    assert db.session.get(ServiceRequest, request.id).status == "resolved"
