// The command center's reads (GET /api/v1/dashboard/*): answer types and one fetcher per panel.
import { api, query, userStore } from "../../api/client";
import type { Localized as Texts } from "../../api/requests";
import {
  type Incident,
  type IncidentPage,
  OPEN_INCIDENTS_PATH,
} from "./incidents-api";
import type { CommandWarnings } from "./warnings-api";

/** A name stored per language ({"id": …, "en": …}) or a plain string. */
export type Localized = string | Texts;

export interface Summary {
  open: number;
  overdue: number;
  created_today: number;
  created_this_week: number;
  resolved_this_week: number;
  created_in_period: number;
  median_response: number | null;
  median_resolution: number | null;
  average_rating: number | null;
}

export interface Breakdown {
  key: string;
  label: Localized;
  count: number;
}

export interface OverdueItem {
  code: string;
  status: string;
  service: string;
  service_name: Localized;
  opd: string;
  /** The OPD's short name, as every panel shows it. */
  opd_name: string;
  kecamatan: string | null;
  sla_due_at: string;
  hours_overdue: number;
}

export interface Sla {
  overdue: OverdueItem[];
}

export interface TrendDay {
  day: string;
  created: number;
  resolved: number;
}

export interface LeagueRow {
  opd: string;
  name: string;
  open: number;
  overdue: number;
  median_resolution_hours: number | null;
  satisfaction: number | null;
  within_sla: number | null;
}

export interface MapPoint {
  code: string;
  lat: number;
  long: number;
  status: string;
  service: string;
  overdue: boolean;
}

export interface MapAnswer {
  points: MapPoint[];
  truncated: boolean;
}

/** A kelurahan's open requests now and how many of them are overdue (the choropleth). */
export interface KelurahanLoad {
  code: string;
  name: string;
  kecamatan: string;
  open: number;
  overdue: number;
}

export interface CampaignStat {
  id: number;
  title: string;
  status: string;
  created_at: string;
  targeted: number;
  sent: number;
  failed: number;
  clicked: number;
  click_through: number | null;
}

export interface PeriodicJob {
  name: string;
  last_run_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  late: boolean;
}

/** What every panel is narrowed to; kept in the page's URL. */
export interface Scope {
  days: number;
  kecamatan?: string;
  opd?: string;
  /** Only the requests linked to this incident (its id). */
  incident?: string | undefined;
}

export interface Dashboard {
  summary: Summary;
  kecamatan: Breakdown[];
  sla: Sla;
  trends: TrendDay[];
  league: LeagueRow[];
  kelurahan: KelurahanLoad[];
  campaigns: CampaignStat[];
  jobs: PeriodicJob[];
  warnings: CommandWarnings;
  /** The open incidents (proposed and active), whatever the filters. */
  incidents: Incident[];
}

// The answers carry an ETag and max-age=15: asking for revalidation makes the browser send
// If-None-Match and reuse its copy on a 304, instead of showing a copy up to 30 s old.
const REVALIDATE = { "Cache-Control": "max-age=0" };

function read<T>(path: string, signal?: AbortSignal): Promise<T> {
  return api<T>(path, { headers: REVALIDATE, signal });
}

export function scopeQuery(scope: Scope, extra: Record<string, string> = {}) {
  return query({
    days: scope.days,
    kecamatan: scope.kecamatan,
    opd: scope.opd,
    incident: scope.incident,
    ...extra,
  });
}

/** Every panel but the map, fetched together so that they change on screen together. */
export async function loadDashboard(
  scope: Scope,
  signal: AbortSignal,
): Promise<Dashboard> {
  const q = scopeQuery(scope);
  const { incidents, ...panels } = await allOf({
    summary: read<Summary>(`dashboard/summary${q}`, signal),
    kecamatan: read<Breakdown[]>(
      `dashboard/counts${scopeQuery(scope, { by: "kecamatan" })}`,
      signal,
    ),
    sla: read<Sla>(`dashboard/sla${q}`, signal),
    trends: read<TrendDay[]>(`dashboard/trends${q}`, signal),
    league: read<LeagueRow[]>(`dashboard/opds${q}`, signal),
    kelurahan: read<KelurahanLoad[]>(`dashboard/kelurahan${q}`, signal),
    campaigns: read<CampaignStat[]>("dashboard/campaigns", signal),
    jobs: read<PeriodicJob[]>("operations/jobs", signal),
    warnings: read<CommandWarnings>("dashboard/warnings", signal),
    incidents: read<IncidentPage>(OPEN_INCIDENTS_PATH, signal),
  });
  return { ...panels, incidents: incidents.items };
}

/** Waits for every promise of an object: the same keys, each with its promise's answer. */
async function allOf<T extends Record<string, Promise<unknown>>>(
  promises: T,
): Promise<{ [K in keyof T]: Awaited<T[K]> }> {
  const keys = Object.keys(promises);
  const answers = await Promise.all(Object.values(promises));
  return Object.fromEntries(
    keys.map((key, index) => [key, answers[index]]),
  ) as { [K in keyof T]: Awaited<T[K]> };
}

export function loadMapPoints(
  scope: Scope,
  bbox: string,
  signal: AbortSignal,
): Promise<MapAnswer> {
  return read<MapAnswer>(`dashboard/map${scopeQuery(scope, { bbox })}`, signal);
}

/** Where a request opens: admins work on it in the staff screens, operators read its page. */
export function requestHref(code: string): string {
  const path = userStore.get()?.role === "admin" ? "/staf/laporan" : "/laporan";
  return `${path}/${encodeURIComponent(code)}`;
}
