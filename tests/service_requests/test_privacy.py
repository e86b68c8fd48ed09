"""Privacy of requests: what the public, the reporter and staff each see of a request."""

from urllib.parse import parse_qs, urlsplit, urlunsplit

import pytest

from backend.schemas import Viewed
from backend.security import Role
from backend.service_requests.schemas import RequestSchema

from ..factories import (
    REQUESTS,
    add_comment,
    auth_headers,
    error_shape,
    hide_request,
    jpeg,
    listed_codes,
    make_request,
    make_user,
    post_request,
)


def test_no_public_answer_contains_the_reporters_name_email_or_phone(client, staff):
    reporter = make_user(
        name="Kartini Wulandari", email="kartini.wulandari@contoh.id", phone="+6281299887766"
    )
    code = post_request(client, reporter, description="Lubang besar", photos=[jpeg()]).get_json()["code"]
    client.post(
        f"{REQUESTS}/{code}/comments", json={"text": "Tolong segera."}, headers=auth_headers(reporter)
    )
    client.post(f"{REQUESTS}/{code}/transitions", json={"to": "accepted"}, headers=auth_headers(staff))
    secrets = ["Kartini", "Wulandari", "kartini.wulandari@contoh.id", "81299887766"]
    urls = [
        REQUESTS,
        f"{REQUESTS}/{code}",
        f"{REQUESTS}/{code}/events",
        f"{REQUESTS}/nearby?lat=-1.25&long=116.85&service=jalan-berlubang",
    ]

    for headers in ({}, auth_headers(make_user())):
        for url in urls:
            response = client.get(url, headers=headers)
            text = response.get_data(as_text=True)
            assert response.status_code == 200 and (code in text or url.endswith("/events"))
            assert not [secret for secret in secrets if secret in text], url

    staff_view = client.get(f"{REQUESTS}/{code}", headers=auth_headers(staff)).get_json()
    assert staff_view["reporter"] == {
        "name": "Kartini Wulandari",
        "email": "kartini.wulandari@contoh.id",
        "phone": "+6281299887766",
    }


def test_internal_notes_are_for_staff_only(client, resident, staff, operator):
    code = make_request(reporter=resident).code
    client.post(
        f"{REQUESTS}/{code}/notes",
        json={"text": "Rahasia internal: tunggu aspal."},
        headers=auth_headers(staff),
    )

    for headers in ({}, auth_headers(resident)):
        text = client.get(f"{REQUESTS}/{code}/events", headers=headers).get_data(as_text=True)
        assert "Rahasia internal" not in text and '"note"' not in text
    for user in (staff, operator):
        events = client.get(f"{REQUESTS}/{code}/events", headers=auth_headers(user)).get_json()
        note = next(event for event in events if event["kind"] == "note")
        assert note["is_internal"] is True and note["text"] == "Rahasia internal: tunggu aspal."


def test_hidden_comment_vanishes_from_public_events(client, resident, admin, staff):
    request = make_request(reporter=resident)
    comment = add_comment(request, make_user())
    url = f"{REQUESTS}/{request.code}/events/{comment.id}/moderation"

    assert client.post(url, json={"hidden": True}, headers=auth_headers(admin)).status_code == 200

    for headers in ({}, auth_headers(resident)):
        events = client.get(f"{REQUESTS}/{request.code}/events", headers=headers).get_json()
        assert comment.id not in {event["id"] for event in events}
    staff_events = client.get(f"{REQUESTS}/{request.code}/events", headers=auth_headers(staff)).get_json()
    assert next(event for event in staff_events if event["id"] == comment.id)["is_hidden"] is True

    client.post(url, json={"hidden": False}, headers=auth_headers(admin))
    events = client.get(f"{REQUESTS}/{request.code}/events").get_json()
    assert comment.id in {event["id"] for event in events}


