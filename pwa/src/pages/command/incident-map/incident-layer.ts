// The open incidents on the command center's map: each one's kelurahan outlined in a pane of its
// own above the warnings (areaStyle: dashed while proposed, solid once active), drawn from the
// boundaries the choropleth uses (fetched once); hovering names it, clicking opens its page.
// Updated in place on every refresh.
import type * as Leaflet from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import { areaNames } from "../../../api/incidents";
import { type KelurahanShapes, loadKelurahanShapes } from "../../../api/places";
import { formatNumber, localized, t } from "../../../i18n";
import type { L } from "../../../map/leaflet";
import { areaShapes, areaStyle } from "../../../map/areas";
import type { ClusterMap } from "../cluster-map";
import { type DrawnLayers, drawExactly, tooltipBox } from "../drawn-layers";
import { type Incident, incidentHref } from "../incidents-api";
import "./i18n";

const PANE = "ccIncidents";

export function incidentLabel(incident: Incident): string {
  return t("command.incidentMap.item", {
    state: t(`command.incidents.state.${incident.state}`),
    kind: localized(incident.kind.name),
    area: areaNames(incident.area),
  });
}

function tooltip(incident: Incident): HTMLElement {
  return tooltipBox(
    incidentLabel(incident),
    t("command.incidents.reports", {
      count: formatNumber(incident.report_count),
    }),
  );
}

/** What, when it changes, needs the area drawn again. */
function drawnKey(incident: Incident): string {
  return JSON.stringify([incident.state, incident.area.map((a) => a.code)]);
}

class IncidentLayer {
  private readonly areas: DrawnLayers = new Map();

  constructor(
    private readonly L: L,
    private readonly map: Leaflet.Map,
    private readonly open: (href: string) => void,
  ) {
    if (!map.getPane(PANE)) {
      // Above the warnings (450), below the markers (600): an incident is what an operator acts on.
      map.createPane(PANE).style.zIndex = "460";
    }
  }

  /** Draws exactly these incidents. */
  show(incidents: Incident[], shapes: KelurahanShapes): void {
    drawExactly(this.areas, incidents, {
      key: drawnKey,
      tooltip,
      draw: (incident) => this.draw(incident, shapes),
    });
  }

  private draw(incident: Incident, shapes: KelurahanShapes): Leaflet.GeoJSON {
    const codes = incident.area.map((place) => place.code);
    const layer = this.L.geoJSON(areaShapes(shapes, codes), {
      pane: PANE,
      style: areaStyle(incident.state),
    });
    layer.bindTooltip(tooltip(incident), { sticky: true });
    layer.on("click", () => this.open(incidentHref(incident.id)));
    layer.addTo(this.map);
    layer.eachLayer((drawn) => {
      const path = (drawn as Leaflet.Path).getElement();
      path?.classList.add(
        "cc-incident-area",
        `cc-incident-area-${incident.state}`,
      );
      path?.setAttribute("data-incident", String(incident.id));
    });
    return layer;
  }
}

/** The layer on `map`, showing `incidents`; the boundaries load once there is an incident to draw.
 * Answers whether they failed to load. */
export function useIncidentAreas(
  map: ClusterMap | null,
  incidents: Incident[] | undefined,
  open: (href: string) => void,
): boolean {
  const layer = useRef<IncidentLayer | null>(null);
  const [shapes, setShapes] = useState<KelurahanShapes | null>(null);
  const [failed, setFailed] = useState(false);
  const wanted = (incidents?.length ?? 0) > 0;

  useEffect(() => {
    layer.current = map ? new IncidentLayer(map.L, map.map, open) : null;
  }, [map]);

  useEffect(() => {
    if (!wanted || shapes) return;
    let cancelled = false;
    loadKelurahanShapes()
      .then((loaded) => {
        if (!cancelled) setShapes(loaded);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [wanted, shapes]);

  useEffect(() => {
    if (incidents && shapes) layer.current?.show(incidents, shapes);
  }, [map, incidents, shapes]);

  return failed;
}
