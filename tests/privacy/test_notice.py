"""The privacy notice: public, cacheable, in both languages, with the pack's months and controller."""

import json

import pytest

from backend.citypacks import PACK_DIR, CityPackError, load_pack

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


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda privacy: privacy.update(controller="DINAS-LAIN"), "controller is not one of the pack's OPDs"),
        (lambda privacy: privacy["notices"].append(dict(privacy["notices"][0])), "its own version"),
        (
            lambda privacy: privacy["notices"].append(
                dict(privacy["notices"][0], version="2020.1", published="2020-01-01")
            ),
            "oldest first",
        ),
    ],
)
def test_a_pack_with_a_muddled_privacy_section_fails_to_load(tmp_path, change, complaint):
    pack = json.loads((PACK_DIR / "balikpapan.json").read_text(encoding="utf-8"))
    pack["boundaries"] = None
    change(pack["privacy"])
    path = tmp_path / "kota.json"
    path.write_text(json.dumps(pack), encoding="utf-8")

    with pytest.raises(CityPackError, match=complaint):
        load_pack(str(path))
