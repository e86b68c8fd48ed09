// The headline numbers: open and overdue now, this week's flow, the period's speed and rating.
import { formatNumber, t } from "../../i18n";
import type { Summary } from "./dashboard-api";

interface Tile {
  key: string;
  label: string;
  value: string;
  /** Set smaller than the number, so a big number stays on one line on the wall. */
  unit?: string;
  alert?: boolean;
}

function measured(value: number | null, unit: string) {
  return value === null
    ? { value: t("command.kpi.none") }
    : { value: formatNumber(value, 1), unit };
}

function tiles(summary: Summary, days: number): Tile[] {
  return [
    {
      key: "open",
      label: t("command.kpi.open"),
      value: formatNumber(summary.open),
    },
    {
      key: "overdue",
      label: t("command.kpi.overdue"),
      value: formatNumber(summary.overdue),
      alert: summary.overdue > 0,
    },
    {
      key: "created_today",
      label: t("command.kpi.createdToday"),
      value: formatNumber(summary.created_today),
    },
    {
      key: "created_this_week",
      label: t("command.kpi.createdThisWeek"),
      value: formatNumber(summary.created_this_week),
    },
    {
      key: "resolved_this_week",
      label: t("command.kpi.resolvedThisWeek"),
      value: formatNumber(summary.resolved_this_week),
    },
    {
      key: "median_response",
      label: t("command.kpi.medianResponse", { days }),
      ...measured(summary.median_response, t("command.kpi.hoursUnit")),
    },
    {
      key: "median_resolution",
      label: t("command.kpi.medianResolution", { days }),
      ...measured(summary.median_resolution, t("command.kpi.hoursUnit")),
    },
    {
      key: "average_rating",
      label: t("command.kpi.rating", { days }),
      ...measured(summary.average_rating, t("command.kpi.ratingUnit")),
    },
  ];
}

export function KpiTiles({
  summary,
  days,
}: {
  summary: Summary;
  days: number;
}) {
  return (
    <section class="cc-kpis" aria-labelledby="cc-kpis-title">
      <h2 id="cc-kpis-title" class="visually-hidden">
        {t("command.kpi.title")}
      </h2>
      <dl class="cc-kpi-grid">
        {tiles(summary, days).map((tile) => (
          <div
            key={tile.key}
            class={tile.alert ? "cc-kpi cc-kpi-alert" : "cc-kpi"}
            data-kpi={tile.key}
          >
            <dt>{tile.label}</dt>
            <dd>
              {tile.value}
              {tile.unit ? <span class="cc-unit"> {tile.unit}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
