"""The privacy notice: public, cacheable, in both languages, with the pack's months and controller."""

from ..factories import PRIVACY_VERSION

NOTICE = "/api/v1/privacy"


def test_the_notice_says_what_why_how_long_who_and_the_rights_in_both_languages(client):
    response = client.get(NOTICE)

    assert response.status_code == 200
    notice = response.get_json()
    assert notice["version"] == PRIVACY_VERSION
    assert notice["controller"]["code"] == "DISKOMINFO"
    assert notice["retention"] == {"reporter_contacts_months": 24, "audit_trail_months": 60}
    indonesian, english = notice["text"]["id"], notice["text"]["en"]
    for heading in ("Data apa", "Untuk apa", "Berapa lama", "Siapa yang melihat", "Hak Anda"):
        assert f"## {heading}" in indonesian
    for heading in ("What we keep", "Why", "How long", "Who sees it", "Your rights"):
        assert f"## {heading}" in english
    assert "**24 bulan**" in indonesian and "**24 months**" in english
    assert "Dinas Komunikasi dan Informatika" in english
    assert "{" not in indonesian + english, "every placeholder is filled"
    assert "<h2>Hak Anda</h2>" in notice["html"]["id"]


def test_the_notice_is_cacheable_and_revalidates_with_its_etag(client):
    first = client.get(NOTICE)
    assert "public" in first.headers["Cache-Control"]
    assert "max-age=3600" in first.headers["Cache-Control"]

    again = client.get(NOTICE, headers={"If-None-Match": first.headers["ETag"]})

    assert again.status_code == 304


def test_the_current_notice_is_the_last_version_in_the_pack(client, newer_notice):
    assert client.get(NOTICE).get_json()["version"] == newer_notice
