// Official warnings in the command center (GET /api/v1/dashboard/warnings) and the operator's one
// tap that sends a draft one (POST /api/v1/warnings/<id>/send).
import { api } from "../../api/client";
import type { Language } from "../../i18n";

/** A campaign made from a warning: its delivery so far. */
export interface Delivery {
  id: number;
  status: string;
  targeted: number;
  sent: number;
  failed: number;
  gone: number;
}

export interface OfficialWarning {
  id: number;
  identifier: string;
  kind: "weather" | "earthquake";
  status: "sent" | "draft";
  event: string;
  severity: string;
  urgency: string;
  headline: Partial<Record<Language, string>>;
  sent_at: string;
  effective_at: string | null;
  expires_at: string | null;
  kelurahan: { code: string; name: string }[];
  /** Rings of [long, lat], simplified for the screen. */
  polygons: [number, number][][];
  details: Record<string, string | number | boolean | null>;
  /** The peringatan article's slug. */
  article: string | null;
  campaigns: Delivery[];
}

export interface SourceHealth {
  name: string;
  url: string;
  state: "ok" | "unavailable" | "never";
  last_success_at: string | null;
  last_error_at: string | null;
  last_error: string | null;
  last_duration_ms: number | null;
  consecutive_failures: number;
}

export interface CommandWarnings {
  warnings: OfficialWarning[];
  sources: SourceHealth[];
}

/** The severities the map tells apart, the most severe first (CAP's values). */
export const SEVERITIES = [
  "Extreme",
  "Severe",
  "Moderate",
  "Minor",
  "Unknown",
] as const;

/** A severity this screen knows ("Unknown" for anything else). */
export function severityOf(warning: OfficialWarning): string {
  return (SEVERITIES as readonly string[]).includes(warning.severity)
    ? warning.severity
    : "Unknown";
}

/** The warning's campaigns added up. */
export function deliveryOf(warning: OfficialWarning) {
  const sum = (key: "targeted" | "sent" | "failed" | "gone") =>
    warning.campaigns.reduce((total, c) => total + c[key], 0);
  return {
    targeted: sum("targeted"),
    sent: sum("sent"),
    failed: sum("failed"),
    gone: sum("gone"),
  };
}

export function sendWarning(id: number): Promise<unknown> {
  return api(`warnings/${id}/send`, { method: "POST", json: {} });
}
