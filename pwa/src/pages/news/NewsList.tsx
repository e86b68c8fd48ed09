// The news list (/berita): a search and a category filter in the address (?q=, ?kategori=), pages
// by keyset cursor.
import { useLocation, useRoute } from "preact-iso";
import { query } from "../../api/client";
import {
  type ArticleSummary,
  CATEGORIES,
  type Category,
  isCategory,
  newsPath,
} from "../../api/news";
import { usePaged } from "../../api/use-paged";
import { SearchForm } from "../../components/SearchForm";
import { Empty, ErrorNote, Loading } from "../../components/Status";
import { t } from "../../i18n";
import { NewsCard } from "./NewsCard";
import "./i18n";
import "./news.css";

const PAGE_SIZE = 10;

const listPath = (category: Category | undefined, words: string) =>
  `/berita${query({ kategori: category, q: words })}`;

function CategoryFilter({
  current,
  words,
}: {
  current: Category | undefined;
  words: string;
}) {
  const choices: (Category | undefined)[] = [undefined, ...CATEGORIES];
  return (
    <nav aria-label={t("news.filter")}>
      <ul class="news-filter">
        {choices.map((category) => (
          <li key={category ?? "all"}>
            <a
              class="btn btn-small"
              href={listPath(category, words)}
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

function emptyText(category: Category | undefined, words: string): string {
  if (words) return t("news.emptySearch", { words });
  return category ? t("news.emptyCategory") : t("news.empty");
}

export function NewsList() {
  const { kategori, q } = useRoute().query;
  const { route } = useLocation();
  const category = isCategory(kategori) ? kategori : undefined;
  const words = q ?? "";
  const { items, loading, error, hasMore, loadMore, reload } =
    usePaged<ArticleSummary>(
      newsPath({ category, q: words || undefined, limit: PAGE_SIZE }),
      { anonymous: true },
    );

  return (
    <section>
      <h1>{t("news.title")}</h1>
      <SearchForm
        id="news-search"
        label={t("news.search")}
        value={words}
        onSearch={(next) => route(listPath(category, next))}
      />
      <CategoryFilter current={category} words={words} />
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
          <Empty>{emptyText(category, words)}</Empty>
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
            onClick={items.length ? loadMore : reload}
          >
            {t("common.retry")}
          </button>
        </div>
      ) : null}
      {hasMore && !loading && !error ? (
        <p>
          <button type="button" class="btn btn-big" onClick={loadMore}>
            {t("common.loadMore")}
          </button>
        </p>
      ) : null}
    </section>
  );
}
