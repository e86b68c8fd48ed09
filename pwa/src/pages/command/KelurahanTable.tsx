// The choropleth's text alternative: every kelurahan of the scope with its open and overdue
// requests, the busiest first.
import { Empty } from "../../components/Status";
import { formatNumber, t } from "../../i18n";
import type { KelurahanLoad } from "./api";

function busiestFirst(rows: KelurahanLoad[]): KelurahanLoad[] {
  return [...rows].sort(
    (a, b) =>
      b.open - a.open || b.overdue - a.overdue || a.name.localeCompare(b.name),
  );
}

export function KelurahanTable({ rows }: { rows: KelurahanLoad[] }) {
  if (rows.length === 0) return <Empty>{t("command.choropleth.empty")}</Empty>;
  return (
    // Focusable, so that a keyboard can scroll the table inside its panel on a desk screen.
    <div
      class="table-wrap cc-scroll"
      tabIndex={0}
      role="region"
      aria-label={t("command.choropleth.title")}
    >
      <table class="cc-kelurahan">
        <caption class="visually-hidden">
          {t("command.choropleth.caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("command.choropleth.kelurahan")}</th>
            <th scope="col" class="cc-num">
              {t("command.choropleth.open")}
            </th>
            <th scope="col" class="cc-num">
              {t("command.choropleth.overdue")}
            </th>
          </tr>
        </thead>
        <tbody>
          {busiestFirst(rows).map((row) => (
            <tr key={row.code} data-code={row.code}>
              <th scope="row">{row.name}</th>
              <td class="cc-num">{formatNumber(row.open)}</td>
              <td class="cc-num">{formatNumber(row.overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
