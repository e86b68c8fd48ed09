"""Consents per purpose: one row per change, withdrawable at any time; withdrawing push removes the
person's subscriptions at once, so a campaign afterwards misses their devices."""

import hashlib
from datetime import UTC, datetime

from sqlalchemy import select

from backend.extensions import db
from backend.privacy.models import Consent
from backend.push.models import PushSubscription
from backend.service_requests.models import ServiceRequest

from ..factories import PRIVACY_VERSION, auth_headers, error_shape, make_user, post_request
from ..push.helpers import CAMPAIGNS, SUBSCRIPTIONS, subscribe, wait_for_jobs

CONSENTS = "/api/v1/me/consents"


def states(client, user) -> dict:
    items = client.get(CONSENTS, headers=auth_headers(user)).get_json()["items"]
    return {item["purpose"]: item["granted"] for item in items}


def rows(**subject) -> list[tuple]:
    query = select(Consent).filter_by(**subject).order_by(Consent.id)
    return [(row.purpose, row.granted, row.notice_version) for row in db.session.scalars(query)]


def test_nothing_is_consented_until_the_person_says_so(client, resident):
    answer = client.get(CONSENTS, headers=auth_headers(resident)).get_json()

    assert answer["items"] == [
        {"purpose": "push", "granted": False, "at": None, "notice_version": None},
        {"purpose": "location", "granted": False, "at": None, "notice_version": None},
    ]
    assert answer["notice"] == {
        "accepted_version": None,
        "accepted_at": None,
        "current_version": PRIVACY_VERSION,
    }
    assert answer["history"] == []


def test_each_change_of_a_consent_appends_a_row_and_a_repeat_adds_none(client, resident, clock):
    headers = auth_headers(resident)
    clock.set(datetime(2026, 12, 5, 1, 0, tzinfo=UTC))
    client.put(CONSENTS, json={"location": True}, headers=headers)
    client.put(CONSENTS, json={"location": True}, headers=headers)
    clock.set(datetime(2026, 12, 5, 2, 30, tzinfo=UTC))

    answer = client.put(CONSENTS, json={"location": False}, headers=headers).get_json()

    location = next(item for item in answer["items"] if item["purpose"] == "location")
    assert location == {
        "purpose": "location",
        "granted": False,
        "at": "2026-12-05T02:30:00+00:00",
        "notice_version": PRIVACY_VERSION,
    }
    assert [(row["purpose"], row["granted"]) for row in answer["history"]] == [
        ("location", False),
        ("location", True),
    ]
    assert rows(user_id=resident.id) == [
        ("location", True, PRIVACY_VERSION),
        ("location", False, PRIVACY_VERSION),
    ]


def test_an_unknown_purpose_is_refused(client, resident):
    body = error_shape(client.put(CONSENTS, json={"marketing": True}, headers=auth_headers(resident)), 422)

    assert "marketing" in body["errors"]


def test_consents_are_ones_own_and_need_a_login(client, resident):
    other = make_user()
    client.put(CONSENTS, json={"location": True}, headers=auth_headers(other))

    error_shape(client.get(CONSENTS), 401)
    error_shape(client.put(CONSENTS, json={"push": False}), 401)
    assert states(client, resident) == {"push": False, "location": False}


def test_subscribing_to_push_records_the_persons_consent(client, resident, push_service):
    subscribe(client, push_service.device(), headers=auth_headers(resident))

    assert states(client, resident)["push"] is True
    assert rows(user_id=resident.id) == [("push", True, PRIVACY_VERSION)]


def test_a_device_without_an_account_consents_with_its_subscription_and_withdraws_by_unsubscribing(
    client, push_service
):
    device = push_service.device()
    subscribe(client, device)
    known_as = hashlib.sha256(device.endpoint.encode()).hexdigest()
    assert rows(device=known_as) == [("push", True, PRIVACY_VERSION)]

    assert client.delete(SUBSCRIPTIONS, json={"endpoint": device.endpoint}).status_code == 204

    assert rows(device=known_as) == [("push", True, PRIVACY_VERSION), ("push", False, PRIVACY_VERSION)]
    assert db.session.scalars(select(Consent.user_id)).all() == [None, None]


def test_withdrawing_push_removes_the_persons_subscriptions_at_once_and_campaigns_miss_them(
    app, client, resident, admin, push_service
):
    phone, laptop, neighbours = (push_service.device() for _ in range(3))
    for device in (phone, laptop):
        subscribe(client, device, headers=auth_headers(resident))
    subscribe(client, neighbours, headers=auth_headers(make_user()))

    withdrawn = client.put(CONSENTS, json={"push": False}, headers=auth_headers(resident))

    assert withdrawn.status_code == 200
    owners = db.session.scalars(select(PushSubscription.user_id)).all()
    assert resident.id not in owners and len(owners) == 1
    assert states(client, resident)["push"] is False
    body = {"title": "Peringatan banjir", "body": "Hujan lebat malam ini.", "target_kind": "all"}
    assert client.post(CAMPAIGNS, json=body, headers=auth_headers(admin)).status_code == 201
    wait_for_jobs(app)
    assert push_service.errors == []
    assert len(neighbours.received) == 1
    assert phone.received == [] and laptop.received == []


def test_a_report_with_the_devices_precise_location_records_the_reporters_consent(client, resident):
    assert post_request(client, resident, precise_location=True).status_code == 201
    assert post_request(client, resident, precise_location=True).status_code == 201

    assert rows(user_id=resident.id) == [("location", True, PRIVACY_VERSION)]


def test_an_anonymous_report_keeps_the_location_consent_given_with_it(client):
    filed = post_request(client, service_code="warga-terlantar", precise_location=True).get_json()
    post_request(client, service_code="warga-terlantar")

    request = db.session.scalar(select(ServiceRequest).where(ServiceRequest.code == filed["code"]))
    assert rows() == [("location", True, PRIVACY_VERSION)]
    assert db.session.scalar(select(Consent.request_id)) == request.id


def test_a_report_pinned_by_hand_records_no_consent(client, resident):
    assert post_request(client, resident).status_code == 201

    assert rows() == []
