"""Marshmallow schemas for news: articles and images as they are answered (dumped from the objects),
and what editors send."""

from flask import url_for
from marshmallow import Schema, fields, validate

from ..schemas import CodeNameSchema, OpdBriefSchema, PageArgsSchema, limit_field, page_of
from ..text_fields import AwareTime, PlainText, record_id
from .models import ArticleStatus, Category

CATEGORIES = [category.value for category in Category]


def _image_url(name: str) -> str:
    return url_for("news.get_image", name=name)


class ImageSchema(Schema):
    """A NewsImage, with the URLs that serve it and its thumbnail."""

    id = fields.Integer()
    url = fields.Function(lambda image: _image_url(image.name), metadata={"type": "string"})
    thumb_url = fields.Function(lambda image: _image_url(image.thumb_name), metadata={"type": "string"})
    width = fields.Integer()
    height = fields.Integer()


class EventDetailsSchema(Schema):
    """The event an article announces, from its event_* columns."""

    starts_at = fields.DateTime(attribute="event_starts_at")
    ends_at = fields.DateTime(attribute="event_ends_at", allow_none=True)
    place = fields.String(attribute="event_place")


class ArticleSummarySchema(Schema):
    """An Article as the feed lists it."""

    slug = fields.String()
    title = fields.String()
    summary = fields.String()
    category = fields.String(metadata={"enum": CATEGORIES})
    opd = fields.Nested(OpdBriefSchema)
    kecamatan = fields.Nested(CodeNameSchema, allow_none=True)
    cover = fields.Nested(ImageSchema, allow_none=True)
    is_pinned = fields.Boolean()
    status = fields.String(attribute="shown_status")
    published_at = fields.DateTime(allow_none=True)
    updated_at = fields.DateTime(
        attribute="edited_at", allow_none=True, metadata={"description": "Last edit after publishing"}
    )
    event = fields.Nested(EventDetailsSchema, allow_none=True)
    expires_at = fields.DateTime(allow_none=True)

    def get_attribute(self, obj, attr, default):
        """The event block is the article itself (EventDetailsSchema reads its event_* columns), or
        null for an article that announces no event."""
        if attr == "event":
            return obj if obj.event_starts_at else None
        return super().get_attribute(obj, attr, default)


class ArticleSchema(ArticleSummarySchema):
    body_html = fields.String(metadata={"description": "Sanitised HTML rendered from the Markdown body"})


class EditorArticleSchema(ArticleSchema):
    """An article as its editors see it (the editors' routes answer with this one)."""

    body = fields.String(attribute="body_markdown", metadata={"description": "The Markdown source"})
    is_hidden = fields.Boolean()


ArticlePageSchema = page_of(ArticleSummarySchema, "ArticlePageSchema")


EditorArticlePageSchema = page_of(EditorArticleSchema, "EditorArticlePageSchema")


class ArticleUpdateSchema(Schema):
    title = PlainText(validate=validate.Length(min=3, max=200))
    summary = PlainText(validate=validate.Length(max=500))
    body = PlainText(validate=validate.Length(max=50_000))
    category = fields.String(validate=validate.OneOf(CATEGORIES))
    kecamatan = fields.String(allow_none=True, validate=validate.Length(max=24))
    cover_id = record_id(allow_none=True)
    is_pinned = fields.Boolean()
    event_starts_at = AwareTime(allow_none=True)
    event_ends_at = AwareTime(allow_none=True)
    event_place = PlainText(allow_none=True, validate=validate.Length(max=200))
    expires_at = AwareTime(allow_none=True)


class ArticleCreateSchema(ArticleUpdateSchema):
    title = PlainText(required=True, validate=validate.Length(min=3, max=200))
    category = fields.String(required=True, validate=validate.OneOf(CATEGORIES))
    body = PlainText(load_default="", validate=validate.Length(max=50_000))
    opd = fields.String(validate=validate.Length(max=32), metadata={"description": "Admins only"})


class PreviewSchema(Schema):
    body = PlainText(required=True, validate=validate.Length(max=50_000))


class PreviewResultSchema(Schema):
    body_html = fields.String(metadata={"description": "Sanitised HTML, exactly as saving would store it"})


class PublishSchema(Schema):
    published_at = AwareTime(
        allow_none=True, metadata={"description": "A future time schedules; empty publishes now"}
    )


class NewsQueryArgsSchema(PageArgsSchema):
    category = fields.String(validate=validate.OneOf(CATEGORIES))
    opd = fields.String(validate=validate.Length(max=32))
    kecamatan = fields.String(validate=validate.Length(max=24))
    q = PlainText(validate=validate.Length(min=1, max=100))
    limit = limit_field(maximum=50)


class BannerArgsSchema(Schema):
    kecamatan = fields.String(validate=validate.Length(max=24))
    kelurahan = fields.String(validate=validate.Length(max=24))


class StaffNewsArgsSchema(PageArgsSchema):
    opd = fields.String(validate=validate.Length(max=32))
    status = fields.String(validate=validate.OneOf([status.value for status in ArticleStatus]))
    limit = limit_field(maximum=50)
