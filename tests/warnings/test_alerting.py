"""An accepted warning becomes a peringatan article and a push to the devices of its kelurahan;
an update replaces it under the same Topic, a cancel withdraws it from those who got it, and past
its expiry nothing is sent. Through the real paths: the job runner, the fake push service
decrypting, the database. The warnings are synthetic (synthetic_warnings.py)."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from backend import data_versions
from backend.extensions import db
from backend.news.models import Article
from backend.places.models import Kelurahan
from backend.push.models import Campaign
from backend.warnings import alerting
from backend.warnings.models import OfficialWarning

from ..push.helpers import subscribe, wait_for_jobs
from .synthetic_warnings import BARU_ILIR, LAMARU, MANGGAR, earthquake_warning, take_in, weather_warning

HEADLINE_ID = "Hujan Lebat disertai Petir di Kalimantan Timur"
HEADLINE_EN = "Heavy Rain with Lightning in East Kalimantan"


@pytest.fixture
def devices(client, push_service):
    """Devices by where they are: two in Manggar (one set to English), one in Lamaru, one in Baru
    Ilir, one with no area."""
    placed = {
        "manggar": push_service.device(),
        "manggar_en": push_service.device(),
        "lamaru": push_service.device(),
        "baru_ilir": push_service.device(),
        "nowhere": push_service.device(),
    }
    areas = {"manggar": MANGGAR, "manggar_en": MANGGAR, "lamaru": LAMARU, "baru_ilir": BARU_ILIR}
    for name, device in placed.items():
        locale = "en" if name.endswith("_en") else "id"
        subscribe(client, device, kelurahan=areas.get(name), locale=locale, topics=["alerts"])
    return placed


def received(devices) -> dict:
    return {
        name: [message.payload["title"] for message in device.received] for name, device in devices.items()
    }


def campaign_of(warning: OfficialWarning) -> Campaign:
    return db.session.scalar(select(Campaign).where(Campaign.warning_id == warning.id))


def test_an_alert_reaches_each_device_of_its_two_kelurahan_once_in_its_language(app, devices, push_service):
    warning = take_in(weather_warning())
    wait_for_jobs(app)
    assert push_service.errors == []
    assert received(devices) == {
        "manggar": [HEADLINE_ID],
        "manggar_en": [HEADLINE_EN],
        "lamaru": [HEADLINE_ID],
        "baru_ilir": [],
        "nowhere": [],
    }
    campaign = campaign_of(warning)
    assert (warning.status, campaign.status, campaign.sent) == ("sent", "done", 3)
    assert (campaign.is_alert, campaign.target_kind, campaign.target_values) == (
        True,
        "kelurahan",
        [MANGGAR, LAMARU],
    )
    message = devices["manggar_en"].received[0]
    assert message.payload["body"].startswith("Manggar, Lamaru. Valid until")
    assert (message.urgency, message.topic, message.payload["tag"]) == (
        "high",
        campaign.topic_key,
        campaign.topic_key,
    )
    assert len(campaign.topic_key) <= 32 and campaign.topic_key.isalnum()
    assert 7000 < message.ttl <= 7200  # until the warning expires, two hours after it was sent
    assert message.payload["url"] == f"/berita/{db.session.get(Article, warning.article_id).slug}"


def test_the_article_is_a_published_peringatan_for_the_area_in_both_languages_with_its_source(app, client):
    before = data_versions.current(("news",))
    warning = take_in(weather_warning())
    article = db.session.get(Article, warning.article_id)
    assert data_versions.current(("news",)) != before  # the shared cache serves it at once
    assert (article.category, article.status, article.title) == ("peringatan", "published", HEADLINE_ID)
    assert article.opd.code == "DISKOMINFO"
    assert article.expires_at == warning.expires_at
    assert article.kecamatan.code == "64.71.01"
    assert sorted(kelurahan.code for kelurahan in article.kelurahan) == [MANGGAR, LAMARU]
    body = article.body_markdown
    assert body.index("Masyarakat dihimbau") < body.index("## English") < body.index(HEADLINE_EN)
    assert f"Sumber: [BMKG]({warning.document_url})" in body
    banner = client.get("/api/v1/news/banner?kecamatan=64.71.01").get_json()
    assert [item["title"] for item in banner] == [HEADLINE_ID]


def test_an_update_replaces_the_alert_under_the_same_topic_and_goes_to_its_new_area(app, devices):
    first = take_in(weather_warning())
    wait_for_jobs(app)
    update = take_in(
        weather_warning(2, "Update", references=[first.identifier], kelurahan=(LAMARU, BARU_ILIR))
    )
    wait_for_jobs(app)
    assert {name: len(titles) for name, titles in received(devices).items()} == {
        "manggar": 1,
        "manggar_en": 1,
        "lamaru": 2,
        "baru_ilir": 1,
        "nowhere": 0,
    }
    topics = {message.topic for device in devices.values() for message in device.received}
    assert topics == {campaign_of(first).topic_key} == {campaign_of(update).topic_key}
    assert (first.status, first.replaced_by_id, update.status) == ("replaced", update.id, "sent")
    assert db.session.get(Article, first.article_id).status == "archived"
    new_article = db.session.get(Article, update.article_id)
    assert (new_article.status, new_article.kecamatan) == ("published", None)  # two kecamatan


def test_a_cancel_reaches_exactly_the_devices_that_got_the_alert(app, client, devices, push_service):
    refusing = push_service.device((400, None))
    subscribe(client, refusing, kelurahan=MANGGAR)
    alert = take_in(weather_warning())
    wait_for_jobs(app)
    latecomer = push_service.device()
    subscribe(client, latecomer, kelurahan=MANGGAR)
    cancel = take_in(weather_warning(2, "Cancel", references=[alert.identifier], kelurahan=()))
    wait_for_jobs(app)
    assert received(devices) == {
        "manggar": [HEADLINE_ID, f"Dicabut: {HEADLINE_ID}"],
        "manggar_en": [HEADLINE_EN, f"Withdrawn: {HEADLINE_EN}"],
        "lamaru": [HEADLINE_ID, f"Dicabut: {HEADLINE_ID}"],
        "baru_ilir": [],
        "nowhere": [],
    }
    assert latecomer.received == [] and len(refusing.received) == 0
    withdrawal = campaign_of(cancel)
    assert withdrawal.topic_key == campaign_of(alert).topic_key
    assert (withdrawal.target_kind, withdrawal.sent) == ("recipients", 3)
    assert (alert.status, cancel.status) == ("cancelled", "sent")
    assert db.session.get(Article, alert.article_id).status == "archived"


def test_an_expired_warning_sends_nothing_and_makes_no_article(app, devices):
    warning = take_in(weather_warning(hours=-1))
    wait_for_jobs(app)
    assert (warning.status, warning.article_id, campaign_of(warning)) == ("seen", None, None)
    assert all(device.received == [] for device in devices.values())


def test_an_alert_whose_warning_expires_before_its_fan_out_starts_sends_nothing(app, devices, clock):
    warning = weather_warning(hours=1)
    db.session.add(warning)
    alerting.act_on(warning)
    clock.advance(3600)  # the fan-out is queued at the commit, after the warning's expiry
    db.session.commit()
    wait_for_jobs(app)
    assert all(device.received == [] for device in devices.values())
    assert campaign_of(warning).status == "cancelled"


def test_a_warning_over_a_kelurahan_without_devices_records_nothing_sent(app):
    warning = take_in(weather_warning(kelurahan=(BARU_ILIR,)))
    wait_for_jobs(app)
    campaign = campaign_of(warning)
    assert (warning.status, campaign.status, campaign.targeted, campaign.sent) == ("sent", "done", 0, 0)


def test_an_earthquake_alerts_the_whole_city_with_its_figures_in_both_languages(app, devices):
    everywhere = list(db.session.scalars(select(Kelurahan.code)))
    quake = take_in(earthquake_warning(everywhere))
    wait_for_jobs(app)
    titles = received(devices)
    assert (
        titles["manggar"]
        == titles["baru_ilir"]
        == titles["nowhere"]
        == ["Gempa M5,6 berjarak 95 km dari Balikpapan"]
    )
    assert titles["manggar_en"] == ["Earthquake M5.6, 95 km from Balikpapan"]
    english = devices["manggar_en"].received[0].payload["body"]
    assert "depth of 10 km" in english and "No tsunami potential" in english
    article = db.session.get(Article, quake.article_id)
    assert (article.kecamatan, article.kelurahan, campaign_of(quake).target_kind) == (None, [], "all")
    assert article.expires_at == quake.sent_at + timedelta(hours=6)
    for line in (
        "Waktu: ",
        "Kedalaman: 10 km",
        "Dirasakan (MMI): III Balikpapan",
        "Tidak berpotensi tsunami",
        "Sumber:",
    ):
        assert line in article.body_markdown


def test_an_update_that_no_longer_covers_the_city_tells_those_who_got_the_alert(app, devices):
    alert = take_in(weather_warning())
    wait_for_jobs(app)
    update = take_in(weather_warning(2, "Update", references=[alert.identifier], kelurahan=()))
    wait_for_jobs(app)
    titles = received(devices)
    assert titles["manggar"] == [HEADLINE_ID, f"Tidak berlaku lagi: {HEADLINE_ID}"]
    assert titles["manggar_en"] == [HEADLINE_EN, f"No longer in force: {HEADLINE_EN}"]
    assert titles["baru_ilir"] == titles["nowhere"] == []
    assert devices["lamaru"].received[1].payload["body"] == (
        "Menurut pembaruan BMKG, peringatan ini tidak lagi mencakup wilayah Balikpapan."
    )
    assert (alert.status, update.status, update.article_id) == ("replaced", "sent", None)
