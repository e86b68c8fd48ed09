"""News use cases: writing, publishing (now or scheduled), pinning, archiving, moderation, reading."""

from flask import current_app
from slugify import slugify
from sqlalchemy import and_, exists, func, or_, select, update

from .. import events
from ..accounts.models import User
from ..audit.services import record
from ..database import utcnow
from ..errors import Conflict, Forbidden, Invalid, NotFound
from ..extensions import db
from ..jobs import periodic
from ..lookups import by_code
from ..pagination import Page, keyset_page
from ..places.models import Kecamatan, Kelurahan, Opd
from ..security import Role, works_for
from . import markdown
from .models import READABLE_STATUSES, Article, ArticleStatus, Category, NewsImage, article_kelurahan


def may_edit(article: Article, user: User) -> bool:
    return works_for(user, article.opd_id)


RESERVED_SLUGS = {"banner", "images", "preview"}  # paths under /news/ that are not articles


def unique_slug(title: str, article_id: int | None = None) -> str:
    base = slugify(title, max_length=120, word_boundary=True) or "artikel"
    if base in RESERVED_SLUGS:
        base = f"{base}-artikel"
    slug, number = base, 2
    while db.session.scalar(select(Article.id).where(Article.slug == slug, Article.id != (article_id or 0))):
        slug, number = f"{base}-{number}", number + 1
    return slug


def _check_category_fields(article: Article) -> None:
    if article.category == Category.AGENDA and not (article.event_starts_at and article.event_place):
        raise Invalid(errors={"event_starts_at": ["An agenda needs the event's date and place."]})
    if article.category == Category.PERINGATAN and not article.expires_at:
        raise Invalid(errors={"expires_at": ["A warning needs an expiry time."]})
    if article.event_ends_at and article.event_starts_at and article.event_ends_at < article.event_starts_at:
        raise Invalid(errors={"event_ends_at": ["The event cannot end before it starts."]})


def _apply(article: Article, data: dict) -> None:
    """Copy edited fields onto the article, resolving codes and rendering the body."""
    for name, value in data.items():
        if name == "body":
            article.body_markdown = value
            article.body_html = markdown.render(value)
        elif name == "kecamatan":
            article.kecamatan = _kecamatan(value)
        elif name == "cover_id":
            if value is not None and db.session.get(NewsImage, value) is None:
                raise Invalid(errors={"cover_id": ["Unknown image."]})
            article.cover_id = value
        elif name != "opd":
            setattr(article, name, value)
    _check_category_fields(article)


def _kecamatan(code: str | None) -> Kecamatan | None:
    return by_code(Kecamatan, code, "kecamatan", "Unknown kecamatan.")


def _author_opd(author: User, code: str | None) -> Opd:
    if author.role == Role.OPD_STAFF:
        if code and code != author.opd.code:
            raise Forbidden("You can only write for your own OPD.")
        return author.opd
    opd = by_code(Opd, code, "opd", "Unknown OPD.")
    if opd is None:
        raise Invalid(errors={"opd": ["Unknown OPD."]})
    return opd


def create_article(author: User, data: dict) -> Article:
    """A new draft for the author's OPD (admins name the OPD)."""
    article = add_article(_author_opd(author, data.get("opd")), data, author.id)
    if article.is_pinned:
        _check_pin_room(article)
    _audit(article, "article.created", author)
    db.session.commit()
    return article


def add_article(opd: Opd, data: dict, author_id: int | None = None) -> Article:
    """A new draft in the caller's transaction (create_article, and the articles warnings make)."""
    article = Article(opd=opd, author_id=author_id, slug=unique_slug(data["title"]))
    with db.session.no_autoflush:
        _apply(article, data)
    db.session.add(article)
    return article


def get_article(slug: str) -> Article:
    article = db.session.scalar(select(Article).where(Article.slug == slug))
    if article is None:
        raise NotFound("Unknown article.")
    return article


def get_readable_article(slug: str, viewer: User | None) -> Article:
    """A readable article; its editors also see drafts, schedules and hidden ones."""
    article = get_article(slug)
    if article.is_readable or (viewer is not None and may_edit(article, viewer)):
        return article
    raise NotFound("Unknown article.")


def editable_article(slug: str, editor: User) -> Article:
    """An article its editor may change (403 for anyone else)."""
    article = get_article(slug)
    if not may_edit(article, editor):
        raise Forbidden()
    return article


