// The active peringatan (warnings) at the top of the home screen; nothing when there are none.
import { type ArticleSummary, bannerPath } from "../../api/news";
import { useApi } from "../../api/use-api";
import { formatDateTime, t } from "../../i18n";
import "./i18n";
import "./news.css";

export function WarningBanner() {
  const { data } = useApi<ArticleSummary[]>(bannerPath(), {
    anonymous: true,
  });
  // A missing banner (offline on a first visit, a server error) must not block the home screen.
  if (!data || data.length === 0) return null;
  return (
    <section class="warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title" class="visually-hidden">
        {t("news.warningsTitle")}
      </h2>
      <ul class="list">
        {data.map((warning) => (
          <li key={warning.slug} class="alert-peringatan">
            <p class="warning-label">
              <span aria-hidden="true">⚠ </span>
              {t("category.peringatan")}
              {warning.kecamatan
                ? ` · ${t("news.area", { name: warning.kecamatan.name })}`
                : ""}
            </p>
            <p class="warning-title">
              <a href={`/berita/${encodeURIComponent(warning.slug)}`}>
                {warning.title}
              </a>
            </p>
            {warning.summary ? <p>{warning.summary}</p> : null}
            {warning.expires_at ? (
              <p class="muted">
                {t("news.expires", {
                  date: formatDateTime(warning.expires_at),
                })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
