// The active peringatan (warnings) on the home screen; nothing when there are none.
import type { ArticleSummary } from "../../api/news";
import { formatDateTime, t } from "../../i18n";
import "./i18n";
import "./news.css";

/** `warnings`: the active ones, or undefined when they could not be read (offline on a first visit,
 * a server error): then nothing is shown rather than blocking the home screen. */
export function WarningBanner({ warnings }: { warnings?: ArticleSummary[] }) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <section class="warnings" aria-labelledby="warnings-title">
      <h2 id="warnings-title" class="visually-hidden">
        {t("news.warningsTitle")}
      </h2>
      <ul class="list">
        {warnings.map((warning) => (
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
            {warning.summary ? (
              <p class="warning-summary">{warning.summary}</p>
            ) : null}
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
