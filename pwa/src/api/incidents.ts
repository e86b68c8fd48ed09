// Incidents as residents see them (GET /api/v1/incidents/nearby and /incidents/<id>/public): kind,
// area, status, public updates and how many reported it, never a person.
import { query } from "./client";
import type { Localized } from "../i18n";

export interface IncidentPlace {
  code: string;
  name: string;
}

export interface IncidentKind {
  code: string;
  name: Localized;
}

export interface IncidentUpdate {
  slug: string;
  title: string;
  summary: string;
  published_at: string;
}

export interface PublicIncident {
  id: number;
  status: "active" | "resolved";
  kind: IncidentKind;
  area: IncidentPlace[];
  started_at: string;
  resolved_at: string | null;
  closing_message: string | null;
  report_count: number;
  updates: IncidentUpdate[];
}

/** The area's names in one line ("Gunung Samarinda, Telaga Sari"). */
export function areaNames(area: IncidentPlace[]): string {
  return area.map((place) => place.name).join(", ");
}

export function nearbyIncidentsPath(
  lat: number,
  long: number,
  service: string,
): string {
  return `incidents/nearby${query({ lat, long, service })}`;
}

export function publicIncidentHref(id: number): string {
  return `/insiden/${id}`;
}
