// The situation report of an incident (GET /api/v1/incidents/<id>/situation, operators and
// admins): its detail plus the linked reports per hour, the words of the area alerts sent, the
// updates and the linked requests still open.
import type {
  AlertDelivery,
  IncidentDetail,
  LinkedRequest,
} from "../incidents-api";

export interface HourCount {
  /** The hour's start, UTC. */
  hour: string;
  count: number;
}

/** An area alert's delivery and the words it carried. */
export interface SentAlert extends AlertDelivery {
  body: string;
  title_en: string | null;
  body_en: string | null;
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
  open_requests: LinkedRequest[];
}

export function situationPath(id: string): string {
  return `incidents/${encodeURIComponent(id)}/situation`;
}

export function situationHref(id: number): string {
  return `/command/insiden/${id}/laporan`;
}
