"""Every protected endpoint x every role: 401 for anonymous, 403 for the wrong role, 2xx otherwise.

Later issues add their endpoints to PROTECTED; `test_every_api_route_is_in_the_matrix` fails
until they do, so no endpoint ships without a decision about who may call it.
"""

import io
import json
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from backend.accounts.invitations import invite
from backend.accounts.sessions import start_session
from backend.accounts.two_factor import SET_UP_FIRST
from backend.database import utcnow
from backend.i18n import translate
from backend.news.services import create_article
from backend.open311.services import issue_key
from backend.push.campaigns import create_campaign

from .factories import (
    PASSWORD,
    PRIVACY_VERSION,
    add_comment,
    add_unsendable_device,
    auth_headers,
    jpeg,
    make_request,
    make_user,
    subscribe_devices,
)
from .incidents.helpers import make_incident
from .warnings.synthetic_warnings import BARU_ILIR, take_in, weather_warning

ROLES = ("resident", "opd_staff", "operator", "admin")
EVERYONE = ROLES
ADMIN = ("admin",)
STAFF = ("opd_staff", "operator", "admin")
EDITORS = ("opd_staff", "admin")
WATCHERS = ("operator", "admin")
INCIDENT_AREA = "64.71.03.1002"
DASHBOARDS = ("summary", "counts", "sla", "trends", "opds", "map", "kelurahan", "campaigns", "warnings")


@dataclass
class Endpoint:
    method: str
    rule: str
    roles: tuple
    # The rule with its variables filled in: {target} is another user's id, {request} a public DPU
    # request filed by someone else, {own_resolved} a resolved request filed by the caller,
    # {comment} a comment on {request}, {key} an Open311 key, {article} a DPU draft, {warning} a
    # draft warning over a kelurahan with no device.
    url: str | None = None
    body: dict | None = field(default=None)
    upload: str | None = None  # the multipart field that carries an image
    # What an allowed caller gets: a success, or (a code no test can know) the wrong code's 422.
    allowed_answers: tuple = (200, 201, 204)

    def __str__(self):
        return f"{self.method} {self.rule}"


