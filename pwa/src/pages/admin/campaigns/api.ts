// Push campaigns: the admin's calls to /push/campaigns and the shapes they answer with.
import { api, query } from "../../../api/client";

export type TargetKind = "all" | "kecamatan" | "kelurahan" | "topic";
export type CampaignStatus =
  "draft" | "scheduled" | "sending" | "done" | "cancelled";

/** The push Urgency header values the server accepts (backend/push/schemas.py). */
export const URGENCIES = ["very-low", "low", "normal", "high"] as const;
export type Urgency = (typeof URGENCIES)[number];
export const TOPICS = ["alerts", "news"] as const;
/** How long a push service keeps a message for a phone that is offline, in seconds. */
export const TTLS = [3600, 6 * 3600, 86400, 3 * 86400, 7 * 86400, 30 * 86400];
export const TITLE_MAX = 100;
export const BODY_MAX = 300;
export const URL_MAX = 300;

export interface Campaign {
  id: number;
  title: string;
  body: string;
  title_en: string | null;
  body_en: string | null;
  is_alert: boolean;
  url: string;
  urgency: Urgency;
  ttl: number;
  target_kind: TargetKind;
  target_values: string[];
  status: CampaignStatus;
  scheduled_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
  targeted: number;
  sent: number;
  failed: number;
  gone: number;
  clicked: number;
}

export interface Target {
  kind: TargetKind;
  values: string[];
}

type NewCampaign = Pick<
  Campaign,
  | "title"
  | "body"
  | "title_en"
  | "body_en"
  | "is_alert"
  | "url"
  | "urgency"
  | "ttl"
  | "target_kind"
  | "target_values"
  | "scheduled_at"
>;

export const campaignPath = (id: number | string) =>
  `push/campaigns/${encodeURIComponent(String(id))}`;

export const listPath = "push/campaigns?limit=20";

/** A target the server can count: "all" needs no values, the others at least one. */
export function isComplete(target: Target): boolean {
  return target.kind === "all" || target.values.length > 0;
}

/** Whether a target reaches every device in the city (the alerts topic does too). */
export function reachesWholeCity(target: Target): boolean {
  return (
    target.kind === "all" ||
    (target.kind === "topic" && target.values.includes("alerts"))
  );
}

export async function previewCount(
  target: Target,
  signal: AbortSignal,
): Promise<number> {
  const path = `push/campaigns/preview${query({
    target_kind: target.kind,
    target_values: target.values.join(","),
  })}`;
  return (await api<{ targeted: number }>(path, { signal })).targeted;
}

export const createCampaign = (campaign: NewCampaign) =>
  api<Campaign>("push/campaigns", { method: "POST", json: campaign });

export const cancelCampaign = (id: number) =>
  api<Campaign>(`${campaignPath(id)}/cancel`, { method: "POST" });

/** Messages reach the devices that were targeted: sent, refused, or gone (unsubscribed). */
export function handled(campaign: Campaign): number {
  return campaign.sent + campaign.failed + campaign.gone;
}

export function isActive(status: CampaignStatus): boolean {
  return status === "scheduled" || status === "sending";
}

/** Path inside the app, as the server requires: "/..." but not "//host". */
export function isAppPath(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//") && !url.includes("\\");
}
