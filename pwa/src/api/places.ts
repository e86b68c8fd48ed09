// Places: the city (name, zone, map), its kecamatan and kelurahan, its agencies.
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { setCityTimeZone } from "../i18n";
import { createStore } from "../store";
import { api } from "./client";

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
