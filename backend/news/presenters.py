"""Articles as the API and the Atom feed show them."""

from flask import url_for

from .models import Article, NewsImage


def image(item: NewsImage | None, external: bool = False) -> dict | None:
    if item is None:
        return None
    return {
        "id": item.id,
        "url": url_for("news.get_image", name=item.name, _external=external),
        "thumb_url": url_for("news.get_image", name=item.thumb_name, _external=external),
        "width": item.width,
        "height": item.height,
    }


def article(item: Article, editor: bool = False) -> dict:
    answer = {
        "slug": item.slug,
        "title": item.title,
        "summary": item.summary,
        "category": item.category,
        "opd": item.opd,
        "kecamatan": item.kecamatan,
        "cover": image(item.cover),
        "is_pinned": item.is_pinned,
        "status": item.shown_status,
        "published_at": item.published_at,
        "updated_at": item.edited_at,
        "event": (
            {"starts_at": item.event_starts_at, "ends_at": item.event_ends_at, "place": item.event_place}
            if item.event_starts_at
            else None
        ),
        "expires_at": item.expires_at,
        "body_html": item.body_html,
    }
    if editor:
        answer |= {"body": item.body_markdown, "is_hidden": item.is_hidden}
    return answer
