// One article (/berita/:slug): title, meta, cover and the server-rendered body; readable offline
// once opened (the service worker keeps the answer).
import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { type Article as ArticleData, articlePath } from "../../api/news";
import { useApi } from "../../api/use-api";
import { ErrorNote, Loading } from "../../components/Status";
import { formatDate, formatDateTime, t } from "../../i18n";
import { CategoryBadge } from "./NewsCard";
import "./i18n";
import "./news.css";

function BackLink() {
  return (
    <p>
      <a class="back-link" href="/berita">
        <span aria-hidden="true">← </span>
        {t("news.back")}
      </a>
    </p>
  );
}

function Meta({ article }: { article: ArticleData }) {
  return (
    <div class="article-meta">
      <p class="news-meta">
        <CategoryBadge category={article.category} />
        {article.kecamatan ? (
          <span class="muted">
            {t("news.area", { name: article.kecamatan.name })}
          </span>
        ) : null}
      </p>
      <p class="muted">
        {article.opd.name}
        {article.published_at ? (
          <>
            {" · "}
            <time dateTime={article.published_at}>
              {formatDate(article.published_at)}
            </time>
          </>
        ) : null}
        {article.updated_at
          ? ` · ${t("news.updated", { date: formatDateTime(article.updated_at) })}`
          : null}
      </p>
      {article.event ? (
        <dl class="article-event">
          <dt>{t("news.eventWhen")}</dt>
          <dd>
            {formatDateTime(article.event.starts_at)}
            {article.event.ends_at
              ? ` – ${formatDateTime(article.event.ends_at)}`
              : ""}
          </dd>
          <dt>{t("news.eventPlace")}</dt>
          <dd>{article.event.place}</dd>
        </dl>
      ) : null}
      {article.category === "peringatan" && article.expires_at ? (
        <p class="alert-peringatan">
          {t("news.expires", { date: formatDateTime(article.expires_at) })}
        </p>
      ) : null}
    </div>
  );
}

export function Article() {
  const slug = useRoute().params.slug ?? "";
  const { data, error, loading, reload } = useApi<ArticleData>(
    articlePath(slug),
    { anonymous: true },
  );

  useEffect(() => {
    if (!data) return;
    const before = document.title;
    document.title = `${data.title} — SatuPintu`;
    return () => {
      document.title = before;
    };
  }, [data]);

  if (loading && !data) return <Loading />;
  if (!data) {
    return (
      <section>
        <h1>{t("news.unavailable")}</h1>
        {error?.status === 404 ? (
          <p>{t("news.notFound")}</p>
        ) : error?.offline ? (
          <p class="notice">{t("news.offlineArticle")}</p>
        ) : (
          <ErrorNote error={error} />
        )}
        {error && error.status !== 404 ? (
          <p>
            <button type="button" class="btn" onClick={reload}>
              {t("common.retry")}
            </button>
          </p>
        ) : null}
        <BackLink />
      </section>
    );
  }
  return (
    <article class="article">
      <BackLink />
      <h1>{data.title}</h1>
      <Meta article={data} />
      {data.cover ? (
        <img
          class="article-cover"
          src={data.cover.url}
          width={data.cover.width}
          height={data.cover.height}
          alt=""
        />
      ) : null}
      {data.summary ? <p class="lead">{data.summary}</p> : null}
      {/* body_html is Markdown rendered and sanitised by the server with nh3 (an allow-list of
          tags and attributes, no scripts, no event handlers, safe URL schemes only), so it is
          inserted as it comes. */}
      <div
        class="article-body"
        dangerouslySetInnerHTML={{ __html: data.body_html }}
      />
      <BackLink />
    </article>
  );
}
