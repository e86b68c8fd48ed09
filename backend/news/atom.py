"""The city's news as an Atom 1.0 feed (RFC 4287), with absolute links."""

from xml.etree.ElementTree import Element, SubElement, register_namespace, tostring

from flask import url_for

from ..database import utcnow
from .models import Article

ATOM = "http://www.w3.org/2005/Atom"
register_namespace("", ATOM)


def add(parent: Element, tag: str, text: str | None = None, **attributes) -> Element:
    """An Atom element under `parent`; attributes given as None are left out."""
    element = SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _article_url(article: Article) -> str:
    return url_for("web.pwa", path=f"berita/{article.slug}", _external=True)


def feed(articles: list[Article], city_name: str) -> bytes:
    root = Element(f"{{{ATOM}}}feed", {"xml:lang": "id"})
    add(root, "id", url_for("news_feed.atom_feed", _external=True))
    add(root, "title", f"Berita {city_name}")
    add(root, "subtitle", f"Pengumuman, berita, agenda dan peringatan dari OPD {city_name}")
    newest = max((a.edited_at or a.published_at for a in articles), default=utcnow())
    add(root, "updated", newest.isoformat())
    add(
        root,
        "link",
        rel="self",
        type="application/atom+xml",
        href=url_for("news_feed.atom_feed", _external=True),
    )
    add(
        root,
        "link",
        rel="alternate",
        type="text/html",
        href=url_for("web.pwa", path="berita", _external=True),
    )
    add(root, "generator", "SatuPintu")
    for article in articles:
        entry = add(root, "entry")
        add(entry, "id", _article_url(article))
        add(entry, "title", article.title)
        add(entry, "link", rel="alternate", type="text/html", href=_article_url(article))
        add(entry, "published", article.published_at.isoformat())
        add(entry, "updated", (article.edited_at or article.published_at).isoformat())
        author = add(entry, "author")
        add(author, "name", article.opd.name)
        add(entry, "category", term=article.category)
        if article.summary:
            add(entry, "summary", article.summary)
        add(entry, "content", _absolute_images(article.body_html), type="html")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(root, encoding="unicode").encode()


def _absolute_images(html: str) -> str:
    """Feed readers fetch images from elsewhere: make the app's own image links absolute."""
    root = url_for("web.pwa", path="", _external=True).rstrip("/")
    return html.replace('src="/api/', f'src="{root}/api/')
