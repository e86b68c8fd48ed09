"""The OpenAPI document is valid and describes every route under /api/v1."""

import re

import pytest
from openapi_spec_validator import validate


def test_openapi_document_is_valid_and_lists_every_route(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    validate(spec)
    documented = {
        (method.upper(), path)
        for path, operations in spec["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    }
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1") or rule.rule == "/api/v1/openapi.json":
            continue
        path = "/api/v1" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule[len("/api/v1") :])
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert (method, path) in documented, f"{method} {path} is not in the OpenAPI document"


def test_protected_operations_declare_bearer_auth(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    assert spec["paths"]["/api/v1/me"]["get"]["security"] == [{"bearerAuth": []}]
    assert "security" not in spec["paths"]["/api/v1/kecamatan"]["get"]


@pytest.mark.parametrize("path", ["/api/v1/requests", "/api/v1/push/campaigns"])
def test_a_resend_with_the_same_idempotency_key_answers_a_documented_200(client, path):
    """Found by Schemathesis: the resend's 200 was checked against the error schema."""
    responses = client.get("/api/v1/openapi.json").get_json()["paths"][path]["post"]["responses"]
    assert responses["200"]["content"] == responses["201"]["content"]
