// Official warnings on the command center's map: each warning's polygons as one outlined shape in a
// pane of its own above the kelurahan (and the choropleth), coloured by severity and dashed, a
// draft dotted; hovering one names it in words. Updated in place on every refresh.
import type * as Leaflet from "leaflet";
import { formatDateTime, language, t } from "../../i18n";
import type { L } from "../../map/leaflet";
import { type DrawnLayers, drawExactly, tooltipBox } from "./drawn-layers";
import { type OfficialWarning, severityOf } from "./warnings-api";

const PANE = "ccWarnings";

/** Purples, blue and teal, away from the choropleth's yellows and reds; each dark enough for white
 * text on the panel's severity badge (command.css repeats them there). */
export const SEVERITY_COLOURS: Record<string, string> = {
  Extreme: "#3f007d",
  Severe: "#6a51a3",
  Moderate: "#2171b5",
  Minor: "#00696b",
  Unknown: "#525252",
};

/** Dashes for a sent warning, dots for a draft waiting for an operator. */
const DASHES = { sent: "10 6", draft: "2 6" };

export function headlineOf(warning: OfficialWarning): string {
  return (
    warning.headline[language()] ||
    warning.headline.id ||
    warning.event ||
    warning.identifier
  );
}

function tooltip(warning: OfficialWarning): HTMLElement {
  const details = [
    t(`command.warnings.severity.${severityOf(warning)}`),
    t(`command.warnings.status.${warning.status}`),
    warning.expires_at
      ? t("command.warnings.until", {
          time: formatDateTime(warning.expires_at),
        })
      : null,
  ]
    .filter(Boolean)
    .join(" · ");
  return tooltipBox(headlineOf(warning), details);
}

/** What, when it changes, needs the shape drawn again. */
function drawnKey(warning: OfficialWarning): string {
  return JSON.stringify([warning.polygons, warning.severity, warning.status]);
}

export class WarningLayer {
  private readonly shapes: DrawnLayers = new Map();

  constructor(
    private readonly L: L,
    private readonly map: Leaflet.Map,
  ) {
    if (!map.getPane(PANE)) {
      // Above the overlay pane (400) where the kelurahan are drawn, below the markers (600).
      map.createPane(PANE).style.zIndex = "450";
    }
  }

  /** Draws exactly these warnings (those without polygons, an earthquake, are left out). */
  show(warnings: OfficialWarning[]): void {
    const drawn = warnings.filter((w) => w.polygons.length > 0);
    drawExactly(this.shapes, drawn, {
      key: drawnKey,
      tooltip,
      draw: (warning) => this.draw(warning),
    });
  }

  private draw(warning: OfficialWarning): Leaflet.Polygon {
    const severity = severityOf(warning);
    const colour = SEVERITY_COLOURS[severity];
    const shapes = warning.polygons.map((ring) => [
      ring.map(([long, lat]) => [lat, long] as [number, number]),
    ]);
    const polygon = this.L.polygon(shapes, {
      pane: PANE,
      className: `cc-warning cc-warning-${severity.toLowerCase()}`,
      color: colour,
      weight: 3,
      dashArray: DASHES[warning.status] ?? DASHES.sent,
      fillColor: colour,
      fillOpacity: warning.status === "draft" ? 0.1 : 0.25,
    });
    polygon.bindTooltip(tooltip(warning), { sticky: true });
    polygon.addTo(this.map);
    const path = polygon.getElement();
    path?.setAttribute("data-warning", warning.identifier);
    path?.setAttribute("data-severity", severity);
    return polygon;
  }
}
