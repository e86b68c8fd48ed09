// The situation report of an incident (GET /api/v1/incidents/<id>/situation, operators and
// admins): its detail plus the linked reports per hour, the area alerts sent and the updates.
import type { IncidentDetail } from "../incidents-api";

export interface HourCount {
  /** The hour's start, UTC. */
  hour: string;
  count: number;
}

export interface SentAlert {
  id: number;
  title: string;
  body: string;
  title_en: string | null;
  body_en: string | null;
  status: string;
  created_at: string;
  finished_at: string | null;
  targeted: number;
  sent: number;
  failed: number;
  clicked: number;
}

export interface PublishedUpdate {
  slug: string;
  title: string;
  summary: string;
  published_at: string;
  expires_at: string | null;
}

export interface IncidentSituation extends IncidentDetail {
  generated_at: string;
  hourly: HourCount[];
  alerts: SentAlert[];
  updates: PublishedUpdate[];
}

export function situationPath(id: string): string {
  return `incidents/${encodeURIComponent(id)}/situation`;
}

export function situationHref(id: number): string {
  return `/command/insiden/${id}/laporan`;
}
