// Leaflet, loaded only by the screens that show a map (it never reaches the start bundle).
// The tile server comes from the city's configuration (GET /city: map_tile_url).
import type * as Leaflet from "leaflet";
import type { City } from "../api/places";
import { t } from "../i18n";

export type L = typeof Leaflet;

let loading: Promise<L> | null = null;

/** Leaflet and its stylesheet, fetched once. */
function loadLeaflet(): Promise<L> {
  loading ??= Promise.all([
    import("leaflet"),
    import("leaflet/dist/leaflet.css"),
  ]).then(
    ([module]) =>
      (module as unknown as { default?: L }).default ??
      (module as unknown as L),
  );
  return loading;
}

/** Says so inside the map while its tiles fail (no data, or the tile host is blocked), and takes the
 * words away once a tile loads: without tiles the map is a grey box that a person cannot read. */
function watchTiles(
  map: Leaflet.Map,
  tiles: Leaflet.TileLayer,
  message: string,
): void {
  const note = document.createElement("p");
  note.className = "map-tiles-failed";
  note.setAttribute("role", "status");
  let loaded = false;
  tiles.on("tileerror", () => {
    if (loaded || note.isConnected) return;
    note.textContent = message;
    map.getContainer().appendChild(note);
  });
  tiles.on("tileload", () => {
    loaded = true;
    note.remove();
  });
}

/** A map of the city in `element`, limited to the city's bounding box, with the configured tiles.
 * `tilesFailed` is what the map says when its tiles cannot load. */
export async function createCityMap(
  element: HTMLElement,
  city: City,
  zoom = 13,
  tilesFailed = t("map.tilesFailed"),
): Promise<{
  L: L;
  map: Leaflet.Map;
}> {
  const L = await loadLeaflet();
  const [south, west, north, east] = city.bbox;
  const bounds = L.latLngBounds([south, west], [north, east]);
  const map = L.map(element, {
    maxBounds: bounds.pad(0.2),
    minZoom: 10,
  }).setView([city.center.lat, city.center.long], zoom);
  const tiles = L.tileLayer(city.map_tile_url, {
    maxZoom: 19,
    attribution: `&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>`,
  });
  watchTiles(map, tiles, tilesFailed);
  tiles.addTo(map);
  map.getContainer().setAttribute("aria-label", t("map.label"));
  return { L, map };
}

/** A marker icon drawn in CSS (Leaflet's image icons do not survive bundling): a 24 px pin in a
 * 44 px tap target. */
export function pinIcon(
  L: L,
  variant: "default" | "overdue" | "chosen" = "default",
): Leaflet.DivIcon {
  return L.divIcon({
    className: `map-pin-target map-pin-target-${variant}`,
    html: `<span class="map-pin map-pin-${variant}"></span>`,
    iconSize: [44, 44],
    iconAnchor: [22, 44],
  });
}
