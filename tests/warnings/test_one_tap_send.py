"""A warning the city pack's policy holds back (weather of Minor severity) waits as a draft until an
operator sends it with one tap: POST /api/v1/warnings/<id>/send. The warnings are synthetic."""

from sqlalchemy import select

from backend.extensions import db
from backend.news.models import Article
from backend.push.models import Campaign

from ..factories import auth_headers, error_shape
from ..push.helpers import subscribe, wait_for_jobs
from .synthetic_warnings import MANGGAR, take_in, weather_warning


def send(client, user, warning):
    return client.post(f"/api/v1/warnings/{warning.id}/send", headers=auth_headers(user))


def campaigns_of(warning) -> list[Campaign]:
    return list(db.session.scalars(select(Campaign).where(Campaign.warning_id == warning.id)))


def test_a_draft_waits_and_one_tap_sends_it_once(app, client, operator, push_service):
    device = push_service.device()
    subscribe(client, device, kelurahan=MANGGAR)
    draft = take_in(weather_warning(severity="Minor"))
    wait_for_jobs(app)
    article = db.session.get(Article, draft.article_id)
    assert (draft.status, article.status, [c.status for c in campaigns_of(draft)]) == (
        "draft",
        "draft",
        ["draft"],
    )
    assert device.received == []
    assert client.get("/api/v1/news?category=peringatan").get_json()["items"] == []

    response = send(client, operator, draft)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["status"] == "sent"
    wait_for_jobs(app)
    [message] = device.received
    assert message.payload["body"].startswith("Manggar, Lamaru.")
    db.session.expire_all()
    assert db.session.get(Article, draft.article_id).status == "published"

    again = error_shape(send(client, operator, draft), 409)
    assert "draft" in again["message"]
    wait_for_jobs(app)
    assert len(device.received) == 1


def test_a_draft_cannot_be_sent_after_it_expired(app, client, admin, push_service, clock):
    device = push_service.device()
    subscribe(client, device, kelurahan=MANGGAR)
    draft = take_in(weather_warning(severity="Minor", hours=1))
    clock.advance(3601)
    assert "expired" in error_shape(send(client, admin, draft), 409)["message"]
    wait_for_jobs(app)
    db.session.expire_all()
    assert (draft.status, [c.status for c in campaigns_of(draft)], device.received) == (
        "draft",
        ["draft"],
        [],
    )


def test_an_unknown_warning_is_a_404(client, operator):
    response = client.post("/api/v1/warnings/999999/send", headers=auth_headers(operator))
    error_shape(response, 404)


def test_a_cancelled_draft_is_dropped_without_a_push(app, client, push_service):
    device = push_service.device()
    subscribe(client, device, kelurahan=MANGGAR)
    draft = take_in(weather_warning(severity="Minor"))
    cancel = take_in(weather_warning(2, "Cancel", references=[draft.identifier], kelurahan=()))
    wait_for_jobs(app)
    assert device.received == []
    assert (draft.status, cancel.status, campaigns_of(cancel)) == ("cancelled", "seen", [])
    assert [c.status for c in campaigns_of(draft)] == ["cancelled"]
    assert db.session.get(Article, draft.article_id).status == "archived"


def test_an_update_of_a_draft_replaces_it_unsent_and_follows_the_policy(app, client, push_service):
    device = push_service.device()
    subscribe(client, device, kelurahan=MANGGAR)
    draft = take_in(weather_warning(severity="Minor"))
    update = take_in(weather_warning(2, "Update", references=[draft.identifier], severity="Severe"))
    wait_for_jobs(app)
    assert [message.topic for message in device.received] == [campaigns_of(draft)[0].topic_key]
    assert [message.payload["campaign"] for message in device.received] == [campaigns_of(update)[0].id]
    assert (draft.status, update.status, [c.status for c in campaigns_of(draft)]) == (
        "replaced",
        "sent",
        ["cancelled"],
    )
