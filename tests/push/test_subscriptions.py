"""Subscriptions: the browser's PushSubscription plus topics and area, validated, upserted by endpoint."""

import base64

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from py_vapid import Vapid

from backend.push.models import PushSubscription

from ..factories import auth_headers, error_shape
from .helpers import SUBSCRIPTIONS, subscribe


def test_vapid_keys_command_prints_a_p256_pair_that_belongs_together(app):
    result = app.test_cli_runner().invoke(args=["vapid-keys"])
    assert result.exit_code == 0, result.output
    lines = dict(line.split("=", 1) for line in result.output.splitlines())
    assert set(lines) == {"VAPID_PRIVATE_KEY", "VAPID_PUBLIC_KEY", "VAPID_SUBJECT"}
    public = base64.urlsafe_b64decode(lines["VAPID_PUBLIC_KEY"] + "==")
    assert len(public) == 65 and public[0] == 4  # an uncompressed point: the applicationServerKey
    private = Vapid.from_string(private_key=lines["VAPID_PRIVATE_KEY"])
    assert private.public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint) == public


def test_vapid_public_key_is_served(client, vapid_keys):
    assert client.get("/api/v1/push/vapid-public-key").get_json() == {
        "public_key": vapid_keys["VAPID_PUBLIC_KEY"]
    }


def test_vapid_public_key_without_configuration_is_503(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "VAPID_PUBLIC_KEY", None)
    error_shape(client.get("/api/v1/push/vapid-public-key"), 503)


def test_anonymous_device_subscribes_with_topics_and_area(client, push_service):
    device = push_service.device()
    answer = subscribe(client, device, topics=["alerts"], kelurahan="64.71.01.1002", locale="en")
    assert answer == {
        "endpoint": device.endpoint,
        "topics": ["alerts"],
        "kecamatan": "64.71.01",
        "kelurahan": "64.71.01.1002",
        "locale": "en",
    }
    assert PushSubscription.query.one().user_id is None


def test_subscribing_again_updates_the_same_subscription_and_links_the_resident(
    client, push_service, resident
):
    device = push_service.device()
    subscribe(client, device)
    subscribe(client, device, headers=auth_headers(resident), kecamatan="64.71.05")
    subscription = PushSubscription.query.one()
    assert subscription.user_id == resident.id
    assert subscription.kecamatan_id is not None


def test_preferences_change_and_unsubscribe_by_endpoint(client, push_service):
    device = push_service.device()
    subscribe(client, device)
    changed = client.patch(
        SUBSCRIPTIONS, json={"endpoint": device.endpoint, "topics": ["alerts"], "kecamatan": "64.71.02"}
    )
    assert changed.get_json()["topics"] == ["alerts"] and changed.get_json()["kecamatan"] == "64.71.02"
    assert client.delete(SUBSCRIPTIONS, json={"endpoint": device.endpoint}).status_code == 204
    assert PushSubscription.query.count() == 0
    assert client.delete(SUBSCRIPTIONS, json={"endpoint": device.endpoint}).status_code == 204
    error_shape(client.patch(SUBSCRIPTIONS, json={"endpoint": device.endpoint, "topics": ["news"]}), 404)


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/abc",
        "https://evil.example/fcm/send/abc",
        "https://fcm.googleapis.com.evil.example/x",
        "https://169.254.169.254/latest/meta-data",
        "http://localhost:8000/api/v1/admin/users",
        "http://127.0.0.2:9/x",
        "ftp://updates.push.services.mozilla.com/x",
    ],
)
def test_endpoints_outside_the_known_push_services_are_refused(client, push_service, endpoint):
    body = push_service.device().subscription | {"endpoint": endpoint}
    assert "endpoint" in error_shape(client.post(SUBSCRIPTIONS, json=body), 422)["errors"]


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/abc:def",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAA",
        "https://web.push.apple.com/QGuQyavXut",
        "https://wns2-par02p.notify.windows.com/w/?token=abc",
    ],
)
def test_the_known_push_services_are_accepted(client, push_service, endpoint):
    body = push_service.device().subscription | {"endpoint": endpoint}
    assert client.post(SUBSCRIPTIONS, json=body).status_code == 201


def test_local_endpoints_are_refused_outside_tests(make_app, base_app, push_service):
    app = make_app(PUSH_ALLOW_LOCAL_ENDPOINTS=False)
    with app.app_context():
        response = app.test_client().post(SUBSCRIPTIONS, json=push_service.device().subscription)
        assert "endpoint" in error_shape(response, 422)["errors"]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


@pytest.mark.parametrize(
    ("keys", "field"),
    [
        ({"p256dh": _b64(b"\x04" + b"\x01" * 63)}, "keys"),
        ({"p256dh": _b64(b"\x02" + b"\x01" * 64)}, "keys"),
        ({"auth": _b64(b"\x01" * 15)}, "keys"),
        ({"auth": "!!!!not base64!!!!"}, "keys"),
    ],
)
def test_bad_key_lengths_are_refused(client, push_service, keys, field):
    subscription = push_service.device().subscription
    body = subscription | {"keys": subscription["keys"] | keys}
    assert field in error_shape(client.post(SUBSCRIPTIONS, json=body), 422)["errors"]


def test_unknown_area_and_topic_are_refused(client, push_service):
    subscription = push_service.device().subscription
    assert (
        "kelurahan"
        in error_shape(client.post(SUBSCRIPTIONS, json=subscription | {"kelurahan": "1"}), 422)["errors"]
    )
    assert (
        "topics"
        in error_shape(client.post(SUBSCRIPTIONS, json=subscription | {"topics": ["gosip"]}), 422)["errors"]
    )


def test_subscription_changes_are_rate_limited(app, client, push_service, monkeypatch):
    monkeypatch.setitem(app.config, "RATELIMIT_PUSH_SUBSCRIPTIONS", "2 per minute")
    for _ in range(2):
        subscribe(client, push_service.device())
    error_shape(client.post(SUBSCRIPTIONS, json=push_service.device().subscription), 429)


def test_a_key_that_is_not_a_point_on_the_curve_is_refused(client, push_service):
    subscription = push_service.device().subscription
    body = subscription | {"keys": subscription["keys"] | {"p256dh": _b64(b"\x04" + b"\x01" * 64)}}
    assert "keys" in error_shape(client.post(SUBSCRIPTIONS, json=body), 422)["errors"]


def test_deleting_an_account_forgets_its_devices(client, push_service, resident):
    from ..factories import PASSWORD

    subscribe(client, push_service.device(), headers=auth_headers(resident))
    client.delete("/api/v1/me", json={"password": PASSWORD}, headers=auth_headers(resident))
    assert PushSubscription.query.count() == 0
