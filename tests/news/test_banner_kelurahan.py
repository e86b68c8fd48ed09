"""The home banner in the kelurahan only: a peringatan limited to kelurahan (a warning's article)
shows with ?kelurahan= one of them and nowhere else; other peringatan keep the kecamatan rule. The
warning is synthetic (tests/factories.make_warning)."""

from datetime import timedelta

import pytest

from backend.database import utcnow
from backend.extensions import db
from backend.news.models import Article

from ..factories import WARNED_KELURAHAN, make_warning
from .test_routes import NEWS, published

SAME_KECAMATAN = "64.71.06.1001"  # Prapatan, Kec. Balikpapan Kota like the warned two
OTHER_KECAMATAN = "64.71.04.1006"  # Sumber Rejo, Kec. Balikpapan Tengah


def slug_of(warning) -> str:
    return db.session.get(Article, warning.article_id).slug


def banner(client, query: str) -> list[str]:
    response = client.get(f"{NEWS}/banner{query}")
    assert response.status_code == 200
    return [item["slug"] for item in response.get_json()]


@pytest.mark.parametrize("kelurahan", WARNED_KELURAHAN)
def test_a_warning_shows_in_its_kelurahan(client, kelurahan):
    slug = slug_of(make_warning())
    assert banner(client, f"?kelurahan={kelurahan}") == [slug]
    assert banner(client, f"?kecamatan=64.71.06&kelurahan={kelurahan}") == [slug]


@pytest.mark.parametrize(
    "query",
    [
        f"?kelurahan={SAME_KECAMATAN}",
        f"?kelurahan={OTHER_KECAMATAN}",
        "?kecamatan=64.71.04",
        "?kelurahan=99.99.99.9999",
    ],
)
def test_a_warning_stays_out_of_other_areas_banners(client, query):
    make_warning()
    assert banner(client, query) == []


@pytest.mark.parametrize("query", ["?kecamatan=64.71.06", ""])
def test_a_warning_shows_to_a_viewer_who_may_be_in_its_area(client, query):
    """Only a kecamatan holding one of its kelurahan, or no area at all: better seen than missed,
    as its push reaches such devices too."""
    slug = slug_of(make_warning())
    assert banner(client, query) == [slug]


def test_a_warning_without_kelurahan_keeps_the_kecamatan_rule(client, staff):
    soon = (utcnow() + timedelta(hours=6)).isoformat()
    city = published(client, staff, title="Waspada Kota", category="peringatan", expires_at=soon)
    area = published(
        client, staff, title="Waspada Kota Lama", category="peringatan", expires_at=soon, kecamatan="64.71.06"
    )
    assert set(banner(client, f"?kelurahan={SAME_KECAMATAN}")) == {city, area}
    assert banner(client, f"?kelurahan={OTHER_KECAMATAN}") == [city]
    assert set(banner(client, "?kecamatan=64.71.06")) == {city, area}
    assert banner(client, "?kecamatan=64.71.04") == [city]


def test_the_shared_cache_keeps_one_answer_per_kelurahan(client):
    slug = slug_of(make_warning())
    for _ in range(2):  # the second round comes from the shared cache
        assert banner(client, f"?kelurahan={WARNED_KELURAHAN[0]}") == [slug]
        assert banner(client, f"?kelurahan={SAME_KECAMATAN}") == []
