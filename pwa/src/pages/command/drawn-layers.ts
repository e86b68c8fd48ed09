// What the command center's map layers share: a tooltip of a bold name over one line, and keeping
// the drawn open incidents or warnings in step with the latest list without redrawing them all.
import type * as Leaflet from "leaflet";

/** The name in bold, with one line of details under it. */
export function tooltipBox(name: string, details: string): HTMLElement {
  const box = document.createElement("div");
  const title = document.createElement("strong");
  title.textContent = name;
  const line = document.createElement("div");
  line.textContent = details;
  box.append(title, line);
  return box;
}

/** The layers on the map by the id of what each shows, with the key it was drawn from. */
export type DrawnLayers = Map<number, { layer: Leaflet.Layer; key: string }>;

/** Makes `drawn` show exactly `items`: what is gone is removed, what changed (its `key`) is drawn
 * again, and the rest only has its tooltip brought up to date (a count, say). */
export function drawExactly<T extends { id: number }>(
  drawn: DrawnLayers,
  items: T[],
  how: {
    key: (item: T) => string;
    tooltip: (item: T) => HTMLElement;
    draw: (item: T) => Leaflet.Layer;
  },
): void {
  const seen = new Set(items.map((item) => item.id));
  for (const [id, known] of drawn) {
    if (!seen.has(id)) {
      known.layer.remove();
      drawn.delete(id);
    }
  }
  for (const item of items) {
    const key = how.key(item);
    const known = drawn.get(item.id);
    if (known?.key === key) {
      known.layer.setTooltipContent(how.tooltip(item));
      continue;
    }
    known?.layer.remove();
    drawn.set(item.id, { layer: how.draw(item), key });
  }
}
