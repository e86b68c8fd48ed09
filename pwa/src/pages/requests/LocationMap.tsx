// A small map of the request's place, drawn only when asked for (Leaflet loads on that tap).
import { useEffect, useRef, useState } from "preact/hooks";
import { cityStore } from "../../api/places";
import { ErrorNote } from "../../components/Status";
import { t } from "../../i18n";
import { createCityMap, pinIcon } from "../../map/leaflet";
import { useStore } from "../../store";

interface Props {
  lat: number;
  long: number;
}

export function LocationMap({ lat, long }: Props) {
  const city = useStore(cityStore);
  const [shown, setShown] = useState(false);
  const [failed, setFailed] = useState<Error | null>(null);
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!shown || !city || !element.current) return;
    let removed = false;
    let remove = () => {
      removed = true;
    };
    createCityMap(element.current, city, 16)
      .then(({ L, map }) => {
        if (removed) return map.remove();
        map.setView([lat, long], 16);
        L.marker([lat, long], {
          icon: pinIcon(L, "chosen"),
          keyboard: false,
        }).addTo(map);
        remove = () => map.remove();
      })
      .catch(() => setFailed(new Error(t("requests.map.failed"))));
    return () => remove();
  }, [shown, city, lat, long]);

  if (!city) return null;
  if (!shown) {
    return (
      <button type="button" class="btn" onClick={() => setShown(true)}>
        {t("requests.map.show")}
      </button>
    );
  }
  return (
    <div class="stack">
      <div ref={element} class="map request-map" role="region" />
      <ErrorNote error={failed} />
    </div>
  );
}
