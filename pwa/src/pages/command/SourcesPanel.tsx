// The health of each official source: ok, unavailable (its last poll failed, or it has not answered
// well for a while) or not polled yet, with its last success and last error. A source that is down
// stops nothing else; this is where an operator sees it.
import { Empty } from "../../components/Status";
import { formatNumber, t } from "../../i18n";
import { HealthTable, lastError, lastSuccess } from "./HealthTable";
import type { SourceHealth } from "./warnings-api";

const BADGES = { ok: "badge-ok", unavailable: "badge-overdue", never: "" };

export function SourcesPanel({ sources }: { sources: SourceHealth[] }) {
  if (sources.length === 0) return <Empty>{t("command.sources.empty")}</Empty>;
  const down = sources.filter((s) => s.state === "unavailable").length;
  return (
    <HealthTable
      status={
        down
          ? t("command.sources.down", { count: down })
          : t("command.sources.allWell")
      }
      caption={t("command.sources.caption")}
      tableClass="cc-sources"
      columns={[
        t("command.sources.source"),
        t("command.sources.state"),
        t("command.sources.lastSuccess"),
        t("command.sources.lastError"),
      ]}
    >
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
            {lastSuccess(source.last_success_at)}
            {source.last_duration_ms !== null
              ? ` (${t("command.sources.duration", { ms: formatNumber(source.last_duration_ms) })})`
              : null}
          </td>
          <td>{lastError(source.last_error, source.last_error_at)}</td>
        </tr>
      ))}
    </HealthTable>
  );
}
