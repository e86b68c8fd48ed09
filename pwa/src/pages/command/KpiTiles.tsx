// The headline numbers: open and overdue now, this week's flow, the period's speed and rating.
import { Fragment } from "preact";
import { formatNumber, t } from "../../i18n";
import { type DurationPart, durationParts } from "../../i18n/duration";
import type { Summary } from "./api";

interface Tile {
  key: string;
  label: string;
  /** Numbers with their units set smaller, so a big number stays on one line on the wall. */
  parts: DurationPart[];
  alert?: boolean;
}

const count = (value: number): DurationPart[] => [
  { value: formatNumber(value), unit: "" },
];

function rating(value: number | null): DurationPart[] {
  return value === null
    ? [{ value: t("command.kpi.none"), unit: "" }]
    : [{ value: formatNumber(value, 1), unit: t("command.kpi.ratingUnit") }];
}

/** Hours as days and hours ("1 hari 3 jam"). */
function duration(hours: number | null): DurationPart[] {
  return hours === null
    ? [{ value: t("command.kpi.none"), unit: "" }]
    : durationParts(hours);
}

function tiles(summary: Summary, days: number): Tile[] {
  return [
    {
      key: "open",
      label: t("command.kpi.open"),
      parts: count(summary.open),
    },
    {
      key: "overdue",
      label: t("command.kpi.overdue"),
      parts: count(summary.overdue),
      alert: summary.overdue > 0,
    },
    {
      key: "created_today",
      label: t("command.kpi.createdToday"),
      parts: count(summary.created_today),
    },
    {
      key: "created_this_week",
      label: t("command.kpi.createdThisWeek"),
      parts: count(summary.created_this_week),
    },
    {
      key: "resolved_this_week",
      label: t("command.kpi.resolvedThisWeek"),
      parts: count(summary.resolved_this_week),
    },
    {
      key: "median_response",
      label: t("command.kpi.medianResponse", { days }),
      parts: duration(summary.median_response),
    },
    {
      key: "median_resolution",
      label: t("command.kpi.medianResolution", { days }),
      parts: duration(summary.median_resolution),
    },
    {
      key: "average_rating",
      label: t("command.kpi.rating", { days }),
      parts: rating(summary.average_rating),
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
              {tile.parts.map(({ value, unit }, index) => (
                <Fragment key={index}>
                  {index ? " " : null}
                  {value}
                  {unit ? <span class="cc-unit"> {unit}</span> : null}
                </Fragment>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
