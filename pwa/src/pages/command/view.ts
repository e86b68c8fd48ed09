// What the command center shows, read from and written to the URL query, so that a wall screen
// opens bookmarked with its period, kecamatan, OPD (or incident) and layout.
import { query } from "../../api/client";
import type { Scope } from "./api";

export const PERIODS = [7, 30, 90] as const;
const DEFAULT_DAYS = 30;
const DEFAULT_REFRESH_SECONDS = 30;

/** What the map draws: the open requests as clusters, or the kelurahan coloured by open count. */
export type MapLayer = "clusters" | "kelurahan";

export interface View extends Scope {
  /** The 1920×1080 wall layout without the app's navigation. */
  wall: boolean;
  layer: MapLayer;
  /** Seconds between refreshes: 30 unless `?refresh=N` asks otherwise (tests use 2, a quiet
   * wall screen may want 120). */
  refresh: number;
}

export function viewFrom(params: Record<string, string | undefined>): View {
  const days = Number(params.days);
  const refresh = Number(params.refresh);
  return {
    days: (PERIODS as readonly number[]).includes(days) ? days : DEFAULT_DAYS,
    kecamatan: params.kecamatan || undefined,
    opd: params.opd || undefined,
    incident: /^\d+$/.test(params.incident ?? "") ? params.incident : undefined,
    wall: params.wall === "1",
    layer: params.layer === "kelurahan" ? "kelurahan" : "clusters",
    refresh:
      Number.isFinite(refresh) && refresh >= 1 && refresh <= 3600
        ? refresh
        : DEFAULT_REFRESH_SECONDS,
  };
}

/** The URL of `view` on `path`, leaving out what is the default. */
export function viewUrl(path: string, view: View): string {
  return (
    path +
    query({
      days: view.days === DEFAULT_DAYS ? undefined : view.days,
      kecamatan: view.kecamatan,
      opd: view.opd,
      incident: view.incident,
      wall: view.wall ? 1 : undefined,
      layer: view.layer === "clusters" ? undefined : view.layer,
      refresh:
        view.refresh === DEFAULT_REFRESH_SECONDS ? undefined : view.refresh,
    })
  );
}
