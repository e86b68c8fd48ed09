"""A city pack whose privacy notice has a newer version than the bundled one."""

import json

import pytest

from backend.citypacks import PACK_DIR

from ..factories import PRIVACY_VERSION

NEWER_VERSION = "2099.1"


@pytest.fixture
def newer_notice(app, tmp_path, monkeypatch) -> str:
    """The app reads a copy of the Balikpapan pack that adds a newer notice; answers its version."""
    pack = json.loads((PACK_DIR / "balikpapan.json").read_text(encoding="utf-8"))
    pack["boundaries"] = str(PACK_DIR / pack["boundaries"])
    [current] = [notice for notice in pack["privacy"]["notices"] if notice["version"] == PRIVACY_VERSION]
    newer = {"version": NEWER_VERSION, "published": "2099-01-01", "text": current["text"]}
    pack["privacy"]["notices"].append(newer)
    path = tmp_path / "kota-baru.json"
    path.write_text(json.dumps(pack), encoding="utf-8")
    monkeypatch.setitem(app.config, "CITY_PACK", str(path))
    return NEWER_VERSION
