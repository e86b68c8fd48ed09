// Open requests past their deadline, the longest overdue first; each code opens the request.
// The first rows are shown, the rest on request (the wall shows a fixed few and counts the rest).
import { useState } from "preact/hooks";
import { localized } from "../../api/requests";
import { Empty } from "../../components/Status";
import { formatDateTime, formatNumber, t } from "../../i18n";
import { formatDuration } from "../../i18n/duration";
import { type OverdueItem, requestHref } from "./api";

const FIRST_ROWS = 10;
const WALL_ROWS = 6;

interface Props {
  /** The longest overdue (the API sends at most 50). */
  items: OverdueItem[];
  /** How many are overdue in all. */
  total: number;
  wall: boolean;
}

export function OverdueList({ items, total, wall }: Props) {
  const [all, setAll] = useState(false);
  if (items.length === 0) return <Empty>{t("command.overdue.empty")}</Empty>;
  const shown = all ? items : items.slice(0, wall ? WALL_ROWS : FIRST_ROWS);
  const rest = Math.max(total, items.length) - shown.length;
  return (
    <>
      <div class="table-wrap cc-scroll">
        <table class="cc-overdue">
          <caption class="visually-hidden">
            {t("command.overdue.caption")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("command.overdue.code")}</th>
              <th scope="col">{t("command.overdue.service")}</th>
              <th scope="col">{t("command.overdue.opd")}</th>
              <th scope="col">{t("command.overdue.kecamatan")}</th>
              <th scope="col" class="cc-col-due">
                {t("command.overdue.due")}
              </th>
              <th scope="col" class="cc-num">
                {t("command.overdue.late")}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.code}>
                <th scope="row">
                  <a href={requestHref(item.code)}>{item.code}</a>
                </th>
                <td title={localized(item.service_name)}>
                  {localized(item.service_name)}
                </td>
                <td title={item.opd}>{item.opd_name}</td>
                <td title={item.kecamatan ?? undefined}>
                  {item.kecamatan ?? "—"}
                </td>
                <td class="cc-col-due">{formatDateTime(item.sla_due_at)}</td>
                <td class="cc-num">
                  <span class="badge badge-overdue">
                    {formatDuration(item.hours_overdue)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rest > 0 && wall ? (
        <p class="muted cc-more">
          {t("command.overdue.more", { count: formatNumber(rest) })}
        </p>
      ) : null}
      {shown.length < items.length && !wall ? (
        <button
          type="button"
          class="btn btn-small cc-more"
          onClick={() => setAll(true)}
        >
          {t("command.overdue.showAll", { count: formatNumber(items.length) })}
        </button>
      ) : null}
      {shown.length === items.length && rest > 0 && !wall ? (
        <p class="muted cc-more">
          {t("command.overdue.capped", {
            shown: formatNumber(shown.length),
            total: formatNumber(total),
          })}
        </p>
      ) : null}
    </>
  );
}
