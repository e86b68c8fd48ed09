// Service requests as the API presents them (backend/service_requests/presenters.py), and one
// function per resident endpoint. Staff screens import the types from here too.
import type { Localized } from "../i18n";
import { type Page, api, query } from "./client";
import { useApi } from "./use-api";

export { type Localized, localized } from "../i18n";

export type RequestStatus =
  "submitted" | "accepted" | "in_progress" | "resolved" | "closed" | "rejected";

export const STATUSES: readonly RequestStatus[] = [
  "submitted",
  "accepted",
  "in_progress",
  "resolved",
  "closed",
  "rejected",
];

export const OPEN_STATUSES: readonly RequestStatus[] = [
  "submitted",
  "accepted",
  "in_progress",
];

interface CodeName {
  code: string;
  name: string;
}

export interface RequestPhoto {
  url: string;
  thumb_url: string;
  width: number;
  height: number;
}

interface RequestLocation {
  lat: number | null;
  long: number | null;
  address: string | null;
}

/** What the person asking may do with the request. */
interface RequestViewer {
  is_reporter: boolean;
  has_supported: boolean;
  can_reopen: boolean;
  can_rate: boolean;
  /** Staff of the request's OPD and admins: the statuses it may move to. */
  allowed_transitions: RequestStatus[];
}

/** Staff only: who filed it. */
interface RequestReporter {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/** Attribute values by attribute code; list attributes hold value keys. */
export type AttributeValues = Record<string, string | number | string[] | null>;

export interface ServiceRequest {
  code: string;
  service: { code: string; name: Localized };
  status: RequestStatus;
  open311_status: "open" | "closed";
  description: string;
  attributes: AttributeValues;
  location: RequestLocation;
  kelurahan: CodeName | null;
  kecamatan: CodeName | null;
  opd: CodeName;
  photos: RequestPhoto[];
  is_public: boolean;
  created_at: string;
  updated_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  sla_due_at: string;
  is_overdue: boolean;
  supporter_count: number;
  rating: number | null;
  duplicate_of: string | null;
  viewer: RequestViewer;
  /** Staff only. */
  reporter?: RequestReporter;
  /** Staff only. */
  is_hidden?: boolean;
}

/** The answer to filing: an anonymous filing's secret tracking token comes once. */
export interface FiledRequest extends ServiceRequest {
  tracking_token?: string;
}

export interface NearbyRequest extends ServiceRequest {
  distance_m: number;
}

type EventKind =
  "created" | "status" | "comment" | "note" | "reroute" | "rating";

/** Who wrote an event: a role (and the OPD for staff), never a person's name. */
export interface EventAuthor {
  role: "resident" | "opd_staff" | "operator" | "admin" | null;
  opd: CodeName | null;
}

export interface RequestEvent {
  id: number;
  kind: EventKind;
  from_status: RequestStatus | null;
  to_status: RequestStatus | null;
  from_opd: CodeName | null;
  to_opd: CodeName | null;
  author: EventAuthor | null;
  text: string | null;
  photos: RequestPhoto[];
  /** Internal notes reach staff only. */
  is_internal: boolean;
  is_hidden: boolean;
  created_at: string;
}

interface SupportResult {
  supporter_count: number;
  has_supported: boolean;
}

/** Filters of the public list (GET /requests). */
export interface RequestFilters {
  service?: string;
  /** One status or several, comma-separated. */
  status?: string;
  kecamatan?: string;
  kelurahan?: string;
  /** A tracking code typed exactly, or words of the code, address or description. */
  q?: string;
  /** south,west,north,east */
  bbox?: string;
  since?: string;
  cursor?: string;
  limit?: number;
}

const base = (code: string) => `requests/${encodeURIComponent(code)}`;

/** Paths of the list reads, for useApi() and usePaged(). */
export const publicRequestsPath = (filters: RequestFilters = {}) =>
  `requests${query({ ...filters })}`;
export const myRequestsPath = (limit = 20) =>
  `requests/mine${query({ limit })}`;

/** One request, and its timeline; the anonymous reporter's token opens a private request. */
export const useRequest = (code: string, token?: string) =>
  useApi<ServiceRequest>(`${base(code)}${query({ token })}`);
export const useRequestEvents = (code: string, token?: string) =>
  useApi<RequestEvent[]>(`${base(code)}/events${query({ token })}`);

export const listPublicRequests = (
  filters: RequestFilters = {},
  signal?: AbortSignal,
) => api<Page<ServiceRequest>>(publicRequestsPath(filters), { signal });

export const addComment = (code: string, text: string) =>
  api<RequestEvent>(`${base(code)}/comments`, {
    method: "POST",
    json: { text },
  });

export const supportRequest = (code: string) =>
  api<SupportResult>(`${base(code)}/support`, { method: "POST" });

export const rateRequest = (
  code: string,
  rating: number,
  feedback?: string | null,
) =>
  api<ServiceRequest>(`${base(code)}/rating`, {
    method: "POST",
    json: { rating, feedback: feedback || null },
  });

export const reopenRequest = (code: string, reason: string) =>
  api<ServiceRequest>(`${base(code)}/reopen`, {
    method: "POST",
    json: { reason },
  });
