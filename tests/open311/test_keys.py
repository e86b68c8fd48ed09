"""Admins issue and revoke Open311 api_keys; the key is shown once and stored only as a hash."""

from backend.extensions import db
from backend.open311.models import Open311Key

from ..factories import auth_headers, error_shape

KEYS = "/api/v1/admin/open311-keys"


def test_admin_issues_lists_and_revokes_a_key(client, admin):
    headers = auth_headers(admin)
    created = client.post(KEYS, json={"name": "Aplikasi Kelurahan"}, headers=headers)
    assert created.status_code == 201
    key = created.get_json()["api_key"]
    assert len(key) >= 40 and created.get_json()["key_prefix"] == key[:8]
    stored = db.session.scalar(db.select(Open311Key))
    assert key not in (stored.key_hash, stored.key_prefix)
    listed = client.get(KEYS, headers=headers).get_json()
    assert [k["name"] for k in listed] == ["Aplikasi Kelurahan"] and "api_key" not in listed[0]
    assert client.delete(f"{KEYS}/{stored.id}", headers=headers).status_code == 204
    assert client.get(KEYS, headers=headers).get_json()[0]["is_active"] is False


def test_key_name_is_required(client, admin):
    assert "name" in error_shape(client.post(KEYS, json={}, headers=auth_headers(admin)), 422)["errors"]


def test_revoking_an_unknown_key_is_404(client, admin):
    error_shape(client.delete(f"{KEYS}/12345", headers=auth_headers(admin)), 404)
