"""Shared steps of the push tests."""

from backend.push.models import PushSubscription

SUBSCRIPTIONS = "/api/v1/push/subscriptions"
CAMPAIGNS = "/api/v1/push/campaigns"


def subscribe(client, device, headers=None, **preferences):
    body = device.subscription | {"topics": ["alerts", "news"]} | preferences
    response = client.post(SUBSCRIPTIONS, json=body, headers=headers or {})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


def wait_for_jobs(app) -> None:
    assert app.extensions["jobs"].wait_idle(60), "jobs did not finish"


def subscription_count() -> int:
    return PushSubscription.query.count()
