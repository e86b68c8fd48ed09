// uPlot and its stylesheet, fetched once and only by the command center's charts.
import type uPlot from "uplot";

let loading: Promise<typeof uPlot> | null = null;

export function loadUPlot(): Promise<typeof uPlot> {
  loading ??= Promise.all([
    import("uplot"),
    import("uplot/dist/uPlot.min.css"),
  ]).then(
    ([module]) =>
      (module as unknown as { default?: typeof uPlot }).default ??
      (module as unknown as typeof uPlot),
  );
  return loading;
}

/** A design token's colour, for drawing on a canvas in the current light or dark scheme. */
export function tokenColour(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement)
    .getPropertyValue(name)
    .trim();
  return value || fallback;
}
