"""The resident app's initial JavaScript stays within 60 KB gzipped (read from the build output)."""

import gzip
import re

from .conftest import DIST

LIMIT_BYTES = 60 * 1024


def test_initial_javascript_is_at_most_60_kb_gzipped():
    html = (DIST / "index.html").read_text()
    scripts = re.findall(r'<script[^>]+src="/([^"]+\.js)"', html)
    preloads = re.findall(r'<link rel="modulepreload"[^>]+href="/([^"]+\.js)"', html)
    assert scripts, "index.html loads no script"
    size = sum(len(gzip.compress((DIST / path).read_bytes(), 9)) for path in scripts + preloads)
    assert size <= LIMIT_BYTES, f"initial JS is {size} bytes gzipped"
