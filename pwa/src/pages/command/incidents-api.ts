// Incidents in the command center (GET /api/v1/incidents, /incidents/<id>) and the operator's
// actions on one: open by hand, confirm, dismiss, merge, link and unlink requests, the lead OPD,
// area alert, status update, close with one message, notes.
import { api } from "../../api/client";
import type {
  IncidentKind,
  IncidentPlace,
  IncidentUpdate,
} from "../../api/incidents";
import type { Localized } from "../../i18n";

type IncidentState = "proposed" | "active" | "resolved" | "dismissed";

export interface Incident {
  id: number;
  state: IncidentState;
  source: "detection" | "manual";
  kind: IncidentKind;
  area: IncidentPlace[];
  /** Why it fired, as detection wrote it; null when opened by hand. */
  reason: Localized | null;
  window_count: number | null;
  baseline: number | null;
  lead_opd: IncidentPlace | null;
  warnings: { id: number; event: string; severity: string }[];
  report_count: number;
  created_at: string;
  confirmed_at: string | null;
  resolved_at: string | null;
  dismissed_at: string | null;
  dismiss_reason: string | null;
  close_message: string | null;
  merged_into: number | null;
}

export interface IncidentEvent {
  id: number;
  kind: string;
  author: { name: string; role: string } | null;
  text: string | null;
  data: Record<string, unknown> | null;
  created_at: string;
}

export interface LinkedRequest {
  code: string;
  service: string;
  status: string;
  kelurahan: string | null;
  opd: string;
  created_at: string;
}

interface AlertDraft {
  title: string;
  body: string;
  title_en: string;
  body_en: string;
}

/** An area alert's delivery: devices targeted, sent, failed, still to send. */
export interface AlertDelivery {
  campaign: number;
  title: string;
  status: "draft" | "scheduled" | "sending" | "done" | "cancelled";
  created_at: string;
  finished_at: string | null;
  targeted: number;
  sent: number;
  failed: number;
  pending: number;
}

export interface IncidentDetail extends Incident {
  timeline: IncidentEvent[];
  alert_draft: AlertDraft;
  /** Operators and admins only. */
  alerts?: AlertDelivery[];
}

interface NewIncident {
  group: string;
  kelurahan: string[];
  description: string;
  lead_opd?: string;
}

export interface IncidentPage {
  items: Incident[];
  next: string | null;
}

export type { IncidentUpdate };

/** The open incidents the panel lists: proposed first (they wait for a decision), then active. */
export function openFirst(items: Incident[]): Incident[] {
  const rank = (incident: Incident) => (incident.state === "proposed" ? 0 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b));
}

export function incidentHref(id: number): string {
  return `/command/insiden/${id}`;
}

export const NEW_INCIDENT_HREF = "/command/insiden/baru";

/** The command center narrowed to the requests linked to one incident. */
export function incidentDashboardHref(id: number): string {
  return `/command?incident=${id}`;
}

/** The incidents still proposed or active: the command center's panel, the merge form's choices. */
export const OPEN_INCIDENTS_PATH = "incidents?state=proposed,active&limit=100";

export const linkedRequestsPath = (id: number) => `incidents/${id}/requests`;

export const candidatesPath = (id: number) =>
  `incidents/${id}/requests/candidates`;

function post<T>(id: number, action: string, json: object = {}): Promise<T> {
  return api<T>(`incidents/${id}/${action}`, { method: "POST", json });
}

export const confirmIncident = (id: number) =>
  post<IncidentDetail>(id, "confirm");

export const dismissIncident = (id: number, reason: string) =>
  post<IncidentDetail>(id, "dismiss", { reason });

export const closeIncident = (id: number, message: string) =>
  post<IncidentDetail>(id, "close", { message });

export const addNote = (id: number, text: string) =>
  post<IncidentEvent>(id, "notes", { text });

export const sendAlert = (id: number, texts: AlertDraft) =>
  post<{ id: number; status: string }>(id, "alert", texts);

export const publishUpdate = (id: number, title: string, summary: string) =>
  post<{ slug: string }>(id, "updates", { title, summary });

export const openIncident = (incident: NewIncident) =>
  api<IncidentDetail>("incidents", { method: "POST", json: incident });

/** Folds `other` into `into`: its requests, area and warnings move there. */
export const mergeIncident = (into: number, other: number) =>
  post<IncidentDetail>(into, "merge", { other });

export const linkRequests = (id: number, requests: string[]) =>
  post<IncidentDetail>(id, "requests", { requests });

export const unlinkRequests = (id: number, requests: string[]) =>
  post<IncidentDetail>(id, "requests/unlink", { requests });

export const setLeadOpd = (id: number, opd: string) =>
  post<IncidentDetail>(id, "lead-opd", { opd });
