"""Periodic jobs on real Celery beat and a worker: they run inside the app, do their work (a
scheduled campaign goes out, a scheduled article is announced) and leave a record operators see."""

import json
from datetime import timedelta
from pathlib import Path

from backend.database import utcnow
from backend.extensions import db
from backend.jobs import periodic_names
from backend.news.models import Article
from backend.push.models import Campaign

from ..factories import auth_headers, subscribe_devices
from ..services import wait_until

COMMAND_I18N = Path(__file__).resolve().parents[2] / "pwa" / "src" / "pages" / "command" / "i18n"

DEVICES = 5


def test_beat_runs_every_periodic_job_in_the_app_and_records_it(
    celery_setup, push_service, admin, staff, operator
):
    app, celery = celery_setup()
    devices = [push_service.device() for _ in range(DEVICES)]
    subscribe_devices(devices)
    headers = {role: auth_headers(user) for role, user in (("admin", admin), ("staff", staff))}
    watcher = auth_headers(operator)
    soon = (utcnow() + timedelta(seconds=3)).isoformat()
    client = app.test_client()
    with app.app_context():
        campaign = client.post(
            "/api/v1/push/campaigns",
            json={"title": "Uji jadwal", "body": "Beat", "target_kind": "all", "scheduled_at": soon},
            headers=headers["admin"],
        ).get_json()
        article = client.post(
            "/api/v1/news",
            json={"title": "Kerja bakti", "summary": "Minggu pagi.", "category": "berita", "body": "Ayo."},
            headers=headers["staff"],
        ).get_json()
        scheduled = client.post(
            f"/api/v1/news/{article['slug']}/publish", json={"published_at": soon}, headers=headers["staff"]
        )
    assert campaign["status"] == "scheduled" and scheduled.get_json()["status"] == "scheduled"
    celery.worker()
    celery.beat()

    wait_until(lambda: db.session.get(Campaign, campaign["id"]).status == "done", 60, "never sent")
    article_id = db.session.scalar(db.select(Article.id).where(Article.slug == article["slug"]))
    announcement = wait_until(
        lambda: db.session.scalar(
            db.select(Campaign).where(Campaign.article_id == article_id, Campaign.status == "done")
        ),
        60,
        "the scheduled article was never announced",
    )
    assert announcement.sent == DEVICES
    assert all({m.payload["title"] for m in d.received} == {"Uji jadwal", "Kerja bakti"} for d in devices)

    with app.app_context():
        jobs = wait_until(
            lambda: [
                job
                for job in client.get("/api/v1/operations/jobs", headers=watcher).get_json()
                if job["last_success_at"] and not job["late"]
            ],
            30,
            "no periodic job recorded a success",
        )
    assert {job["name"] for job in jobs} == set(periodic_names())
    assert all(job["last_error"] is None and job["runs"] >= 1 for job in jobs)
    assert "outside of application context" not in celery.logs()


def test_the_command_center_names_every_periodic_job_in_both_languages(app):
    for language in ("id", "en"):
        texts = json.loads((COMMAND_I18N / f"{language}.json").read_text(encoding="utf-8"))
        unnamed = [name for name in periodic_names() if f"command.jobs.name.{name}" not in texts]
        assert unnamed == [], language
