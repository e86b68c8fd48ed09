// A map of an area (some kelurahan) outlined over the city's tiles, fitted to it: the public
// incident page and the situation report. Leaflet and the boundaries load only when it renders;
// `label` names the area in words (the map's accessible name and its caption).
import { useEffect, useRef, useState } from "preact/hooks";
import { cityStore, loadKelurahanShapes } from "../api/places";
import { ErrorNote } from "../components/Status";
import { useStore } from "../store";
import { areaShapes, areaStyle } from "./areas";
import { createCityMap } from "./leaflet";
import "./area-map.css";

interface Props {
  codes: string[];
  state: string;
  label: string;
  failed: string;
}

export function AreaMap({ codes, state, label, failed }: Props) {
  const city = useStore(cityStore);
  const element = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<Error | null>(null);
  const key = codes.join(",");

  useEffect(() => {
    const box = element.current;
    if (!city || !box) return;
    let removed = false;
    let remove = () => {
      removed = true;
    };
    Promise.all([createCityMap(box, city), loadKelurahanShapes()])
      .then(([{ L, map }, shapes]) => {
        if (removed) return map.remove();
        box.setAttribute("aria-label", label);
        const area = L.geoJSON(areaShapes(shapes, codes), {
          style: areaStyle(state),
          interactive: false,
        }).addTo(map);
        const fit = () => {
          map.invalidateSize();
          if (area.getLayers().length > 0) {
            map.fitBounds(area.getBounds(), { padding: [16, 16] });
          }
        };
        fit();
        // Paper is wider or narrower than the screen: fit the area again to the printed box.
        const printing = window.matchMedia("print");
        printing.addEventListener("change", fit);
        remove = () => {
          printing.removeEventListener("change", fit);
          map.remove();
        };
        box.dataset.drawn = String(area.getLayers().length);
      })
      .catch(() => setError(new Error(failed)));
    return () => remove();
  }, [city, key, state, label, failed]);

  if (!city) return null;
  return (
    <figure class="area-map">
      <div ref={element} class="map area-map-canvas" role="region" />
      <figcaption class="muted">{label}</figcaption>
      <ErrorNote error={error} />
    </figure>
  );
}
