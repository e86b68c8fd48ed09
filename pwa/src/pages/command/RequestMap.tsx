// The open requests on the city map, clustered, overdue ones in red; reloaded for the visible area
// whenever the map moves and with every dashboard refresh. A marker opens its request.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError } from "../../api/client";
import { cityStore } from "../../api/places";
import { ErrorNote } from "../../components/Status";
import { formatNumber, t } from "../../i18n";
import { useStore } from "../../store";
import { ClusterMap } from "./cluster-map";
import {
  type MapAnswer,
  type Scope,
  loadMapPoints,
  requestHref,
  scopeQuery,
} from "./dashboard-api";

export function RequestMap({ scope, tick }: { scope: Scope; tick: number }) {
  const element = useRef<HTMLDivElement>(null);
  const city = useStore(cityStore);
  const { route } = useLocation();
  const open = useRef(route);
  open.current = route;
  const [map, setMap] = useState<ClusterMap | null>(null);
  const [bbox, setBbox] = useState<string | null>(null);
  const [answer, setAnswer] = useState<MapAnswer | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = scopeQuery(scope);

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
    if (!map || !bbox) return;
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
  }, [map, bbox, key, tick]);

  const overdue = answer?.points.filter((p) => p.overdue).length ?? 0;
  return (
    <section class="cc-panel cc-map-panel" aria-labelledby="cc-map-title">
      <h2 id="cc-map-title">{t("command.map.title")}</h2>
      <div ref={element} class="map cc-map" />
      <p class="muted cc-map-summary">
        {answer
          ? t("command.map.summary", {
              count: formatNumber(answer.points.length),
              overdue: formatNumber(overdue),
            })
          : t("common.loading")}
        {answer?.truncated ? ` ${t("command.map.truncated")}` : null}
      </p>
      {/* Once points are shown, a failed refresh is told by the status line above. */}
      {answer ? null : <ErrorNote error={error} />}
    </section>
  );
}
