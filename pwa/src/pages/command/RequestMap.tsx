// The open requests on the city map, clustered, overdue ones in red; reloaded for the visible area
// whenever the map moves and with every dashboard refresh. A marker opens its request. A toggle
// swaps the clusters for the kelurahan choropleth (boundaries fetched once, when first shown). The
// open incidents' areas are outlined over either layer.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError } from "../../api/client";
import { cityStore, loadKelurahanShapes } from "../../api/places";
import { ErrorNote } from "../../components/Status";
import { formatNumber, t } from "../../i18n";
import { useStore } from "../../store";
import { ChoroplethLegend } from "./ChoroplethLegend";
import { Choropleth } from "./choropleth";
import { ClusterMap } from "./cluster-map";
import {
  type KelurahanLoad,
  type MapAnswer,
  type Scope,
  loadMapPoints,
  requestHref,
  scopeQuery,
} from "./api";
import { IncidentAreaLegend } from "./incident-map/IncidentAreaLegend";
import { useIncidentAreas } from "./incident-map/incident-layer";
import type { Incident } from "./incidents-api";
import type { MapLayer } from "./view";
import { WarningLegend } from "./WarningLegend";
import { WarningLayer } from "./warning-layer";
import type { OfficialWarning } from "./warnings-api";

const LAYERS: MapLayer[] = ["clusters", "kelurahan"];

export function RequestMap({
  scope,
  tick,
  layer,
  onLayer,
  kelurahan,
  warnings,
  incidents,
}: {
  scope: Scope;
  tick: number;
  layer: MapLayer;
  onLayer: (layer: MapLayer) => void;
  /** The dashboard's per-kelurahan counts, refreshed with it. */
  kelurahan: KelurahanLoad[] | undefined;
  /** The active and draft warnings, drawn over either layer. */
  warnings: OfficialWarning[] | undefined;
  /** The open incidents, their areas outlined over either layer. */
  incidents: Incident[] | undefined;
}) {
  const element = useRef<HTMLDivElement>(null);
  const city = useStore(cityStore);
  const { route } = useLocation();
  const open = useRef(route);
  open.current = route;
  const [map, setMap] = useState<ClusterMap | null>(null);
  const [bbox, setBbox] = useState<string | null>(null);
  const [answer, setAnswer] = useState<MapAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [choropleth, setChoropleth] = useState<Choropleth | null>(null);
  const warningLayer = useRef<WarningLayer | null>(null);
  const key = scopeQuery(scope);
  const clusters = layer === "clusters";

  useEffect(() => {
    if (!city || !element.current) return;
    let made: ClusterMap | null = null;
    let cancelled = false;
    ClusterMap.create(element.current, city, (code) =>
      open.current(requestHref(code)),
    )
      .then((created) => {
        if (cancelled) return created.remove();
        made = created;
        created.map.on("moveend", () => setBbox(created.bbox()));
        setBbox(created.bbox());
        setMap(created);
      })
      .catch(() => setError(new ApiError(0, t("command.map.failed"))));
    return () => {
      cancelled = true;
      made?.remove();
    };
  }, [city]);

  useEffect(() => {
    map?.showClusters(clusters);
    choropleth?.attach(!clusters);
    if (!map || clusters || choropleth) return;
    let cancelled = false;
    loadKelurahanShapes()
      .then((shapes) => {
        if (cancelled) return;
        const made = new Choropleth(map.L, map.map, shapes);
        map.fitHome(made.bounds());
        setChoropleth(made);
      })
      .catch(() => setError(new ApiError(0, t("command.choropleth.failed"))));
    return () => {
      cancelled = true;
    };
  }, [map, clusters, choropleth]);

  useEffect(() => {
    if (choropleth && kelurahan) choropleth.show(kelurahan);
  }, [choropleth, kelurahan]);

  useEffect(() => {
    warningLayer.current = map ? new WarningLayer(map.L, map.map) : null;
  }, [map]);

  useEffect(() => {
    if (warnings) warningLayer.current?.show(warnings);
  }, [map, warnings]);

  const areasFailed = useIncidentAreas(map, incidents, (href) =>
    open.current(href),
  );

  useEffect(() => {
    if (!map || !bbox || !clusters) return;
    const controller = new AbortController();
    loadMapPoints(scope, bbox, controller.signal)
      .then((loaded) => {
        map.show(loaded.points);
        setAnswer(loaded);
        setError(null);
      })
      .catch((failure: unknown) => {
        // A failed refresh leaves the markers as they were.
        if (failure instanceof ApiError) setError(failure);
      });
    return () => controller.abort();
  }, [map, bbox, key, tick, clusters]);

  const overdue = answer?.points.filter((p) => p.overdue).length ?? 0;
  return (
    <section class="cc-panel cc-map-panel" aria-labelledby="cc-map-title">
      <div class="cc-map-head">
        <h2 id="cc-map-title">{t("command.map.title")}</h2>
        <div
          class="cc-layers"
          role="group"
          aria-label={t("command.choropleth.layers")}
        >
          {LAYERS.map((option) => (
            <button
              key={option}
              type="button"
              class="btn btn-small"
              aria-pressed={option === layer}
              onClick={() => onLayer(option)}
            >
              {t(`command.choropleth.layer.${option}`)}
            </button>
          ))}
        </div>
      </div>
      <div ref={element} class="map cc-map" />
      {clusters ? null : <ChoroplethLegend rows={kelurahan ?? []} />}
      <WarningLegend warnings={warnings ?? []} />
      <IncidentAreaLegend incidents={incidents ?? []} failed={areasFailed} />
      <p class="muted cc-map-summary" hidden={!clusters}>
        {answer
          ? t("command.map.summary", {
              count: formatNumber(answer.points.length),
              overdue: formatNumber(overdue),
            })
          : t("common.loading")}
        {answer?.truncated ? ` ${t("command.map.truncated")}` : null}
      </p>
      {/* Once points are shown, a failed refresh is told by the status line above. */}
      {(clusters ? answer : choropleth) ? null : <ErrorNote error={error} />}
    </section>
  );
}
