// The OPD league: sortable by any column (a button in each header; aria-sort tells which).
import { useState } from "preact/hooks";
import { Empty } from "../../components/Status";
import { formatNumber, t } from "../../i18n";
import { formatDuration } from "../../i18n/duration";
import type { LeagueRow } from "./api";

type Column = keyof Pick<
  LeagueRow,
  | "name"
  | "open"
  | "overdue"
  | "median_resolution_hours"
  | "satisfaction"
  | "within_sla"
>;
type Direction = "ascending" | "descending";

const COLUMNS: { key: Column; label: string }[] = [
  { key: "name", label: "command.league.opd" },
  { key: "open", label: "command.league.open" },
  { key: "overdue", label: "command.league.overdue" },
  { key: "median_resolution_hours", label: "command.league.medianResolution" },
  { key: "satisfaction", label: "command.league.satisfaction" },
  { key: "within_sla", label: "command.league.withinSla" },
];

/** Rows in order; a missing value always sorts last, whichever the direction. */
function sorted(
  rows: LeagueRow[],
  column: Column,
  direction: Direction,
): LeagueRow[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order =
      typeof x === "string" ? x.localeCompare(String(y)) : x - Number(y);
    return order * sign || a.name.localeCompare(b.name);
  });
}

function cell(row: LeagueRow, column: Column): string {
  const value = row[column];
  if (value === null) return "—";
  if (column === "name") return row.name;
  if (column === "median_resolution_hours")
    return formatDuration(row.median_resolution_hours ?? 0);
  if (column === "satisfaction") return formatNumber(row.satisfaction ?? 0, 1);
  if (column === "within_sla")
    return `${formatNumber((row.within_sla ?? 0) * 100, 0)}%`;
  return formatNumber(Number(value));
}

export function OpdLeague({ rows }: { rows: LeagueRow[] }) {
  const [column, setColumn] = useState<Column>("overdue");
  const [direction, setDirection] = useState<Direction>("descending");
  if (rows.length === 0) return <Empty>{t("command.league.empty")}</Empty>;

  const sortBy = (next: Column) => {
    if (next === column) {
      setDirection(direction === "ascending" ? "descending" : "ascending");
    } else {
      setColumn(next);
      setDirection(next === "name" ? "ascending" : "descending");
    }
  };

  return (
    <div class="table-wrap cc-scroll">
      <table class="cc-league">
        <caption class="visually-hidden">{t("command.league.caption")}</caption>
        <thead>
          <tr>
            {COLUMNS.map(({ key, label }) => (
              <th
                key={key}
                scope="col"
                class={key === "name" ? undefined : "cc-num"}
                aria-sort={key === column ? direction : undefined}
              >
                <button
                  type="button"
                  class="cc-sort"
                  onClick={() => sortBy(key)}
                >
                  {t(label)}
                  <span aria-hidden="true" class="cc-sort-mark">
                    {key === column
                      ? direction === "ascending"
                        ? "▲"
                        : "▼"
                      : "↕"}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted(rows, column, direction).map((row) => (
            <tr key={row.opd}>
              {COLUMNS.map(({ key }) =>
                key === "name" ? (
                  <th key={key} scope="row" title={row.opd}>
                    {row.name}
                  </th>
                ) : (
                  <td key={key} class="cc-num">
                    {cell(row, key)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
