// The public requests as points on the city map. Leaflet loads only when this view is chosen; each
// move of the map asks for the requests inside it (bbox), at most MAX_POINTS of them.
import { useEffect, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import type * as Leaflet from "leaflet";
import { ApiError } from "../../api/client";
import { cityStore } from "../../api/places";
import {
  OPEN_STATUSES,
  type ServiceRequest,
  listPublicRequests,
  localized,
} from "../../api/requests";
import { Loading } from "../../components/Status";
import { StatusBadge } from "../../components/StatusBadge";
import { t } from "../../i18n";
import { type L, createCityMap, pinIcon } from "../../map/leaflet";
import { useStore } from "../../store";
import type { Filters } from "./RequestFilters";

const MAX_POINTS = 100;

interface Points {
  items: ServiceRequest[];
  capped: boolean;
}

function bboxOf(map: Leaflet.Map): string {
  const bounds = map.getBounds();
  return [
    bounds.getSouth(),
    bounds.getWest(),
    bounds.getNorth(),
    bounds.getEast(),
  ]
    .map((value) => value.toFixed(5))
    .join(",");
}

export function RequestMap({ filters }: { filters: Filters }) {
  const city = useStore(cityStore);
  const { route } = useLocation();
  const element = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<{ L: L; map: Leaflet.Map } | null>(null);
  const [points, setPoints] = useState<Points | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [moved, setMoved] = useState(0);

  useEffect(() => {
    if (!city || !element.current) return;
    let created: Leaflet.Map | null = null;
    let cancelled = false;
    createCityMap(element.current, city, 13)
      .then((made) => {
        if (cancelled) return made.map.remove();
        created = made.map;
        made.map.on("moveend", () => setMoved((n) => n + 1));
        setMap(made);
      })
      .catch(() => setError(new ApiError(0, t("requests.map.failed"))));
    return () => {
      cancelled = true;
      created?.remove();
    };
  }, [city]);

  // The points inside the visible area, again after each move (the previous answer is dropped).
  useEffect(() => {
    if (!map) return;
    const controller = new AbortController();
    const layer = map.L.layerGroup().addTo(map.map);
    const timer = window.setTimeout(() => {
      listPublicRequests(
        {
          service: filters.service || undefined,
          kecamatan: filters.kecamatan || undefined,
          q: filters.q || undefined,
          status: filters.status || OPEN_STATUSES.join(","),
          bbox: bboxOf(map.map),
          limit: MAX_POINTS,
        },
        controller.signal,
      )
        .then((page) => {
          const items = page.items.filter(
            (item) => item.location.lat !== null && item.location.long !== null,
          );
          for (const item of items) {
            map.L.marker([item.location.lat!, item.location.long!], {
              icon: pinIcon(map.L, item.is_overdue ? "overdue" : "default"),
              title: `${localized(item.service.name)} (${item.code})`,
              alt: item.code,
            })
              .on("click", () => route(`/laporan/${item.code}`))
              .addTo(layer);
          }
          setPoints({ items, capped: page.next !== null });
          setError(null);
        })
        .catch((failure: unknown) => {
          if (failure instanceof ApiError) setError(failure);
        });
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
      layer.remove();
    };
  }, [
    map,
    moved,
    filters.service,
    filters.status,
    filters.kecamatan,
    filters.q,
  ]);

  return (
    <div class="stack">
      <div ref={element} class="map request-points-map" role="region" />
      {error ? (
        <p class="error-note" role="alert">
          {error.offline ? t("requests.map.offline") : error.message}
        </p>
      ) : null}
      {!city ? <Loading /> : null}
      <PointList points={points} />
    </div>
  );
}

/** The same points as a list of links: the map's equivalent for keyboards and screen readers. */
function PointList({ points }: { points: Points | null }) {
  if (!points) return null;
  return (
    <section aria-labelledby="di-peta">
      <h2 id="di-peta" aria-live="polite">
        {t("requests.map.count", { count: points.items.length })}
      </h2>
      {points.capped ? (
        <p class="notice">{t("requests.map.capped", { max: MAX_POINTS })}</p>
      ) : null}
      <ul class="list point-list">
        {points.items.map((item) => (
          <li key={item.code}>
            <a class="link-target" href={`/laporan/${item.code}`}>
              {localized(item.service.name)} · {item.code}
            </a>{" "}
            <StatusBadge status={item.status} overdue={item.is_overdue} />
          </li>
        ))}
      </ul>
    </section>
  );
}
