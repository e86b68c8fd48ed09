// The health of each official source: ok, unavailable (its last poll failed, or it has not answered
// well for a while) or not polled yet, with its last success and last error. A source that is down
// stops nothing else; this is where an operator sees it.
import { Empty } from "../../components/Status";
import { formatDateTime, formatNumber, t } from "../../i18n";
import type { SourceHealth } from "./warnings-api";

const BADGES = { ok: "badge-ok", unavailable: "badge-overdue", never: "" };

export function SourcesPanel({ sources }: { sources: SourceHealth[] }) {
  if (sources.length === 0) return <Empty>{t("command.sources.empty")}</Empty>;
  const down = sources.filter((s) => s.state === "unavailable").length;
  return (
    <>
      <p class="muted" role="status">
        {down
          ? t("command.sources.down", { count: down })
          : t("command.sources.allWell")}
      </p>
      <div
        class="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={t("command.sources.caption")}
      >
        <table class="cc-sources">
          <caption class="visually-hidden">
            {t("command.sources.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("command.sources.source")}</th>
              <th scope="col">{t("command.sources.state")}</th>
              <th scope="col">{t("command.sources.lastSuccess")}</th>
              <th scope="col">{t("command.sources.lastError")}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.name} data-source={source.name}>
                <th scope="row">
                  {source.name}
                  <span class="muted cc-campaign-meta"> {source.url}</span>
                </th>
                <td>
                  <span class={`badge ${BADGES[source.state]}`}>
                    {t(`command.sources.state.${source.state}`)}
                  </span>
                </td>
                <td>
                  {source.last_success_at
                    ? formatDateTime(source.last_success_at)
                    : t("command.jobs.never")}
                  {source.last_duration_ms !== null
                    ? ` (${t("command.sources.duration", { ms: formatNumber(source.last_duration_ms) })})`
                    : null}
                </td>
                <td>
                  {source.last_error && source.last_error_at
                    ? `${formatDateTime(source.last_error_at)}: ${source.last_error}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
