// Requests of the period per kecamatan: a plain table whose bars are drawn in CSS, so the numbers
// themselves are the text alternative.
import { localized } from "../../api/requests";
import { Empty } from "../../components/Status";
import { formatNumber, t } from "../../i18n";
import type { Breakdown } from "./api";

export function KecamatanBars({
  rows,
  days,
}: {
  rows: Breakdown[];
  days: number;
}) {
  if (rows.length === 0) return <Empty>{t("command.kecamatan.empty")}</Empty>;
  const most = Math.max(...rows.map((row) => row.count), 1);
  return (
    <div class="table-wrap">
      <table class="cc-bars">
        <caption class="visually-hidden">
          {t("command.kecamatan.caption", { days })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("command.kecamatan.name")}</th>
            <th scope="col" class="cc-num">
              {t("command.kecamatan.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{localized(row.label)}</th>
              <td class="cc-bar-cell">
                <span
                  class="cc-bar"
                  aria-hidden="true"
                  style={{ width: `${(row.count / most) * 100}%` }}
                />
                <span class="cc-num">{formatNumber(row.count)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
