// The OPD's articles in every state (admins: every OPD's, or one), newest first, with a way to write one.
import { useOpds } from "../../api/places";
import { useLocation, useRoute } from "preact-iso";
import { query, userStore } from "../../api/client";
import { usePaged } from "../../api/use-paged";
import { SelectField } from "../../components/Field";
import { NamedOptions, OpdOptions } from "../../components/Options";
import { PagedStates } from "../../components/PagedStates";
import { formatDateTime, t } from "../../i18n";
import { useStore } from "../../store";
import "./i18n";
import { ARTICLE_STATUSES, type EditorArticle, staffNewsPath } from "./api";

const editPath = (slug: string) => `/staf/berita/${encodeURIComponent(slug)}`;

export function StaffNews() {
  const user = useStore(userStore);
  const { route } = useLocation();
  const { status, opd } = useRoute().query;
  const isAdmin = user?.role === "admin";
  const page = usePaged<EditorArticle>(
    staffNewsPath({ status, opd: isAdmin ? opd : undefined }),
  );
  const opds = useOpds(isAdmin);
  const choose = (next: {
    status?: string | undefined;
    opd?: string | undefined;
  }) => route(`/staf/berita${query({ status, opd, ...next })}`, true);

  return (
    <section class="staff-news">
      <div class="staff-heading">
        <h1>{t("staff.news.title")}</h1>
        <a class="btn btn-primary" href="/staf/berita/baru">
          {t("staff.news.write")}
        </a>
      </div>
      <form
        class="staff-filters"
        aria-label={t("staff.news.filters")}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          id="news-status"
          label={t("staff.news.status")}
          value={status ?? ""}
          onChange={(value) => choose({ status: value || undefined })}
          blank={t("staff.news.allStatuses")}
        >
          <NamedOptions names={ARTICLE_STATUSES} texts="staff.article" />
        </SelectField>
        {isAdmin ? (
          <SelectField
            id="news-opd"
            label={t("staff.news.opd")}
            value={opd ?? ""}
            onChange={(value) => choose({ opd: value || undefined })}
            blank={t("staff.inbox.allOpds")}
          >
            <OpdOptions opds={opds.data ?? []} />
          </SelectField>
        ) : null}
      </form>
      <PagedStates paged={page} empty={t("staff.news.empty")}>
        <div class="table-wrap">
          <table class="staff-table">
            <caption class="visually-hidden">{t("staff.news.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.news.articleTitle")}</th>
                <th scope="col">{t("staff.news.category")}</th>
                {isAdmin ? <th scope="col">{t("staff.news.opd")}</th> : null}
                <th scope="col">{t("staff.news.status")}</th>
                <th scope="col">{t("staff.news.published")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((article) => (
                <tr key={article.slug}>
                  <th scope="row">
                    <a href={editPath(article.slug)}>{article.title}</a>
                  </th>
                  <td>{t(`category.${article.category}`)}</td>
                  {isAdmin ? <td>{article.opd.short_name}</td> : null}
                  <td>
                    <span class={`badge badge-article-${article.status}`}>
                      {t(`staff.article.${article.status}`)}
                    </span>
                    {article.is_pinned ? (
                      <span class="badge">{t("staff.article.pinned")}</span>
                    ) : null}
                    {article.is_hidden ? (
                      <span class="badge">{t("staff.work.hidden")}</span>
                    ) : null}
                  </td>
                  <td>
                    {article.published_at ? (
                      <time dateTime={article.published_at}>
                        {formatDateTime(article.published_at)}
                      </time>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PagedStates>
    </section>
  );
}
