// The command center's map: the city map with a marker-cluster layer whose markers are updated in
// place on every refresh (added, removed, re-iconed), so the map never blinks or loses its view;
// it opens on the whole city, whatever the screen.
import type * as Leaflet from "leaflet";
import type { City } from "../../api/places";
import { formatNumber, t } from "../../i18n";
import { type L, createCityMap, pinIcon } from "../../map/leaflet";
import type { MapPoint } from "./api";

interface Pin {
  marker: Leaflet.Marker;
  overdue: boolean;
}

let plugin: Promise<unknown> | null = null;

/** leaflet.markercluster extends the global L that Leaflet sets, so it loads after Leaflet. */
function loadPlugin(): Promise<unknown> {
  plugin ??= Promise.all([
    import("leaflet.markercluster"),
    import("leaflet.markercluster/dist/MarkerCluster.css"),
  ]);
  return plugin;
}

function pinTitle(point: MapPoint): string {
  const status = t(`status.${point.status}`);
  return point.overdue
    ? t("command.map.pinOverdue", { code: point.code, status })
    : t("command.map.pin", { code: point.code, status });
}

function clusterIcon(L: L, cluster: Leaflet.MarkerCluster): Leaflet.DivIcon {
  const markers = cluster.getAllChildMarkers();
  const late = markers.filter((m) => m.options.alt === "overdue").length;
  const count = formatNumber(markers.length);
  const said = t("command.map.cluster", {
    count,
    overdue: formatNumber(late),
  });
  return L.divIcon({
    html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${said}</span>`,
    className: late > 0 ? "cc-cluster cc-cluster-overdue" : "cc-cluster",
    iconSize: L.point(44, 44),
  });
}

export class ClusterMap {
  private pins = new Map<string, Pin>();
  private resizing: ResizeObserver | null = null;
  private home: Leaflet.LatLngBounds | null = null;

  private constructor(
    readonly L: L,
    readonly map: Leaflet.Map,
    private readonly group: Leaflet.MarkerClusterGroup,
    private readonly open: (code: string) => void,
  ) {}

  /** The whole city in view on every layout (a phone's narrow map cut clusters off), again
   * whenever the map's box changes size (a rotated phone, the wall mode). */
  private fitCity(city: City): void {
    const [south, west, north, east] = city.bbox;
    this.home = this.L.latLngBounds([south, west], [north, east]);
    this.map.fitBounds(this.home);
    let size = this.map.getSize();
    this.resizing = new ResizeObserver(() => {
      this.map.invalidateSize();
      const now = this.map.getSize();
      if (now.x === size.x && now.y === size.y) return;
      size = now;
      if (this.home) this.map.fitBounds(this.home);
    });
    this.resizing.observe(this.map.getContainer());
  }

  /** Fits a tighter area than the city's box (its kelurahan: the box holds much sea), now and
   * whenever the map's box changes size. */
  fitHome(bounds: Leaflet.LatLngBounds): void {
    this.home = bounds;
    this.map.fitBounds(bounds);
  }

  static async create(
    element: HTMLElement,
    city: City,
    open: (code: string) => void,
  ): Promise<ClusterMap> {
    const { L, map } = await createCityMap(element, city, 12);
    await loadPlugin();
    const global = (window as unknown as { L?: L }).L;
    const makeGroup = L.markerClusterGroup ?? global?.markerClusterGroup;
    const group = makeGroup({
      chunkedLoading: true,
      showCoverageOnHover: false,
      iconCreateFunction: (cluster) => clusterIcon(L, cluster),
    });
    group.addTo(map);
    const made = new ClusterMap(L, map, group, open);
    made.fitCity(city);
    return made;
  }

  /** The visible area with a margin (so a short pan needs no reload), rounded outwards so that
   * nearby views share one cached answer: "south,west,north,east". */
  bbox(): string {
    const bounds = this.map.getBounds().pad(0.25);
    const down = (n: number) => (Math.floor(n * 1000) / 1000).toFixed(3);
    const up = (n: number) => (Math.ceil(n * 1000) / 1000).toFixed(3);
    return [
      down(bounds.getSouth()),
      down(bounds.getWest()),
      up(bounds.getNorth()),
      up(bounds.getEast()),
    ].join(",");
  }

  /** Shows exactly these points, touching only the markers that changed. */
  show(points: MapPoint[]): void {
    const { L } = this;
    const seen = new Set<string>();
    const added: Leaflet.Marker[] = [];
    let changed = false;
    for (const point of points) {
      seen.add(point.code);
      const known = this.pins.get(point.code);
      const variant = point.overdue ? "overdue" : "default";
      if (known) {
        if (known.overdue !== point.overdue) {
          known.marker.options.alt = variant;
          known.marker.options.title = pinTitle(point);
          known.marker.setIcon(pinIcon(L, variant));
          known.overdue = point.overdue;
          changed = true;
        }
        continue;
      }
      // `alt` is unused by a div icon: it carries the variant for the cluster icons.
      const marker = L.marker([point.lat, point.long], {
        icon: pinIcon(L, variant),
        title: pinTitle(point),
        alt: variant,
        keyboard: true,
      });
      marker.on("click", () => this.open(point.code));
      this.pins.set(point.code, { marker, overdue: point.overdue });
      added.push(marker);
    }
    const removed: Leaflet.Marker[] = [];
    for (const [code, pin] of this.pins) {
      if (!seen.has(code)) {
        removed.push(pin.marker);
        this.pins.delete(code);
      }
    }
    if (removed.length) this.group.removeLayers(removed);
    if (added.length) this.group.addLayers(added);
    if (changed) this.group.refreshClusters();
  }

  /** Shows or hides the request clusters (the choropleth replaces them). */
  showClusters(visible: boolean): void {
    if (visible) this.group.addTo(this.map);
    else this.group.remove();
  }

  remove(): void {
    this.resizing?.disconnect();
    this.map.remove();
  }
}
