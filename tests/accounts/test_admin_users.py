"""User administration: search, roles, OPD, deactivation; changes apply at once."""

from ..factories import auth_headers, error_shape, make_user

USERS = "/api/v1/admin/users"


def test_admin_lists_and_searches_users(client, admin):
    make_user(name="Joko Widodo", email="joko@contoh.id")
    make_user(name="Siti Nurhaliza", email="siti@contoh.id")
    headers = auth_headers(admin)
    everyone = client.get(USERS, headers=headers).get_json()
    assert len(everyone["items"]) == 3 and everyone["next"] is None
    found = client.get(f"{USERS}?q=JOKO", headers=headers).get_json()["items"]
    assert [user["email"] for user in found] == ["joko@contoh.id"]
    admins = client.get(f"{USERS}?role=admin", headers=headers).get_json()["items"]
    assert [user["id"] for user in admins] == [admin.id]


def test_user_list_pages_with_a_cursor(client, admin):
    for _ in range(5):
        make_user()
    headers = auth_headers(admin)
    first = client.get(f"{USERS}?limit=4", headers=headers).get_json()
    second = client.get(f"{USERS}?limit=4&cursor={first['next']}", headers=headers).get_json()
    ids = [user["id"] for user in first["items"] + second["items"]]
    assert len(ids) == 6 and len(set(ids)) == 6 and ids == sorted(ids, reverse=True)
    assert second["next"] is None


def test_user_list_refuses_a_forged_cursor(client, admin):
    headers = auth_headers(admin)
    for cursor in ["garbage", "WyJ4Il0", "e30"]:
        body = error_shape(client.get(f"{USERS}?cursor={cursor}", headers=headers), 422)
        assert "cursor" in body["errors"]


def test_admin_makes_a_resident_opd_staff(client, admin, resident):
    response = client.patch(
        f"{USERS}/{resident.id}", json={"role": "opd_staff", "opd": "DLH"}, headers=auth_headers(admin)
    )
    assert response.status_code == 200
    assert response.get_json()["opd"]["code"] == "DLH"


def test_opd_staff_needs_an_opd(client, admin, resident):
    body = error_shape(
        client.patch(f"{USERS}/{resident.id}", json={"role": "opd_staff"}, headers=auth_headers(admin)), 422
    )
    assert "opd" in body["errors"]
    error_shape(
        client.patch(
            f"{USERS}/{resident.id}", json={"role": "opd_staff", "opd": "NOPE"}, headers=auth_headers(admin)
        ),
        422,
    )


def test_role_change_takes_effect_at_once(client, admin, operator):
    operator_headers = auth_headers(operator)
    assert client.get(USERS, headers=operator_headers).status_code == 403
    client.patch(f"{USERS}/{operator.id}", json={"role": "admin"}, headers=auth_headers(admin))
    assert client.get(USERS, headers=operator_headers).status_code == 200


def test_deactivation_takes_effect_at_once(client, admin, resident):
    headers = auth_headers(resident)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    client.patch(f"{USERS}/{resident.id}", json={"is_active": False}, headers=auth_headers(admin))
    error_shape(client.get("/api/v1/me", headers=headers), 401)


def test_admin_cannot_demote_or_deactivate_themselves(client, admin):
    headers = auth_headers(admin)
    error_shape(client.patch(f"{USERS}/{admin.id}", json={"role": "resident"}, headers=headers), 403)
    error_shape(client.patch(f"{USERS}/{admin.id}", json={"is_active": False}, headers=headers), 403)


def test_unknown_user_is_404(client, admin):
    error_shape(client.patch(f"{USERS}/999999", json={"is_active": False}, headers=auth_headers(admin)), 404)


def test_user_update_refuses_unknown_role(client, admin, resident):
    body = error_shape(
        client.patch(f"{USERS}/{resident.id}", json={"role": "superuser"}, headers=auth_headers(admin)), 422
    )
    assert "role" in body["errors"]
