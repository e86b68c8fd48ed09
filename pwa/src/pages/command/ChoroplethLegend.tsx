// The choropleth's key: the open-count classes as coloured swatches, the overdue classes as outlines.
import { formatNumber, t } from "../../i18n";
import { FILLS, OUTLINES, openSteps, overdueSplit } from "./choropleth";
import type { KelurahanLoad } from "./api";

function ranges(steps: number[]): string[] {
  return steps.map((bound, index) => {
    const low = (steps[index - 1] ?? 0) + 1;
    return low === bound
      ? formatNumber(bound)
      : `${formatNumber(low)}–${formatNumber(bound)}`;
  });
}

export function ChoroplethLegend({ rows }: { rows: KelurahanLoad[] }) {
  const steps = openSteps(Math.max(0, ...rows.map((row) => row.open)));
  const labels = ["0", ...ranges(steps)];
  const most = Math.max(0, ...rows.map((row) => row.overdue));
  const split = overdueSplit(most);
  const outlines = ["0", ...ranges(most > split ? [split, most] : [most])];
  return (
    <div class="cc-choropleth-legend">
      <div class="cc-legend-group">
        <p class="cc-legend-title">{t("command.choropleth.legend")}</p>
        <ul class="cc-swatches">
          {labels.map((label, index) => (
            <li key={label}>
              <span
                class="cc-swatch"
                aria-hidden="true"
                style={{ background: FILLS[index] }}
              />
              {label}
            </li>
          ))}
        </ul>
      </div>
      <div class="cc-legend-group">
        <p class="cc-legend-title">{t("command.choropleth.overdueLegend")}</p>
        <ul class="cc-swatches">
          {(most > 0 ? outlines : ["0"]).map((label, index) => (
            <li key={label}>
              <span
                class="cc-swatch cc-swatch-outline"
                aria-hidden="true"
                style={{
                  borderWidth: `${OUTLINES[index]}px`,
                  borderColor: index ? "#1a1a1a" : "#6b6b6b",
                }}
              />
              {label}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
