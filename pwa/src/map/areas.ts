// An area (some kelurahan) picked out of the boundaries the app loads once (GET /kelurahan.geojson,
// api/places.ts): an incident's area is drawn from them, never shipped a second time. One look
// for an incident's area on every map: magenta (away from the choropleth's yellows and reds and
// the warnings' purples and blues), solid once active, dashed while proposed.
import type { PathOptions } from "leaflet";
import type { KelurahanShapes } from "../api/places";

export const AREA_COLOUR = "#c51b7d";
const PROPOSED_DASH = "14 8";

export function areaShapes(
  shapes: KelurahanShapes,
  codes: string[],
): KelurahanShapes {
  const wanted = new Set(codes);
  return {
    ...shapes,
    features: shapes.features.filter((feature) =>
      wanted.has(feature.properties.code),
    ),
  };
}

/** A proposed area is dashed and barely filled; an active (or closed) one solid and tinted. */
export function areaStyle(state: string): PathOptions {
  const proposed = state === "proposed";
  return {
    color: AREA_COLOUR,
    weight: 4,
    dashArray: proposed ? PROPOSED_DASH : undefined,
    fillColor: AREA_COLOUR,
    fillOpacity: proposed ? 0.06 : 0.2,
  };
}
