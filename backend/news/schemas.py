"""Marshmallow schemas for news."""

from marshmallow import Schema, fields, validate

from ..schemas import PageArgsSchema, limit_field, page_of
from ..text_fields import AwareTime, PlainText, record_id
from .models import ArticleStatus, Category

CATEGORIES = [category.value for category in Category]


class NamedCodeSchema(Schema):
    code = fields.String()
    name = fields.String()


class OpdNameSchema(Schema):
    code = fields.String()
    name = fields.String()
    short_name = fields.String()


class ImageSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    thumb_url = fields.String()
    width = fields.Integer()
    height = fields.Integer()


class EventDetailsSchema(Schema):
    starts_at = fields.DateTime()
    ends_at = fields.DateTime(allow_none=True)
    place = fields.String()


class ArticleSummarySchema(Schema):
    slug = fields.String()
    title = fields.String()
    summary = fields.String()
    category = fields.String(metadata={"enum": CATEGORIES})
    opd = fields.Nested(OpdNameSchema)
    kecamatan = fields.Nested(NamedCodeSchema, allow_none=True)
    cover = fields.Nested(ImageSchema, allow_none=True)
    is_pinned = fields.Boolean()
    status = fields.String()
    published_at = fields.DateTime(allow_none=True)
    updated_at = fields.DateTime(allow_none=True, metadata={"description": "Last edit after publishing"})
    event = fields.Nested(EventDetailsSchema, allow_none=True)
    expires_at = fields.DateTime(allow_none=True)


class ArticleSchema(ArticleSummarySchema):
    body_html = fields.String(metadata={"description": "Sanitised HTML rendered from the Markdown body"})


class EditorArticleSchema(ArticleSchema):
    body = fields.String(metadata={"description": "The Markdown source"})
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