INVITATION = {"name": "Calon Staf", "email": "calon.staf@contoh.id", "role": "opd_staff", "opd": "DPU"}
SCHEDULED_CAMPAIGN = {"title": "Uji", "body": "Besok", "target_kind": "all", "target_values": []}
NEW_SERVICE = {
    "code": "sumur-bor",
    "name": {"id": "Sumur bor rusak"},
    "description": {"id": "Sumur bor umum tidak berfungsi."},
    "group": "air-utilitas",
    "opd": "PTM",
    "sla_response_hours": 24,
    "sla_resolution_hours": 72,
}

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
    Endpoint(
        "POST",
        "/api/v1/me/contact/confirm",
        EVERYONE,
        body={"login": "baru@contoh.id", "code": "123456"},
        allowed_answers=(422,),
    ),
    Endpoint("POST", "/api/v1/me/export", EVERYONE, allowed_answers=(202,)),
    Endpoint("GET", "/api/v1/me/export", EVERYONE),
    Endpoint(
        "GET",
        "/api/v1/me/export/<file_name>",
        EVERYONE,
        f"/api/v1/me/export/export-{'a' * 32}.zip",
        allowed_answers=(404,),  # nobody's export has that name
    ),
    Endpoint("GET", "/api/v1/me/consents", EVERYONE),
    Endpoint("PUT", "/api/v1/me/consents", EVERYONE, body={"push": False, "location": True}),
    Endpoint("POST", "/api/v1/me/privacy-notice", EVERYONE, body={"version": PRIVACY_VERSION}),
    Endpoint("GET", "/api/v1/me/two-factor", EVERYONE),
    # The test admins and operators have it on already (409); staff get a secret.
    Endpoint("POST", "/api/v1/me/two-factor/setup", STAFF, allowed_answers=(200, 409)),
    Endpoint(
        "POST", "/api/v1/me/two-factor/confirm", STAFF, body={"code": "123456"}, allowed_answers=(409, 422)
    ),
    Endpoint(
        "DELETE", "/api/v1/me/two-factor", STAFF, body={"password": "bukan-sandinya"}, allowed_answers=(422,)
    ),
    Endpoint(
        "POST",
        "/api/v1/admin/users/<id:user_id>/two-factor/reset",
        ADMIN,
        "/api/v1/admin/users/{target}/two-factor/reset",
    ),
    Endpoint("GET", "/api/v1/admin/invitations", ADMIN),
    Endpoint(
        "POST",
        "/api/v1/admin/invitations",
        ADMIN,
        body={"name": "Calon Operator", "email": "calon@contoh.id", "role": "operator"},
        allowed_answers=(201,),
    ),
    Endpoint(
        "POST",
        "/api/v1/admin/invitations/<id:invitation_id>/resend",
        ADMIN,
        "/api/v1/admin/invitations/{invitation}/resend",
    ),
    Endpoint(
        "DELETE",
        "/api/v1/admin/invitations/<id:invitation_id>",
        ADMIN,
        "/api/v1/admin/invitations/{invitation}",
    ),
    Endpoint("GET", "/api/v1/admin/users", ADMIN),
    Endpoint(
        "PATCH",
        "/api/v1/admin/users/<id:user_id>",
        ADMIN,
        "/api/v1/admin/users/{target}",
        {"is_active": False},
    ),
    Endpoint("POST", "/api/v1/opds", ADMIN, body={"code": "BARU", "name": "OPD Baru", "short_name": "Baru"}),
    Endpoint("PATCH", "/api/v1/opds/<code>", ADMIN, "/api/v1/opds/DPU", {"phone": "0542-000"}),
    Endpoint("POST", "/api/v1/services", ADMIN, body=NEW_SERVICE),
    Endpoint(
        "PATCH", "/api/v1/services/<code>", ADMIN, "/api/v1/services/parkir-liar", {"sla_response_hours": 4}
    ),
    Endpoint(
        "POST",
        "/api/v1/services/<code>/attributes",
        ADMIN,
        "/api/v1/services/parkir-liar/attributes",
        {"code": "plat_nomor", "datatype": "string", "label": {"id": "Plat nomor"}},
    ),
    Endpoint(
        "PATCH",
        "/api/v1/services/<code>/attributes/<attribute_code>",
        ADMIN,
        "/api/v1/services/jalan-berlubang/attributes/ukuran_lubang",
        {"required": True},
    ),
    Endpoint("GET", "/api/v1/requests/mine", EVERYONE),
    Endpoint(
        "POST",
        "/api/v1/requests/<code>/comments",
        EVERYONE,
        "/api/v1/requests/{request}/comments",
        {"text": "Saya juga melihatnya."},
    ),
    Endpoint("POST", "/api/v1/requests/<code>/support", EVERYONE, "/api/v1/requests/{request}/support"),
    Endpoint(
        "POST",
        "/api/v1/requests/<code>/rating",
        EVERYONE,
        "/api/v1/requests/{own_resolved}/rating",
        {"rating": 5},
    ),
    Endpoint(
        "POST",
        "/api/v1/requests/<code>/reopen",
        EVERYONE,
        "/api/v1/requests/{own_resolved}/reopen",
        {"reason": "Masih berlubang."},
    ),
    Endpoint("GET", "/api/v1/staff/requests", STAFF),
    Endpoint(
        "POST",
        "/api/v1/requests/<code>/transitions",
        ("opd_staff", "admin"),
        "/api/v1/requests/{request}/transitions",
        {"to": "accepted"},
    ),
    Endpoint(
        "POST", "/api/v1/requests/<code>/notes", STAFF, "/api/v1/requests/{request}/notes", {"text": "Cek"}
    ),
    Endpoint(
        "POST",
        "/api/v1/requests/<code>/reroute",
        STAFF,
        "/api/v1/requests/{request}/reroute",
        {"opd": "DLH", "reason": "Pohon, bukan jalan."},
    ),
    Endpoint(
        "POST",
        "/api/v1/requests/<code>/moderation",
        ADMIN,
        "/api/v1/requests/{request}/moderation",
        {"hidden": True, "reason": "Spam"},
    ),
    Endpoint(
        "POST",
        "/api/v1/requests/<code>/events/<id:event_id>/moderation",
        ADMIN,
        "/api/v1/requests/{request}/events/{comment}/moderation",
        {"hidden": True},
    ),
    Endpoint("GET", "/api/v1/admin/moderation/requests", ADMIN),
    Endpoint("GET", "/api/v1/admin/moderation/comments", ADMIN),
    Endpoint("GET", "/api/v1/staff/news", EDITORS),
    Endpoint("GET", "/api/v1/staff/news/<slug>", EDITORS, "/api/v1/staff/news/{article}"),
    Endpoint("POST", "/api/v1/news", EDITORS, body={"title": "Judul", "category": "berita", "opd": "DPU"}),
    Endpoint("PATCH", "/api/v1/news/<slug>", EDITORS, "/api/v1/news/{article}", {"summary": "Ringkas"}),
    Endpoint("POST", "/api/v1/news/<slug>/publish", EDITORS, "/api/v1/news/{article}/publish", {}),
    Endpoint("POST", "/api/v1/news/<slug>/archive", EDITORS, "/api/v1/news/{article}/archive"),
    Endpoint(
        "POST", "/api/v1/news/<slug>/moderation", ADMIN, "/api/v1/news/{article}/moderation", {"hidden": True}
    ),
    Endpoint("POST", "/api/v1/news/images", EDITORS, upload="image"),
    Endpoint("POST", "/api/v1/news/preview", EDITORS, body={"body": "## Jadwal"}),
    Endpoint(
        "POST",
        "/api/v1/push/campaigns",
        ADMIN,
        body=SCHEDULED_CAMPAIGN | {"scheduled_at": "2099-01-01T09:00:00+08:00"},
    ),
    Endpoint("GET", "/api/v1/push/campaigns", ADMIN),
    Endpoint(
        "GET", "/api/v1/push/campaigns/preview", ADMIN, "/api/v1/push/campaigns/preview?target_kind=all"
    ),
    Endpoint("GET", "/api/v1/push/campaigns/<id:campaign_id>", ADMIN, "/api/v1/push/campaigns/{campaign}"),
    Endpoint(
        "POST",
        "/api/v1/push/campaigns/<id:campaign_id>/cancel",
        ADMIN,
        "/api/v1/push/campaigns/{campaign}/cancel",
    ),
    *(Endpoint("GET", f"/api/v1/dashboard/{name}", WATCHERS) for name in DASHBOARDS),
    Endpoint("GET", "/api/v1/requests.csv", WATCHERS),
    Endpoint("GET", "/api/v1/operations/jobs", WATCHERS),
    Endpoint("GET", "/api/v1/incidents", STAFF),
    Endpoint(
        "POST",
        "/api/v1/incidents",
        WATCHERS,
        body={"group": "infrastruktur", "kelurahan": [INCIDENT_AREA], "description": "Banjir"},
    ),
    Endpoint("GET", "/api/v1/incidents/<id:incident_id>", STAFF, "/api/v1/incidents/{incident}"),
    Endpoint(
        "GET", "/api/v1/incidents/<id:incident_id>/requests", STAFF, "/api/v1/incidents/{incident}/requests"
    ),
    Endpoint(
        "GET",
        "/api/v1/incidents/<id:incident_id>/requests/candidates",
        WATCHERS,
        "/api/v1/incidents/{incident}/requests/candidates",
    ),
    Endpoint(
        "GET",
        "/api/v1/incidents/<id:incident_id>/situation",
        WATCHERS,
        "/api/v1/incidents/{incident}/situation",
    ),
    Endpoint(
        "POST", "/api/v1/incidents/<id:incident_id>/confirm", WATCHERS, "/api/v1/incidents/{proposed}/confirm"
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/dismiss",
        WATCHERS,
        "/api/v1/incidents/{incident}/dismiss",
        {"reason": "Bukan insiden"},
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/merge",
        WATCHERS,
        "/api/v1/incidents/{incident}/merge",
        {"other": "{other_incident}"},
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/requests",
        WATCHERS,
        "/api/v1/incidents/{incident}/requests",
        {"requests": ["{request}"]},
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/requests/unlink",
        WATCHERS,
        "/api/v1/incidents/{incident}/requests/unlink",
        {"requests": ["{linked}"]},
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/lead-opd",
        WATCHERS,
        "/api/v1/incidents/{incident}/lead-opd",
        {"opd": "BPBD"},
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/notes",
        WATCHERS,
        "/api/v1/incidents/{incident}/notes",
        {"text": "Tim menuju lokasi"},
    ),
    Endpoint(
        "POST", "/api/v1/incidents/<id:incident_id>/alert", WATCHERS, "/api/v1/incidents/{incident}/alert", {}
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/updates",
        WATCHERS,
        "/api/v1/incidents/{incident}/updates",
        {"title": "Pompa dikerahkan", "summary": "Dua pompa bekerja."},
    ),
    Endpoint(
        "POST",
        "/api/v1/incidents/<id:incident_id>/close",
        WATCHERS,
        "/api/v1/incidents/{incident}/close",
        {"message": "Air sudah surut."},
    ),
    Endpoint("POST", "/api/v1/warnings/<id:warning_id>/send", WATCHERS, "/api/v1/warnings/{warning}/send"),
    Endpoint("GET", "/api/v1/admin/open311-keys", ADMIN),
    Endpoint("POST", "/api/v1/admin/open311-keys", ADMIN, body={"name": "Mitra"}),
    Endpoint("DELETE", "/api/v1/admin/open311-keys/<id:key_id>", ADMIN, "/api/v1/admin/open311-keys/{key}"),
    Endpoint("GET", "/api/v1/audit", ADMIN),
    Endpoint("GET", "/api/v1/audit.csv", ADMIN),
]

