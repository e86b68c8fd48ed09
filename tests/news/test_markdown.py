"""Article bodies keep formatting and lose every way to run script or load outside content."""

from html.parser import HTMLParser

import pytest

from backend.news.markdown import render

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    "![x](javascript:alert(1))",
    '<a href="https://a.id" onclick="alert(1)">a</a>',
    '<p style="background:url(javascript:alert(1))">gaya</p>',
    "<style>body{display:none}</style>",
    '<iframe src="https://evil.example"></iframe>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
]


class _Markup(HTMLParser):
    """Every element and attribute a browser would build from the HTML (text is only text)."""

    def __init__(self, html: str):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def assert_harmless(html: str) -> None:
    for tag, attributes in _Markup(html).elements:
        assert tag not in {"script", "style", "svg", "math", "iframe", "object", "embed", "form", "input"}
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value.startswith(("https://", "http://", "mailto:", "/api/v1/news/images/")), value
            if name == "style":
                assert value.replace(" ", "") in {"text-align:left", "text-align:center", "text-align:right"}


@pytest.mark.parametrize("attack", ATTACKS)
def test_script_handlers_and_foreign_schemes_are_removed(attack):
    html = render(f"Teks biasa\n\n{attack}\n\nlagi")
    assert_harmless(html)
    assert "Teks biasa" in html


def test_markdown_formatting_stays():
    html = render(
        "## Jadwal\n\n1. Senin\n2. Selasa\n\n**penting** dan *miring*\n\n"
        "| Hari | Lokasi |\n|:--|--:|\n| Senin | Klandasan |\n\n> kutipan\n\n`kode`"
    )
    for tag in [
        "<h2>",
        "<ol>",
        "<li>",
        "<strong>",
        "<em>",
        "<table>",
        "<th",
        "<td",
        "<blockquote>",
        "<code>",
    ]:
        assert tag in html


def test_links_keep_safe_schemes_with_noopener_nofollow():
    html = render("[situs](https://www.balikpapan.go.id) [surel](mailto:humas@contoh.id) [ftp](ftp://x.id/f)")
    assert 'href="https://www.balikpapan.go.id" rel="noopener nofollow"' in html
    assert 'href="mailto:humas@contoh.id"' in html
    assert "ftp://" not in html


def test_only_the_apps_own_images_stay():
    html = render(
        "![kita](/api/v1/news/images/abcdefghijklmnopqrstuvwx.jpg) ![luar](https://evil.example/t.png)"
    )
    assert 'src="/api/v1/news/images/abcdefghijklmnopqrstuvwx.jpg"' in html
    assert "evil.example" not in html


def test_raw_html_is_shown_as_text_not_markup():
    assert "&lt;b&gt;" in render("<b>tebal</b>")