def test_hidden_request_leaves_public_answers_but_its_reporter_still_sees_it(client, resident, admin, staff):
    request = make_request(reporter=resident)
    hide_request(client, admin, request.code)

    assert listed_codes(client.get(REQUESTS)) == []
    nearby = client.get(
        f"{REQUESTS}/nearby", query_string={"lat": -1.25, "long": 116.85, "service": "jalan-berlubang"}
    )
    assert nearby.get_json() == []
    for headers in ({}, auth_headers(make_user())):
        error_shape(client.get(f"{REQUESTS}/{request.code}", headers=headers), 404)
        error_shape(client.get(f"{REQUESTS}/{request.code}/events", headers=headers), 404)
    assert client.get(f"{REQUESTS}/{request.code}", headers=auth_headers(resident)).status_code == 200
    assert (
        client.get(f"{REQUESTS}/{request.code}", headers=auth_headers(staff)).get_json()["is_hidden"] is True
    )

    hide_request(client, admin, request.code, hidden=False)
    assert listed_codes(client.get(REQUESTS)) == [request.code]


def test_private_attributes_are_shown_only_to_the_reporter_and_staff(client, resident):
    values = {"nomor_pelanggan": "98765432", "sejak": "2026-11-01T06:00:00+08:00"}
    code = make_request("air-pdam-mati", reporter=resident, attributes=values).code
    staff = make_user(role=Role.OPD_STAFF, opd_code="PTM")

    public = client.get(f"{REQUESTS}/{code}").get_json()
    assert public["attributes"] == {"sejak": values["sejak"]}
    for url in (REQUESTS, f"{REQUESTS}/nearby?lat=-1.25&long=116.85&service=air-pdam-mati"):
        assert "98765432" not in client.get(url).get_data(as_text=True)
    for user in (resident, staff):
        assert client.get(f"{REQUESTS}/{code}", headers=auth_headers(user)).get_json()["attributes"] == values


def _without_sig(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=""))


def test_photos_of_a_private_request_have_signed_urls(client, resident):
    filed = post_request(client, resident, service_code="warga-terlantar", photos=[jpeg()]).get_json()
    [photo] = filed["photos"]

    for url in (photo["url"], photo["thumb_url"]):
        assert parse_qs(urlsplit(url).query)["sig"]
        served = client.get(url)
        assert served.status_code == 200 and served.mimetype == "image/jpeg"
        assert served.headers["Cache-Control"] == "private, max-age=3600"
        error_shape(client.get(_without_sig(url)), 404)
        error_shape(client.get(f"{url}x"), 404)
    thumb_sig = parse_qs(urlsplit(photo["thumb_url"]).query)["sig"][0]
    error_shape(client.get(_without_sig(photo["url"]), query_string={"sig": thumb_sig}), 404)
    error_shape(client.get(f"{REQUESTS}/{filed['code']}"), 404)


def test_photos_of_a_public_request_are_not_signed(client, resident):
    [photo] = post_request(client, resident, photos=[jpeg()]).get_json()["photos"]

    assert "sig=" not in photo["url"]
    assert client.get(photo["url"]).status_code == 200


def test_a_photo_is_served_only_under_its_own_request(client, resident):
    [photo] = post_request(client, resident, photos=[jpeg()]).get_json()["photos"]
    other = make_request()

    name = photo["url"].rsplit("/", 1)[1]
    error_shape(client.get(f"{REQUESTS}/{other.code}/photos/{name}"), 404)
    error_shape(client.get(f"{REQUESTS}/{other.code}/photos/..%2F..%2Fetc%2Fpasswd"), 404)


def test_a_hidden_requests_reporter_gets_signed_photo_urls(client, resident, admin):
    """The reporter is not shown is_hidden, yet the photo URLs still know the request is hidden."""
    code = post_request(client, resident, photos=[jpeg()]).get_json()["code"]
    hide_request(client, admin, code)

    [photo] = client.get(f"{REQUESTS}/{code}", headers=auth_headers(resident)).get_json()["photos"]

    assert parse_qs(urlsplit(photo["url"]).query)["sig"]
    assert client.get(photo["url"]).status_code == 200


@pytest.mark.parametrize("parts", [{}, {"distance_m": 5}], ids=["bare", "without-the-viewer-parts"])
def test_a_request_schema_refuses_a_request_not_shown_by_present_request(app, parts):
    request = make_request()
    with pytest.raises(TypeError):
        RequestSchema().dump(Viewed(request, **parts) if parts else request)
