"""Every string of the PWA exists in Bahasa Indonesia and in English, and the code uses no other key."""

import json
import re
from pathlib import Path

PWA = Path(__file__).resolve().parents[2] / "pwa" / "src"


def test_indonesian_and_english_have_the_same_keys_and_no_empty_text():
    indonesian = json.loads((PWA / "i18n" / "id.json").read_text())
    english = json.loads((PWA / "i18n" / "en.json").read_text())
    assert set(indonesian) == set(english)
    assert all(text.strip() for text in [*indonesian.values(), *english.values()])


def test_every_key_the_code_uses_is_translated():
    keys = set(json.loads((PWA / "i18n" / "id.json").read_text()))
    used = {
        key
        for path in PWA.rglob("*.tsx")
        for key in re.findall(r"""\bt\(\s*["']([\w.]+)["']""", path.read_text())
    }
    assert used and used <= keys, f"missing: {sorted(used - keys)}"
