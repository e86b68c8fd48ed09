// The news list (/berita): a category filter in the address (?kategori=), pages by keyset cursor.
import { useRoute } from "preact-iso";
import {
  type ArticleSummary,
  CATEGORIES,
  type Category,
  isCategory,
  newsPath,
} from "../../api/news";
import { usePaged } from "../../api/use-paged";
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
  const { items, loading, error, hasMore, loadMore, reload } =
    usePaged<ArticleSummary>(newsPath({ category, limit: PAGE_SIZE }), {
      anonymous: true,
    });

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
