"""HTTP endpoints for news: the public feed and articles, the editors' actions, images, Atom."""

from flask import Blueprint, current_app, request
from flask_jwt_extended import current_user

from .. import media
from ..errors import Invalid, NotFound
from ..extensions import limiter
from ..http_cache import cacheable
from ..places.services import get_city
from ..schemas import ModerationSchema
from ..security import EDITORS, Role, optional_user, role_required
from ..storage import storage
from . import atom, bp, markdown, services
from .schemas import (
    ArticleCreateSchema,
    ArticlePageSchema,
    ArticleSchema,
    ArticleSummarySchema,
    ArticleUpdateSchema,
    BannerArgsSchema,
    EditorArticlePageSchema,
    EditorArticleSchema,
    ImageSchema,
    NewsQueryArgsSchema,
    PreviewResultSchema,
    PreviewSchema,
    PublishSchema,
    StaffNewsArgsSchema,
)

IMAGE_UPLOAD = {
    "content": {
        "multipart/form-data": {
            "schema": {"type": "object", "properties": {"image": {"type": "string", "format": "binary"}}}
        }
    }
}
NEWS = ("news", "places")  # the data areas public news reads show (http_cache.py)
feed_bp = Blueprint("news_feed", __name__)
plain_blueprints = (feed_bp,)


@bp.route("/news", methods=["GET"])
@cacheable(max_age=60, shows=NEWS, changes_at=services.next_change_at)
@bp.arguments(NewsQueryArgsSchema, location="query")
@bp.response(200, ArticlePageSchema)
def list_news(args):
    """Published articles, pinned first then newest; ?kecamatan= adds that area's articles to the
    city-wide ones; q searches titles and summaries."""
    return services.list_articles(args)


@bp.route("/news/banner", methods=["GET"])
@cacheable(max_age=60, shows=NEWS, changes_at=services.next_change_at)
@bp.arguments(BannerArgsSchema, location="query")
@bp.response(200, ArticleSummarySchema(many=True))
def banner(args):
    """Warnings (peringatan) that have not expired: the banner on the home screen. One limited to
    kelurahan shows only with ?kelurahan= one of them; others follow ?kecamatan= (or the kelurahan's)."""
    return services.active_warnings(args.get("kecamatan"), args.get("kelurahan"))


@bp.route("/news/<slug>", methods=["GET"])
@cacheable(max_age=60, shows=NEWS, changes_at=services.next_change_at)
@bp.response(200, ArticleSchema)
def get_news(slug):
    """One published article (its editors also see drafts and scheduled ones)."""
    return services.get_readable_article(slug, optional_user())


@bp.route("/staff/news", methods=["GET"])
@role_required(*EDITORS)
@bp.arguments(StaffNewsArgsSchema, location="query")
@bp.response(200, EditorArticlePageSchema)
def staff_news(args):
    """The editor's OPD's articles in every state, newest first (admins: all, or ?opd=)."""
    return services.staff_articles(current_user, args)


@bp.route("/staff/news/<slug>", methods=["GET"])
@role_required(*EDITORS)
@bp.response(200, EditorArticleSchema)
def staff_article(slug):
    """One article with its Markdown source, for the editors of its OPD (admins: any)."""
    return services.editable_article(slug, current_user)


@bp.route("/news", methods=["POST"])
@role_required(*EDITORS)
@bp.arguments(ArticleCreateSchema)
@bp.response(201, EditorArticleSchema)
def create_news(data):
    """A new draft (Markdown body) for the editor's OPD."""
    return services.create_article(current_user, data)


def _editor_key() -> str:
    user = optional_user()
    return f"user:{user.id}" if user else f"address:{request.remote_addr}"


@bp.route("/news/preview", methods=["POST"])
@role_required(*EDITORS)
@limiter.limit(lambda: current_app.config["RATELIMIT_NEWS_PREVIEW"], key_func=_editor_key)
@bp.arguments(PreviewSchema)
@bp.response(200, PreviewResultSchema)
def preview_news(data):
    """The editor's live preview: the Markdown body rendered and sanitised as saving would, not stored."""
    return {"body_html": markdown.render(data["body"])}


@bp.route("/news/<slug>", methods=["PATCH"])
@role_required(*EDITORS)
@bp.arguments(ArticleUpdateSchema)
@bp.response(200, EditorArticleSchema)
def update_news(changes, slug):
    """Edit an article; the slug is fixed once published, later edits record updated_at."""
    return services.update_article(slug, current_user, changes)


@bp.route("/news/<slug>/publish", methods=["POST"])
@role_required(*EDITORS)
@bp.arguments(PublishSchema)
@bp.response(200, EditorArticleSchema)
def publish_news(data, slug):
    """Publish now, or schedule with a future published_at."""
    return services.publish_article(slug, current_user, data.get("published_at"))


@bp.route("/news/<slug>/archive", methods=["POST"])
@role_required(*EDITORS)
@bp.response(200, EditorArticleSchema)
def archive_news(slug):
    """Take an article out of the feed (kept for the record)."""
    return services.archive_article(slug, current_user)


@bp.route("/news/<slug>/moderation", methods=["POST"])
@role_required(Role.ADMIN)
@bp.arguments(ModerationSchema)
@bp.response(200, EditorArticleSchema)
def moderate_news(data, slug):
    """Hide (or show again) an article (admins)."""
    return services.set_hidden(slug, data["hidden"], data.get("reason"))


@bp.route("/news/images", methods=["POST"])
@role_required(*EDITORS)
@bp.doc(requestBody=IMAGE_UPLOAD)
@bp.response(201, ImageSchema)
def upload_image():
    """Upload a cover or body image (JPEG, PNG, WebP up to 10 MB); use its url in the Markdown."""
    file = request.files.get("image")
    if file is None:
        raise Invalid(errors={"image": ["Missing data for required field."]})
    try:
        stored = media.store_image(file.stream, storage())
    except media.ImageRefused as refusal:
        raise Invalid(refusal.message, errors={"image": [refusal.message]}) from None
    return services.add_image(current_user, stored)


@bp.route("/news/images/<name>", methods=["GET"])
@bp.response(200, content_type="image/jpeg")
def get_image(name):
    """A news image; names are random and the files never change, so they are cached for a year."""
    services.image_by_name(name)
    try:
        response = storage().send(name, "image/jpeg")
    except FileNotFoundError:
        raise NotFound() from None
    response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@feed_bp.route("/news.atom")
@cacheable(max_age=300, shows=NEWS, changes_at=services.next_change_at)
def atom_feed():
    """The newest published articles as Atom 1.0."""
    body = atom.feed(services.latest_for_feed(), get_city().name)
    return current_app.response_class(body, mimetype="application/atom+xml")
