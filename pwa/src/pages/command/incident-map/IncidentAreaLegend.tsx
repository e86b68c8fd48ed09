// The map key of the incident areas and, in words, the incidents drawn (each a link to its page):
// what the outlines say for those who cannot see or click them.
import { t } from "../../../i18n";
import { AREA_COLOUR } from "../../../map/areas";
import { type Incident, incidentHref, openFirst } from "../incidents-api";
import { incidentLabel } from "./incident-layer";
import "./i18n";
import "./incident-map.css";

const STATES = ["proposed", "active"] as const;

export function IncidentAreaLegend({
  incidents,
  failed,
}: {
  incidents: Incident[];
  failed: boolean;
}) {
  if (incidents.length === 0) return null;
  const shown = new Set(incidents.map((incident) => incident.state));
  return (
    <div class="cc-choropleth-legend cc-incident-legend">
      <div class="cc-legend-group">
        <p class="cc-legend-title" id="cc-incident-areas-title">
          {t("command.incidentMap.legend", { count: incidents.length })}
        </p>
        <ul class="cc-swatches">
          {STATES.filter((state) => shown.has(state)).map((state) => (
            <li key={state}>
              <span
                class={`cc-swatch cc-swatch-incident cc-swatch-incident-${state}`}
                aria-hidden="true"
                style={{ borderColor: AREA_COLOUR }}
              />
              {t(`command.incidentMap.state.${state}`)}
            </li>
          ))}
        </ul>
        <ul
          class="cc-incident-area-list"
          aria-labelledby="cc-incident-areas-title"
        >
          {openFirst(incidents).map((incident) => (
            <li key={incident.id}>
              <a
                class="more-link"
                href={incidentHref(incident.id)}
                data-incident={incident.id}
              >
                {incidentLabel(incident)}
              </a>
            </li>
          ))}
        </ul>
        {failed ? (
          <p class="muted" role="status">
            {t("command.incidentMap.failed")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
