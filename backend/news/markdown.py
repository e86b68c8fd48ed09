"""Article bodies: Markdown rendered by markdown-it-py, then sanitised by nh3.

What stays: headings, paragraphs, lists, emphasis, code, quotes, tables, links (http, https,
mailto; rel="noopener nofollow") and images from the app's own news uploads. Everything else
(scripts, styles, iframes, event handlers, other URL schemes, outside images) goes.
"""

import nh3
from markdown_it import MarkdownIt

IMAGE_PREFIX = "/api/v1/news/images/"
TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "del",
    "code", "pre", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
}
ALIGNMENTS = {"text-align:left", "text-align:center", "text-align:right"}

# html=False: raw HTML in the Markdown is shown as text, never passed through.
_markdown = (
    MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table").enable("strikethrough")
)


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not value.startswith(IMAGE_PREFIX):
        return None
    if attribute == "style" and value.replace(" ", "") not in ALIGNMENTS:
        return None
    return value


def render(markdown_text: str) -> str:
    """Safe HTML for an article body."""
    return nh3.clean(
        _markdown.render(markdown_text),
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener nofollow",
        strip_comments=True,
    )
