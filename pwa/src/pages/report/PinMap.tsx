// The map for placing the report's pin: tap the map or drag the pin; the kelurahan that holds the pin
// is outlined (its name is said in words below the map). Leaflet loads with this component only
// (map/leaflet.ts); without tiles (offline, blocked) the map says so and still takes a tap, and the
// kelurahan picker and address below it are the way on.
import type * as Leaflet from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import { type City, loadKelurahanShapes } from "../../api/places";
import { t } from "../../i18n";
import { type L, createCityMap, pinIcon } from "../../map/leaflet";

interface Props {
  city: City;
  lat: number | null;
  long: number | null;
  /** The code of the kelurahan that holds the pin, once the server has said. */
  kelurahan: string | null;
  onPick: (lat: number, long: number) => void;
}

interface Live {
  L: L;
  map: Leaflet.Map;
  marker: Leaflet.Marker | null;
  outline: Leaflet.GeoJSON | null;
}

/** Outlines the kelurahan `code` (none for null); the shapes come from the boundaries file, which
 * the service worker keeps. Taps pass through the outline to the map. */
function useOutline(live: Live | null, code: string | null, ready: boolean) {
  useEffect(() => {
    if (!live) return;
    let current = true;
    const show = (outline: Leaflet.GeoJSON | null) => {
      live.outline?.remove();
      live.outline = outline?.addTo(live.map) ?? null;
    };
    if (!code) {
      show(null);
      return;
    }
    loadKelurahanShapes()
      .then((shapes) => {
        const feature = shapes.features.find((f) => f.properties.code === code);
        if (!current || !feature) return;
        const outline = live.L.geoJSON(feature, {
          interactive: false,
          style: {
            color: "#0b5cad",
            weight: 3,
            fillOpacity: 0.06,
          },
        });
        show(outline);
        outline.eachLayer((layer) => {
          const path = (layer as Leaflet.Path).getElement();
          path?.classList.add("report-kelurahan");
          path?.setAttribute("data-kelurahan", code);
        });
      })
      // Offline on a first visit: no outline, the name below the map still says it.
      .catch(() => current && show(null));
    return () => {
      current = false;
    };
  }, [live, code, ready]);
}

export function PinMap({ city, lat, long, kelurahan, onPick }: Props) {
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
        live.current = { L, map, marker: null, outline: null };
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

  useOutline(live.current, kelurahan, ready);

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
