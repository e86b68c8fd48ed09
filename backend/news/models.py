"""Articles and the images uploaded for them."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import TimestampMixin, UTCDateTime, utcnow
from ..extensions import db
from ..places.models import Kecamatan, Kelurahan, Opd


class Category(StrEnum):
    PENGUMUMAN = "pengumuman"
    BERITA = "berita"
    AGENDA = "agenda"
    PERINGATAN = "peringatan"


class ArticleStatus(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    ARCHIVED = "archived"


# A scheduled article becomes readable the moment its published_at passes, by query; the
# periodic job only flips its status and announces it.
READABLE_STATUSES = (ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED)


class NewsImage(db.Model):
    """An image uploaded for news (cover or inside a body), stored through media.py."""

    __tablename__ = "news_images"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    thumb_name: Mapped[str] = mapped_column(String(64), unique=True)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    opd_id: Mapped[int | None] = mapped_column(ForeignKey("opds.id"))
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# The kelurahan an article is limited to (a warning's area); none means its kecamatan, or the city.
article_kelurahan = Table(
    "article_kelurahan",
    db.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("kelurahan_id", ForeignKey("kelurahan.id", ondelete="CASCADE"), primary_key=True),
)


class Article(TimestampMixin, db.Model):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_feed", "status", "is_hidden", "is_pinned", "published_at", "id"),
        Index("ix_articles_opd", "opd_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(140), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(500), default="")
    body_markdown: Mapped[str] = mapped_column(Text, default="")
    # Rendered and sanitised on save, so that reading never pays for Markdown.
    body_html: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=ArticleStatus.DRAFT)
    opd_id: Mapped[int] = mapped_column(ForeignKey("opds.id"))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    cover_id: Mapped[int | None] = mapped_column(ForeignKey("news_images.id"))
    kecamatan_id: Mapped[int | None] = mapped_column(ForeignKey("kecamatan.id"), index=True)
    is_pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    event_starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    event_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    event_place: Mapped[str | None] = mapped_column(String(200))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    is_hidden: Mapped[bool] = mapped_column(Boolean, default=False)
    hidden_reason: Mapped[str | None] = mapped_column(String(300))

    opd: Mapped[Opd] = relationship(lazy="joined")
    kecamatan: Mapped[Kecamatan | None] = relationship(lazy="joined")
    cover: Mapped[NewsImage | None] = relationship(lazy="joined")
    kelurahan: Mapped[list[Kelurahan]] = relationship(secondary=article_kelurahan, lazy="selectin")

    @property
    def is_readable(self) -> bool:
        return (
            self.status in READABLE_STATUSES
            and not self.is_hidden
            and self.published_at is not None
            and self.published_at <= utcnow()
        )

    @property
    def shown_status(self) -> str:
        """Scheduled articles whose time has come are published, whatever the job has done yet."""
        if self.status == ArticleStatus.SCHEDULED and self.is_readable:
            return ArticleStatus.PUBLISHED
        return self.status

    @property
    def was_published(self) -> bool:
        return self.status != ArticleStatus.DRAFT
