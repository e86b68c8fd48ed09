"""Every protected endpoint x every role: 401 for anonymous, 403 for the wrong role, 2xx otherwise.

Later issues add their endpoints to PROTECTED; `test_every_api_route_is_in_the_matrix` fails
until they do, so no endpoint ships without a decision about who may call it.
"""

from dataclasses import dataclass, field

import pytest

from .factories import PASSWORD, auth_headers, make_user

ROLES = ("resident", "opd_staff", "operator", "admin")
EVERYONE = ROLES
ADMIN = ("admin",)


@dataclass
class Endpoint:
    method: str
    rule: str
    roles: tuple
    url: str | None = None  # the rule with its variables filled in; "{target}" is another user's id
    body: dict | None = field(default=None)

    def __str__(self):
        return f"{self.method} {self.rule}"


PROTECTED = [
    Endpoint("GET", "/api/v1/me", EVERYONE),
    Endpoint("PATCH", "/api/v1/me", EVERYONE, body={"locale": "en"}),
    Endpoint("DELETE", "/api/v1/me", EVERYONE, body={"password": PASSWORD}),
    Endpoint(
        "POST",
        "/api/v1/me/password",
        EVERYONE,
        body={"current_password": PASSWORD, "new_password": "sandi-baru-99"},
    ),
    Endpoint("GET", "/api/v1/admin/users", ADMIN),
    Endpoint(
        "PATCH",
        "/api/v1/admin/users/<int:user_id>",
        ADMIN,
        "/api/v1/admin/users/{target}",
        {"is_active": False},
    ),
    Endpoint("POST", "/api/v1/opds", ADMIN, body={"code": "BARU", "name": "OPD Baru", "short_name": "Baru"}),
    Endpoint("PATCH", "/api/v1/opds/<code>", ADMIN, "/api/v1/opds/DPU", {"phone": "0542-000"}),
]

# Open to anyone; refresh and logout are guarded by the refresh cookie and its CSRF header instead.
PUBLIC = {
    "GET /api/v1/openapi.json",
    "GET /api/v1/city",
    "GET /api/v1/kecamatan",
    "GET /api/v1/kelurahan",
    "GET /api/v1/opds",
    "POST /api/v1/auth/register",
    "POST /api/v1/auth/login",
    "POST /api/v1/auth/refresh",
    "POST /api/v1/auth/logout",
}


def _api_routes(app):
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1"):
            continue
        view = app.view_functions[rule.endpoint]
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield f"{method} {rule.rule}", view


def test_every_api_route_is_in_the_matrix(app):
    protected = {str(endpoint): endpoint for endpoint in PROTECTED}
    for route, view in _api_routes(app):
        roles = getattr(view, "required_roles", None)
        if roles is None:
            assert route in PUBLIC, f"{route} has no role check and is not listed as public"
        else:
            assert route in protected, f"{route} is missing from the role matrix"
            assert set(roles) == set(protected[route].roles), f"{route} allows {roles}"


@pytest.mark.parametrize("endpoint", PROTECTED, ids=str)
@pytest.mark.parametrize("role", ("anonymous", *ROLES))
def test_role_matrix(client, users, endpoint, role):
    target = make_user()
    url = (endpoint.url or endpoint.rule).format(target=target.id)
    headers = auth_headers(users[role]) if role != "anonymous" else {}
    response = client.open(url, method=endpoint.method, json=endpoint.body, headers=headers)
    if role == "anonymous":
        expected = {401}
    elif role in endpoint.roles:
        expected = {200, 201, 204}
    else:
        expected = {403}
    assert response.status_code in expected, response.get_data(as_text=True)
    if response.status_code >= 400:
        assert response.get_json()["code"] == response.status_code


@pytest.mark.parametrize("route", sorted(r for r in PUBLIC if r.startswith("GET")))
def test_public_reads_need_no_login(client, route):
    assert client.get(route.split()[1]).status_code == 200
