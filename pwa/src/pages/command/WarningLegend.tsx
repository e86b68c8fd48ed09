// The map key of the official warnings drawn on it: one swatch per severity shown, and the dotted
// outline of a draft; each in words, the colour only repeats them.
import { t } from "../../i18n";
import { SEVERITY_COLOURS } from "./warning-layer";
import { type OfficialWarning, SEVERITIES, severityOf } from "./warnings-api";

export function WarningLegend({ warnings }: { warnings: OfficialWarning[] }) {
  const drawn = warnings.filter((w) => w.polygons.length > 0);
  if (drawn.length === 0) return null;
  const shown = new Set(drawn.map(severityOf));
  const drafts = drawn.some((w) => w.status === "draft");
  return (
    <div class="cc-choropleth-legend cc-warning-legend">
      <div class="cc-legend-group">
        <p class="cc-legend-title">
          {t("command.warnings.legend", { count: drawn.length })}
        </p>
        <ul class="cc-swatches">
          {SEVERITIES.filter((s) => shown.has(s)).map((severity) => (
            <li key={severity}>
              <span
                class="cc-swatch cc-swatch-warning"
                aria-hidden="true"
                style={{ borderColor: SEVERITY_COLOURS[severity] }}
              />
              {t(`command.warnings.severity.${severity}`)}
            </li>
          ))}
          {drafts ? (
            <li>
              <span
                class="cc-swatch cc-swatch-warning cc-swatch-draft"
                aria-hidden="true"
              />
              {t("command.warnings.draftLegend")}
            </li>
          ) : null}
        </ul>
      </div>
    </div>
  );
}
