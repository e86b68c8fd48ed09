// Places: the city (name, zone, map), its kecamatan and kelurahan, its agencies.
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { setCityTimeZone } from "../i18n";
import { createStore } from "../store";
import { ApiError, api } from "./client";
import { useApi } from "./use-api";

export interface City {
  code: string;
  name: string;
  short_name: string;
  timezone: string;
  default_language: string;
  center: { lat: number; long: number };
  /** [south, west, north, east] */
  bbox: [number, number, number, number];
  map_tile_url: string;
}

export interface Kecamatan {
  code: string;
  name: string;
  kelurahan_count: number;
}

export interface Kelurahan {
  code: string;
  name: string;
  common_name: string | null;
  kecamatan: string;
}

export interface Opd {
  code: string;
  name: string;
  short_name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  is_active: boolean;
}

export const cityStore = createStore<City | null>(null);

/** Loads the city once at start (from the cache when offline). */
export async function loadCity(): Promise<void> {
  try {
    const city = await api<City>("city");
    setCityTimeZone(city.timezone);
    cityStore.set(city);
  } catch {
    // Offline on a first visit: the app still works with the defaults.
  }
}

export const listKecamatan = () => api<Kecamatan[]>("kecamatan");
export const useKecamatan = () => useApi<Kecamatan[]>("kecamatan");
export const useKelurahan = () => useApi<Kelurahan[]>("kelurahan");
/** The OPDs; not read while `wanted` is false (e.g. a form that is closed). */
export const useOpds = (wanted = true) => useApi<Opd[]>(wanted ? "opds" : null);
export const listKelurahan = (kecamatan?: string) =>
  api<Kelurahan[]>(
    kecamatan
      ? `kelurahan?kecamatan=${encodeURIComponent(kecamatan)}`
      : "kelurahan",
  );

/** A kelurahan's boundary as GET /kelurahan.geojson gives it (simplified for a screen). */
export type KelurahanShapes = FeatureCollection<
  Polygon | MultiPolygon,
  { code: string; name: string; kecamatan: string }
>;

let shapes: Promise<KelurahanShapes> | null = null;

/** The kelurahan boundaries, fetched once (a failure is asked again next time). */
export function loadKelurahanShapes(): Promise<KelurahanShapes> {
  shapes ??= api<KelurahanShapes>("kelurahan.geojson").catch(
    (failure: unknown) => {
      shapes = null;
      throw failure;
    },
  );
  return shapes;
}

/** A kelurahan with its kecamatan spelled out: where a map pin is. */
interface PlaceOfPoint {
  code: string;
  name: string;
  common_name: string | null;
  kecamatan: { code: string; name: string };
}

/** Where a point is: in a kelurahan, outside them all (at sea, past the border), or not known
 * now (offline, or a city without boundaries), when the person's own choice stands. */
export type PinPlace =
  | { kind: "in"; place: PlaceOfPoint }
  | { kind: "outside"; message: string }
  | { kind: "unknown" };

export async function placeOfPoint(
  lat: number,
  long: number,
): Promise<PinPlace> {
  try {
    const place = await api<PlaceOfPoint>(
      `kelurahan/at?lat=${lat}&long=${long}`,
    );
    return { kind: "in", place };
  } catch (failure) {
    // The 404 names the pin ("lat") only when the city has boundaries and the point is in none.
    if (
      failure instanceof ApiError &&
      failure.status === 404 &&
      failure.field("lat")
    )
      return { kind: "outside", message: failure.field("lat")! };
    return { kind: "unknown" };
  }
}
