// One article in a list: cover, category, title (the link), summary and date.
import type { ArticleSummary } from "../../api/news";
import { formatDate, t } from "../../i18n";
import "./i18n";
import "./news.css";

interface Props {
  article: ArticleSummary;
  /** The heading level inside the page's outline (h2 on the news list, h3 on the home screen). */
  level?: 2 | 3;
  /** Title, badges and date only (the home screen's short list). */
  short?: boolean;
}

export function CategoryBadge({ category }: { category: string }) {
  return (
    <span class={`badge badge-category badge-${category}`}>
      {t(`category.${category}`)}
    </span>
  );
}

export function NewsCard({ article, level = 2, short = false }: Props) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article class="card news-card">
      {article.cover && !short ? (
        <img
          class="news-cover"
          src={article.cover.thumb_url}
          width={article.cover.width}
          height={article.cover.height}
          loading="lazy"
          decoding="async"
          alt=""
        />
      ) : null}
      <div class="news-card-text">
        <p class="news-meta">
          <CategoryBadge category={article.category} />
          {article.is_pinned ? (
            <span class="badge badge-pinned">{t("news.pinned")}</span>
          ) : null}
        </p>
        <Heading class="news-card-title">
          {/* The link covers the whole card (see news.css), one tab stop per article. */}
          <a href={`/berita/${encodeURIComponent(article.slug)}`}>
            {article.title}
          </a>
        </Heading>
        {article.summary && !short ? <p>{article.summary}</p> : null}
        {article.published_at ? (
          <p class="muted news-date">
            <time dateTime={article.published_at}>
              {formatDate(article.published_at)}
            </time>
          </p>
        ) : null}
      </div>
    </article>
  );
}
