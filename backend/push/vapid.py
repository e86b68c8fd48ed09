"""VAPID keys: made once (`flask vapid-keys`), kept in configuration, the public one served."""

import base64
import json
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from flask import Flask


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def generate_keys() -> dict:
    """A P-256 key pair as base64url: the raw private scalar and the uncompressed public point."""
    private = ec.generate_private_key(ec.SECP256R1())
    public = private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return {
        "VAPID_PRIVATE_KEY": _b64(private.private_numbers().private_value.to_bytes(32, "big")),
        "VAPID_PUBLIC_KEY": _b64(public),
    }


def instance_keys_path(app: Flask) -> Path:
    return Path(app.instance_path) / "vapid.json"


def save_instance_keys(app: Flask) -> bool:
    """Development: keep a key pair in the instance folder, made only once."""
    path = instance_keys_path(app)
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x") as file:
        json.dump(generate_keys(), file)
    return True


def load_keys(app: Flask) -> None:
    """Outside production, fall back to the instance folder's keys when the environment has none."""
    if app.config.get("VAPID_PRIVATE_KEY") or app.config["ENV_NAME"] == "production":
        return
    path = instance_keys_path(app)
    if path.exists():
        app.config.update(json.loads(path.read_text()))
