"""The moderators' lists: public requests and comments, hidden ones included, for admins."""

from ..factories import add_comment, auth_headers, hide_request, make_request, make_user

MODERATION = "/api/v1/admin/moderation"


def _codes(response) -> list[str]:
    assert response.status_code == 200, response.get_data(as_text=True)
    return [item["code"] for item in response.get_json()["items"]]


def test_moderators_see_hidden_requests_with_the_reason_and_no_private_ones(client, admin, resident):
    shown = make_request(reporter=resident)
    hidden = make_request(reporter=resident)
    make_request("warga-terlantar", reporter=resident)
    hide_request(client, admin, hidden.code)
    headers = auth_headers(admin)

    assert _codes(client.get(f"{MODERATION}/requests", headers=headers)) == [hidden.code, shown.code]
    only_hidden = client.get(f"{MODERATION}/requests?hidden=true", headers=headers).get_json()["items"]
    assert [(item["code"], item["is_hidden"], item["hidden_reason"]) for item in only_hidden] == [
        (hidden.code, True, "Spam")
    ]
    assert _codes(client.get(f"{MODERATION}/requests?hidden=false", headers=headers)) == [shown.code]


def test_moderators_page_through_requests(client, admin, resident):
    codes = [make_request(reporter=resident).code for _ in range(3)]
    headers = auth_headers(admin)

    first = client.get(f"{MODERATION}/requests?limit=2", headers=headers).get_json()
    second = client.get(f"{MODERATION}/requests?limit=2&cursor={first['next']}", headers=headers).get_json()
    assert [item["code"] for item in first["items"] + second["items"]] == codes[::-1]
    assert second["next"] is None


def test_moderators_see_comments_newest_first_with_their_request(client, admin, resident):
    request = make_request(reporter=resident)
    older, newer = add_comment(request, make_user()), add_comment(request, resident)
    client.post(
        f"/api/v1/requests/{request.code}/events/{older.id}/moderation",
        json={"hidden": True},
        headers=auth_headers(admin),
    )
    headers = auth_headers(admin)

    items = client.get(f"{MODERATION}/comments", headers=headers).get_json()["items"]
    assert [(item["id"], item["request_code"], item["is_hidden"]) for item in items] == [
        (newer.id, request.code, False),
        (older.id, request.code, True),
    ]
    hidden = client.get(f"{MODERATION}/comments?hidden=true", headers=headers).get_json()["items"]
    assert [item["id"] for item in hidden] == [older.id]


def test_comments_on_private_requests_are_not_listed(client, admin, resident):
    private = make_request("warga-terlantar", reporter=resident)
    add_comment(private, resident)

    assert client.get(f"{MODERATION}/comments", headers=auth_headers(admin)).get_json()["items"] == []
