"""Pushes that follow events: a request's updates reach its reporter and supporters only; a
published article reaches the news topic (warnings: every device) within its area."""

from backend.database import utcnow
from backend.push.models import Campaign

from ..factories import auth_headers, make_request, make_user
from .helpers import subscribe, wait_for_jobs


def test_a_status_change_reaches_the_reporter_and_supporters_and_nobody_else(
    app, client, staff, push_service
):
    reporter, supporter, stranger = make_user(), make_user(), make_user()
    reporter_phone, reporter_laptop = push_service.device(), push_service.device()
    supporter_phone, stranger_phone, anonymous_phone = (push_service.device() for _ in range(3))
    subscribe(client, reporter_phone, headers=auth_headers(reporter), locale="en")
    subscribe(client, reporter_laptop, headers=auth_headers(reporter))
    subscribe(client, supporter_phone, headers=auth_headers(supporter))
    subscribe(client, stranger_phone, headers=auth_headers(stranger))
    subscribe(client, anonymous_phone)
    request = make_request(reporter=reporter)
    client.post(f"/api/v1/requests/{request.code}/support", headers=auth_headers(supporter))

    response = client.post(
        f"/api/v1/requests/{request.code}/transitions", json={"to": "accepted"}, headers=auth_headers(staff)
    )
    assert response.status_code == 200
    wait_for_jobs(app)

    assert push_service.errors == []
    [english] = reporter_phone.received
    assert english.payload["title"] == f"Report {request.code} updated"
    assert english.payload["body"] == "Status: Accepted."
    assert english.payload["url"] == f"/laporan/{request.code}"
    assert english.topic == request.code and english.payload["tag"] == request.code
    [indonesian] = reporter_laptop.received
    assert indonesian.payload["body"] == "Status: Diterima petugas."
    assert len(supporter_phone.received) == 1
    assert stranger_phone.received == [] and anonymous_phone.received == []


def test_a_message_with_a_status_change_reaches_the_residents_phone_and_the_public_timeline(
    app, client, staff, push_service
):
    reporter = make_user()
    phone = push_service.device()
    subscribe(client, phone, headers=auth_headers(reporter))
    request = make_request(reporter=reporter)

    response = client.post(
        f"/api/v1/requests/{request.code}/transitions",
        json={"to": "accepted", "note": "Tim kami survei lokasi hari Senin."},
        headers=auth_headers(staff),
    )
    assert response.status_code == 200
    wait_for_jobs(app)

    [message] = phone.received
    assert message.payload["body"] == "Status: Diterima petugas. Tim kami survei lokasi hari Senin."
    timeline = client.get(f"/api/v1/requests/{request.code}/events").get_json()
    assert timeline[-1]["to_status"] == "accepted"
    assert timeline[-1]["text"] == "Tim kami survei lokasi hari Senin."


def test_comments_and_reroutes_notify_but_internal_notes_do_not(app, client, staff, push_service):
    reporter = make_user()
    phone = push_service.device()
    subscribe(client, phone, headers=auth_headers(reporter))
    request = make_request(reporter=reporter)
    headers = auth_headers(staff)
    client.post(f"/api/v1/requests/{request.code}/notes", json={"text": "Cek lokasi dulu"}, headers=headers)
    client.post(
        f"/api/v1/requests/{request.code}/comments", json={"text": "Tim meluncur besok."}, headers=headers
    )
    client.post(
        f"/api/v1/requests/{request.code}/reroute",
        json={"opd": "DLH", "reason": "Urusan DLH"},
        headers=headers,
    )
    wait_for_jobs(app)
    titles = sorted(message.payload["title"] for message in phone.received)
    assert titles == [f"Komentar baru pada laporan {request.code}", f"Laporan {request.code} dialihkan"]
    assert all("Cek lokasi" not in message.payload["body"] for message in phone.received)


def publish(client, staff, **fields):
    body = {"title": "Jadwal angkut sampah", "summary": "Jadwal baru.", "category": "pengumuman"} | fields
    slug = client.post("/api/v1/news", json=body, headers=auth_headers(staff)).get_json()["slug"]
    assert (
        client.post(f"/api/v1/news/{slug}/publish", json={}, headers=auth_headers(staff)).status_code == 200
    )
    return slug


def test_a_published_article_reaches_the_news_topic_in_its_area(app, client, staff, push_service):
    news_timur, news_barat, alerts_only_timur, news_no_area = (push_service.device() for _ in range(4))
    subscribe(client, news_timur, kecamatan="64.71.01")
    subscribe(client, news_barat, kecamatan="64.71.02")
    subscribe(client, alerts_only_timur, kecamatan="64.71.01", topics=["alerts"])
    subscribe(client, news_no_area)
    slug = publish(client, staff, kecamatan="64.71.01")
    wait_for_jobs(app)
    [message] = news_timur.received
    assert message.payload["url"] == f"/berita/{slug}" and message.payload["title"] == "Jadwal angkut sampah"
    assert news_barat.received == [] and alerts_only_timur.received == [] and news_no_area.received == []

    publish(client, staff, title="Untuk semua warga")
    wait_for_jobs(app)
    assert (
        len(news_no_area.received) == 1 and len(news_barat.received) == 1 and alerts_only_timur.received == []
    )


def test_a_published_warning_reaches_every_device(app, client, staff, push_service):
    devices = [push_service.device() for _ in range(3)]
    subscribe(client, devices[0], topics=["alerts"])
    subscribe(client, devices[1], kecamatan="64.71.04")
    subscribe(client, devices[2])
    expires = utcnow().replace(year=utcnow().year + 1).isoformat()
    publish(client, staff, title="Waspada banjir", category="peringatan", expires_at=expires)
    wait_for_jobs(app)
    assert all(len(device.received) == 1 for device in devices)
    assert devices[0].received[0].urgency == "high"


def test_an_article_that_nobody_would_get_makes_no_campaign(app, client, staff, push_service):
    alerts_only, elsewhere = push_service.device(), push_service.device()
    subscribe(client, alerts_only, topics=["alerts"])  # news is not for this device
    subscribe(client, elsewhere, kecamatan="64.71.02")
    publish(client, staff, kecamatan="64.71.01")
    wait_for_jobs(app)
    assert Campaign.query.count() == 0
    assert alerts_only.received == [] and elsewhere.received == []

    publish(client, staff, title="Untuk semua warga")  # the device in 64.71.02 asked for news
    wait_for_jobs(app)
    [campaign] = Campaign.query.all()
    assert campaign.targeted == 1 and len(elsewhere.received) == 1
