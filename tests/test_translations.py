"""Every string of the PWA exists in Bahasa Indonesia and in English, and the code uses no other key.

The resident tables live in src/i18n/; each lazy chunk (staff, admin, command) keeps an id.json and
an en.json beside its screens."""

import json
import re
from pathlib import Path

PWA = Path(__file__).resolve().parents[1] / "pwa" / "src"


def _tables() -> list[tuple[Path, dict, dict]]:
    return [
        (path.parent, json.loads(path.read_text()), json.loads((path.parent / "en.json").read_text()))
        for path in sorted(PWA.rglob("id.json"))
    ]


def test_every_table_has_an_english_twin_with_the_same_keys_and_no_empty_text():
    tables = _tables()
    assert len(tables) >= 1
    for folder, indonesian, english in tables:
        assert set(indonesian) == set(english), f"{folder}: {sorted(set(indonesian) ^ set(english))}"
        assert all(text.strip() for text in [*indonesian.values(), *english.values()]), folder


def test_every_key_the_code_uses_is_translated():
    keys = {key for _, indonesian, _ in _tables() for key in indonesian}
    used = {
        key
        for path in PWA.rglob("*.ts*")
        for key in re.findall(r"""\bt\(\s*["']([\w.]+)["']""", path.read_text())
    }
    assert used and used <= keys, f"missing: {sorted(used - keys)}"