def update_article(slug: str, editor: User, changes: dict) -> Article:
    """Edit an article; its slug follows the title only until it is first published."""
    article = editable_article(slug, editor)
    if "title" in changes and not article.was_published:
        article.slug = unique_slug(changes["title"], article.id)
    with db.session.no_autoflush:
        _apply(article, changes)
    if changes.get("is_pinned"):
        _check_pin_room(article)
    if article.was_published:
        article.edited_at = utcnow()
    _audit(article, "article.edited", editor, {"fields": sorted(changes)})
    db.session.commit()
    return article


def _audit(article: Article, action: str, actor: User | None = None, details: dict | None = None) -> None:
    db.session.flush()  # a new article's id
    details = {"slug": article.slug} | (details or {})
    record(action, target_type="article", target_id=article.id, details=details, actor=actor)


def _check_pin_room(article: Article) -> None:
    limit = current_app.config["NEWS_MAX_PINNED"]
    pinned = db.session.scalar(
        select(func.count())
        .select_from(Article)
        .where(
            Article.is_pinned.is_(True),
            Article.status.in_(READABLE_STATUSES),
            Article.id != (article.id or 0),
        )
    )
    if pinned >= limit:
        raise Conflict(f"At most {limit} articles can be pinned. Unpin one first.")


def publish_article(slug: str, editor: User, when=None) -> Article:
    """Publish now, or schedule for a future time; the announcement goes out when it is readable."""
    article = editable_article(slug, editor)
    scheduled = publish(article, when)
    _audit(article, "article.scheduled" if scheduled else "article.published", editor,
           {"published_at": article.published_at.isoformat()})  # fmt: skip
    db.session.commit()
    if not scheduled:
        events.article_published.send(article)
    return article


def publish(article: Article, when=None) -> bool:
    """Mark the article published now, or scheduled for `when`, in the caller's transaction (no
    announcement: publish_article sends it; a warning's article has its own campaign). True when
    it is scheduled."""
    if article.status == ArticleStatus.ARCHIVED:
        raise Conflict("An archived article cannot be published again.")
    if article.is_readable:
        raise Conflict("This article is already published.")
    now = utcnow()
    scheduled = when is not None and when > now
    article.published_at = when if scheduled else now
    article.status = ArticleStatus.SCHEDULED if scheduled else ArticleStatus.PUBLISHED
    if article.is_pinned:
        _check_pin_room(article)
    return scheduled


@periodic
def publish_due_articles() -> list[Article]:
    """Flip scheduled articles whose time has come to published and announce each exactly once,
    however many processes run this at the same moment."""
    due = db.session.scalars(
        select(Article).where(Article.status == ArticleStatus.SCHEDULED, Article.published_at <= utcnow())
    ).all()
    published = []
    for article in due:
        flipped = db.session.execute(
            update(Article)
            .where(Article.id == article.id, Article.status == ArticleStatus.SCHEDULED)
            .values(status=ArticleStatus.PUBLISHED)
        ).rowcount
        db.session.commit()
        if flipped:
            db.session.refresh(article)
            published.append(article)
            events.article_published.send(article)
    return published


def archive_article(slug: str, editor: User) -> Article:
    article = editable_article(slug, editor)
    archive(article)
    _audit(article, "article.archived", editor)
    db.session.commit()
    return article


def archive(article: Article) -> None:
    """Take the article out of every public answer, in the caller's transaction."""
    article.status = ArticleStatus.ARCHIVED
    article.is_pinned = False


def set_hidden(slug: str, hidden: bool, reason: str | None) -> Article:
    """Moderation: a hidden article stays but leaves every public answer."""
    article = get_article(slug)
    article.is_hidden, article.hidden_reason = hidden, reason if hidden else None
    _audit(
        article,
        "article.hidden" if hidden else "article.unhidden",
        details={"reason": reason} if hidden else None,
    )
    db.session.commit()
    return article


def _readable_query():
    return select(Article).where(
        Article.status.in_(READABLE_STATUSES), Article.is_hidden.is_(False), Article.published_at <= utcnow()
    )


def _in_area(query, kecamatan_code: str | None):
    """Everyone sees city-wide articles; an area's articles also go to that area."""
    if not kecamatan_code:
        return query
    area = select(Kecamatan.id).where(Kecamatan.code == kecamatan_code).scalar_subquery()
    return query.where(or_(Article.kecamatan_id.is_(None), Article.kecamatan_id == area))