# Open to anyone; refresh and logout are guarded by the refresh cookie and its CSRF header instead.
PUBLIC = {
    "GET /api/v1/openapi.json",
    "GET /api/v1/city",
    "GET /api/v1/kecamatan",
    "GET /api/v1/kelurahan",
    "GET /api/v1/kelurahan.geojson",
    "GET /api/v1/kelurahan/at",
    "GET /api/v1/opds",
    "GET /api/v1/privacy",
    "POST /api/v1/auth/register",
    "POST /api/v1/auth/register/confirm",
    "POST /api/v1/auth/password-reset",
    "POST /api/v1/auth/password-reset/confirm",
    "POST /api/v1/auth/code",
    "POST /api/v1/auth/code/confirm",
    "POST /api/v1/auth/login",
    "POST /api/v1/auth/second-factor",
    "POST /api/v1/auth/invitation",
    "POST /api/v1/auth/invitation/accept",
    "POST /api/v1/auth/refresh",
    "POST /api/v1/auth/logout",
    "GET /api/v1/services",
    "GET /api/v1/service-groups",
    "GET /api/v1/services/<code>",
    "POST /api/v1/requests",
    "GET /api/v1/requests",
    "GET /api/v1/requests/nearby",
    "GET /api/v1/requests/<code>",
    "GET /api/v1/requests/<code>/events",
    "GET /api/v1/requests/<code>/photos/<name>",
    "GET /api/v1/news",
    "GET /api/v1/news/banner",
    "GET /api/v1/news/<slug>",
    "GET /api/v1/news/images/<name>",
    "GET /api/v1/push/vapid-public-key",
    "POST /api/v1/push/subscriptions",
    "PATCH /api/v1/push/subscriptions",
    "DELETE /api/v1/push/subscriptions",
    "POST /api/v1/push/clicks",
    "GET /api/v1/incidents/nearby",
    "GET /api/v1/incidents/<id:incident_id>/public",
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


def fill_in(template: str, caller, admin, body=None) -> tuple[str, object]:
    """Make only the objects the URL (or body) names, so that each case stays quick. An incident
    involves DPU (the staff fixture's OPD) and has {linked}, a request linked to it."""
    other = make_user()
    named = template + json.dumps(body)
    public_request = make_request(reporter=other) if "{request}" in named or "{comment}" in named else None
    linked = {}

    def incident(state):
        request = make_request(reporter=other)
        linked["code"] = request.code
        return make_incident(admin, state, requests=[request], kelurahan=INCIDENT_AREA).id

    makers = {
        "incident": lambda: incident("active"),
        "proposed": lambda: incident("proposed"),
        "other_incident": lambda: make_incident(admin, "proposed", kelurahan=INCIDENT_AREA).id,
        "linked": lambda: linked["code"],
        "target": lambda: other.id,
        "invitation": lambda: invite(admin, INVITATION, "http://localhost").id,
        "request": lambda: public_request.code,
        "comment": lambda: add_comment(public_request, other).id,
        "own_resolved": lambda: make_request(reporter=caller or other, status="resolved").code,
        "key": lambda: issue_key("Mitra", other)[0].id,
        "article": lambda: (
            create_article(admin, {"title": "Draf DPU", "category": "berita", "opd": "DPU"}).slug
        ),
        "warning": lambda: take_in(weather_warning(severity="Minor", kelurahan=(BARU_ILIR,))).id,
        "campaign": lambda: (
            create_campaign(SCHEDULED_CAMPAIGN | {"scheduled_at": utcnow() + timedelta(days=1)}, admin)[0].id
        ),
    }
    values = {name: make() for name, make in makers.items() if f"{{{name}}}" in named}
    return template.format(**values), _filled(body, values)


def _filled(body, values: dict):
    """The body with each string that is exactly "{name}" replaced by that value."""
    if isinstance(body, dict):
        return {key: _filled(value, values) for key, value in body.items()}
    if isinstance(body, list):
        return [_filled(value, values) for value in body]
    if isinstance(body, str) and body.startswith("{") and body.endswith("}") and body[1:-1] in values:
        return values[body[1:-1]]
    return body


@pytest.fixture(autouse=True)
def one_device(app, push_service):
    """A subscribed device, so that a campaign reaches someone (scheduled ones never send here);
    and one at the fake push service in the incidents' kelurahan, for their area alert."""
    add_unsendable_device("role-matrix")
    subscribe_devices([push_service.device()], kelurahan=INCIDENT_AREA)


@pytest.mark.parametrize("endpoint", PROTECTED, ids=str)
@pytest.mark.parametrize("role", ("anonymous", *ROLES))
def test_role_matrix(client, users, endpoint, role):
    caller = users.get(role)
    url, body = fill_in(endpoint.url or endpoint.rule, caller, users["admin"], endpoint.body)
    headers = auth_headers(caller) if caller else {}
    if endpoint.upload:
        form = {endpoint.upload: (io.BytesIO(jpeg()), "gambar.jpg")}
        response = client.open(url, method=endpoint.method, data=form, headers=headers)
    else:
        response = client.open(url, method=endpoint.method, json=body, headers=headers)
    if role == "anonymous":
        expected = {401}
    elif role in endpoint.roles:
        expected = set(endpoint.allowed_answers)
    else:
        expected = {403}
    assert response.status_code in expected, response.get_data(as_text=True)
    if response.status_code >= 400:
        assert response.get_json()["code"] == response.status_code


# What a login of a role that requires two-factor sign-in reaches before setting it up.
BEFORE_SECOND_FACTOR = {
    "GET /api/v1/me",
    "GET /api/v1/me/two-factor",
    "POST /api/v1/me/two-factor/setup",
    "POST /api/v1/me/two-factor/confirm",
}


@pytest.mark.parametrize("endpoint", [e for e in PROTECTED if "admin" in e.roles], ids=str)
def test_an_admin_without_the_second_factor_reaches_only_its_setup(client, users, endpoint):
    admin = users["admin"]
    url, body = fill_in(endpoint.url or endpoint.rule, admin, admin, endpoint.body)
    headers = {"Authorization": f"Bearer {start_session(admin, 'pytest').access_token}"}
    response = client.open(url, method=endpoint.method, json=body, headers=headers)
    if str(endpoint) in BEFORE_SECOND_FACTOR:
        assert response.status_code in endpoint.allowed_answers, response.get_data(as_text=True)
    else:
        assert response.status_code == 403, response.get_data(as_text=True)
        assert response.get_json()["message"] == translate(SET_UP_FIRST, "id")


@pytest.mark.parametrize("route", sorted(r for r in PUBLIC if r.startswith("GET") and "<" not in r))
def test_public_reads_need_no_login(client, route):
    url = route.split()[1]
    query = "?lat=-1.25&long=116.85&service=jalan-berlubang" if url.endswith(("nearby", "/at")) else ""
    assert client.get(url + query).status_code == 200
