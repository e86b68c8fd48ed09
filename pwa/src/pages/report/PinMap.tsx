// The map for placing the report's pin: tap the map or drag the pin. Leaflet loads with this
// component only (map/leaflet.ts); without tiles (offline, blocked) the map says so and still takes a
// tap, and the kelurahan picker and address below it are the way on.
import type * as Leaflet from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import type { City } from "../../api/places";
import { t } from "../../i18n";
import { type L, createCityMap, pinIcon } from "../../map/leaflet";

interface Props {
  city: City;
  lat: number | null;
  long: number | null;
  onPick: (lat: number, long: number) => void;
}

interface Live {
  L: L;
  map: Leaflet.Map;
  marker: Leaflet.Marker | null;
}

export function PinMap({ city, lat, long, onPick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const live = useRef<Live | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let mounted = true;
    createCityMap(element.current!, city, 15, t("report.location.tilesFailed"))
      .then(({ L, map }) => {
        if (!mounted) {
          map.remove();
          return;
        }
        live.current = { L, map, marker: null };
        map.on("click", (event: Leaflet.LeafletMouseEvent) =>
          pick.current(event.latlng.lat, event.latlng.lng),
        );
        setReady(true);
      })
      .catch(() => {
        if (mounted) setFailed(true);
      });
    return () => {
      mounted = false;
      live.current?.map.remove();
      live.current = null;
    };
  }, [city]);

  useEffect(() => {
    const current = live.current;
    if (!current) return;
    if (lat === null || long === null) {
      current.marker?.remove();
      current.marker = null;
      return;
    }
    if (current.marker) {
      current.marker.setLatLng([lat, long]);
    } else {
      const marker = current.L.marker([lat, long], {
        draggable: true,
        icon: pinIcon(current.L, "chosen"),
        title: t("report.location.pinTitle"),
      });
      marker.on("dragend", () => {
        const point = marker.getLatLng();
        pick.current(point.lat, point.lng);
      });
      current.marker = marker.addTo(current.map);
    }
    if (!current.map.getBounds().contains([lat, long]))
      current.map.setView([lat, long], Math.max(current.map.getZoom(), 16));
  }, [lat, long, ready]);

  if (failed) return <p class="notice">{t("report.location.mapFailed")}</p>;
  return (
    <div class="stack">
      <div ref={element} class="map report-map" />
      {ready ? (
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            const centre = live.current!.map.getCenter();
            pick.current(centre.lat, centre.lng);
          }}
        >
          {t("report.location.pinCentre")}
        </button>
      ) : null}
    </div>
  );
}
