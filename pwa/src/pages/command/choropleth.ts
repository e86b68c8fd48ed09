// The kelurahan choropleth of the command center's map: each kelurahan filled by its open requests
// in a few classed steps and outlined by its overdue ones (thin grey for none, then a medium and a
// thick dark line), updated in place on every refresh (the polygons are drawn once).
import type * as Leaflet from "leaflet";
import type { KelurahanShapes } from "../../api/places";
import { formatNumber, t } from "../../i18n";
import type { L } from "../../map/leaflet";
import type { KelurahanLoad } from "./api";
import { tooltipBox } from "./drawn-layers";

/** Light to dark (ColorBrewer YlOrRd, readable by the colour-blind); zero is a neutral grey. */
export const FILLS = ["#f0f0f0", "#fed976", "#fd8d3c", "#e31a1c", "#800026"];
const ROUND = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/** The upper bounds of the classes above zero: up to four steps of one round size, the last
 * reaching `most` (so the legend reads "1–5, 6–10, 11–15, 16–20", not odd numbers). */
export function openSteps(most: number): number[] {
  if (most <= 0) return [];
  const wanted = Math.ceil(most / 4);
  const size = ROUND.find((n) => n >= wanted) ?? wanted;
  const steps: number[] = [];
  for (let bound = size; steps.length < 4; bound += size) {
    steps.push(bound);
    if (bound >= most) break;
  }
  return steps;
}

/** The class of an open count: 0 for none, then 1 to 4 by `steps`. */
function openClass(open: number, steps: number[]): number {
  if (open <= 0) return 0;
  const index = steps.findIndex((bound) => open <= bound);
  return (index === -1 ? steps.length - 1 : index) + 1;
}

/** Outline widths in pixels: no overdue request, up to half the largest count, more. */
export const OUTLINES = [1, 2.5, 5];

/** The upper bound of the medium outline: half the largest overdue count, rounded up. */
export function overdueSplit(most: number): number {
  return Math.ceil(most / 2);
}

function overdueClass(overdue: number, split: number): number {
  if (overdue <= 0) return 0;
  return overdue <= split ? 1 : 2;
}

function tooltip(name: string, row: KelurahanLoad | undefined): HTMLElement {
  return tooltipBox(
    name,
    row
      ? t("command.choropleth.tooltip", {
          open: formatNumber(row.open),
          overdue: formatNumber(row.overdue),
        })
      : t("command.choropleth.outside"),
  );
}

export class Choropleth {
  private readonly layer: Leaflet.GeoJSON;
  private readonly paths = new Map<
    string,
    { path: Leaflet.Path; name: string }
  >();

  constructor(
    L: L,
    private readonly map: Leaflet.Map,
    shapes: KelurahanShapes,
  ) {
    this.layer = L.geoJSON(shapes, {
      onEachFeature: (feature, layer) => {
        const path = layer as Leaflet.Path;
        const name = String(feature.properties.name);
        this.paths.set(String(feature.properties.code), { path, name });
        path.bindTooltip(tooltip(name, undefined), { sticky: true });
      },
    });
  }

  /** Colours every kelurahan by `rows` (those of another kecamatan than the chosen one fade). */
  show(rows: KelurahanLoad[]): void {
    const steps = openSteps(Math.max(0, ...rows.map((row) => row.open)));
    const split = overdueSplit(Math.max(0, ...rows.map((row) => row.overdue)));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    for (const [code, { path, name }] of this.paths) {
      const row = byCode.get(code);
      const outline = overdueClass(row?.overdue ?? 0, split);
      path.setStyle({
        fillColor: FILLS[row ? openClass(row.open, steps) : 0],
        fillOpacity: row ? 0.75 : 0.15,
        color: outline ? "#1a1a1a" : "#6b6b6b",
        weight: OUTLINES[outline],
        opacity: row ? 1 : 0.4,
      });
      // Thick outlines on top, so that a thin neighbour does not cover half of one.
      if (outline) path.bringToFront();
      path.setTooltipContent(tooltip(row?.name ?? name, row));
    }
  }

  /** The box around every kelurahan. */
  bounds(): Leaflet.LatLngBounds {
    return this.layer.getBounds();
  }

  attach(visible: boolean): void {
    if (visible) this.layer.addTo(this.map);
    else this.layer.remove();
  }
}