def list_articles(args: dict) -> Page:
    """The public feed: pinned first, then newest; filters category, OPD, kecamatan, text."""
    query = _in_area(_readable_query(), args.get("kecamatan"))
    if args.get("category"):
        query = query.where(Article.category == args["category"])
    if args.get("opd"):
        query = query.where(Article.opd_id.in_(select(Opd.id).where(Opd.code == args["opd"])))
    if args.get("q"):
        pattern = f"%{args['q'].lower()}%"
        query = query.where(
            or_(func.lower(Article.title).like(pattern), func.lower(Article.summary).like(pattern))
        )
    columns = [Article.is_pinned, Article.published_at, Article.id]
    return keyset_page(query, columns, args.get("cursor"), args["limit"])


def _for_place(query, kecamatan_code: str | None, kelurahan_code: str | None):
    """An article limited to kelurahan (a warning's area) goes to those kelurahan, to a viewer who
    gave only a kecamatan holding one of them, and to one who gave no area: either may be in it,
    and a warning is better seen than missed (the same rule as its push: campaigns._in_kelurahan).
    Any other article follows the kecamatan rule (_in_area), the kecamatan being the kelurahan's
    when only the kelurahan is given."""
    if not kecamatan_code and not kelurahan_code:
        return query
    limited = exists().where(article_kelurahan.c.article_id == Article.id)
    if kelurahan_code:
        place = select(Kelurahan).where(Kelurahan.code == kelurahan_code).subquery()
        reaches = exists().where(
            article_kelurahan.c.article_id == Article.id, article_kelurahan.c.kelurahan_id == place.c.id
        )
        kecamatan = select(place.c.kecamatan_id)
    else:
        kecamatan = select(Kecamatan.id).where(Kecamatan.code == kecamatan_code)
        reaches = exists().where(
            article_kelurahan.c.article_id == Article.id,
            article_kelurahan.c.kelurahan_id == Kelurahan.id,
            Kelurahan.kecamatan_id.in_(kecamatan),
        )
    if kecamatan_code:
        kecamatan = select(Kecamatan.id).where(Kecamatan.code == kecamatan_code)
    in_kecamatan = or_(Article.kecamatan_id.is_(None), Article.kecamatan_id == kecamatan.scalar_subquery())
    return query.where(or_(reaches, and_(~limited, in_kecamatan)))


def active_warnings(kecamatan_code: str | None, kelurahan_code: str | None = None) -> list[Article]:
    """Peringatan that have not expired yet, for the banner of a kelurahan (or kecamatan, or city)."""
    query = _for_place(_readable_query(), kecamatan_code, kelurahan_code).where(
        Article.category == Category.PERINGATAN, Article.expires_at > utcnow()
    )
    return list(db.session.scalars(query.order_by(Article.published_at.desc()).limit(5)))


def next_change_at():
    """When the public feed next changes by the clock alone: a scheduled article's time comes, or a
    warning expires (the shared cache keeps no answer past it)."""
    now = utcnow()
    visible = (Article.status.in_(READABLE_STATUSES), Article.is_hidden.is_(False))
    publishes = select(func.min(Article.published_at)).where(*visible, Article.published_at > now)
    expires = select(func.min(Article.expires_at)).where(*visible, Article.expires_at > now)
    times = [at for at in (db.session.scalar(publishes), db.session.scalar(expires)) if at is not None]
    return min(times, default=None)


def latest_for_feed(limit: int = 50) -> list[Article]:
    return list(db.session.scalars(_readable_query().order_by(Article.published_at.desc()).limit(limit)))


def staff_articles(user: User, args: dict) -> Page:
    """Every article of the editor's OPD (admins: all, or ?opd=), drafts included, newest first."""
    query = select(Article)
    if user.role == Role.OPD_STAFF:
        query = query.where(Article.opd_id == user.opd_id)
    elif args.get("opd"):
        query = query.where(Article.opd_id.in_(select(Opd.id).where(Opd.code == args["opd"])))
    if args.get("status"):
        query = query.where(Article.status == args["status"])
    return keyset_page(query, [Article.id], args.get("cursor"), args["limit"])


def add_image(uploader: User, stored) -> NewsImage:
    image = NewsImage(
        name=stored.name,
        thumb_name=stored.thumb_name,
        width=stored.width,
        height=stored.height,
        opd_id=uploader.opd_id,
        uploaded_by_id=uploader.id,
    )
    db.session.add(image)
    db.session.flush()
    record("article.image_uploaded", target_type="news_image", target_id=image.id, actor=uploader)
    db.session.commit()
    return image


def image_by_name(name: str) -> NewsImage:
    image = db.session.scalar(
        select(NewsImage).where(or_(NewsImage.name == name, NewsImage.thumb_name == name))
    )
    if image is None:
        raise NotFound()
    return image
