// The news list (/berita): a category filter in the address (?kategori=), pages by keyset cursor.
import { useEffect, useRef, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import type { ApiError } from "../../api/client";
import {
  type ArticleSummary,
  CATEGORIES,
  type Category,
  type NewsPage,
  isCategory,
  newsPath,
  publicGet,
} from "../../api/news";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { NewsCard } from "./NewsCard";
import "./i18n";
import "./news.css";

const PAGE_SIZE = 10;

function CategoryFilter({ current }: { current: Category | undefined }) {
  const choices: (Category | undefined)[] = [undefined, ...CATEGORIES];
  return (
    <nav aria-label={t("news.filter")}>
      <ul class="news-filter">
        {choices.map((category) => (
          <li key={category ?? "all"}>
            <a
              class="btn btn-small"
              href={category ? `/berita?kategori=${category}` : "/berita"}
              aria-current={category === current ? "page" : undefined}
            >
              {category ? t(`category.${category}`) : t("news.all")}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function NewsList() {
  const kategori = useRoute().query.kategori;
  const category = isCategory(kategori) ? kategori : undefined;
  const [items, setItems] = useState<ArticleSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const running = useRef<AbortController | null>(null);

  function load(cursor: string | null) {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setLoading(true);
    setError(undefined);
    publicGet<NewsPage>(
      newsPath({ category, cursor, limit: PAGE_SIZE }),
      controller.signal,
    )
      .then((page) => {
        setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
        setNext(page.next);
      })
      .catch((failure: ApiError) => {
        if (!controller.signal.aborted) setError(failure);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
  }

  useEffect(() => {
    setItems([]);
    setNext(null);
    load(null);
    return () => running.current?.abort();
  }, [category]);

  return (
    <section>
      <h1>{t("news.title")}</h1>
      <CategoryFilter current={category} />
      {items.length > 0 ? (
        <ul class="list news-list">
          {items.map((article) => (
            <li key={article.slug}>
              <NewsCard article={article} />
            </li>
          ))}
        </ul>
      ) : null}
      <div aria-live="polite">
        {loading ? <Loading /> : null}
        {!loading && !error && items.length === 0 ? (
          <Empty>{category ? t("news.emptyCategory") : t("news.empty")}</Empty>
        ) : null}
      </div>
      {error ? (
        <div class="stack">
          <ErrorNote
            error={
              error.offline && items.length === 0
                ? { name: "offline", message: t("news.offlineList") }
                : error
            }
          />
          <button
            type="button"
            class="btn"
            onClick={() => load(items.length ? next : null)}
          >
            {t("common.retry")}
          </button>
        </div>
      ) : null}
      {next && !loading && !error ? (
        <p>
          <button type="button" class="btn btn-big" onClick={() => load(next)}>
            {t("common.loadMore")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
