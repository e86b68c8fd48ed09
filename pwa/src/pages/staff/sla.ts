// How urgent an open request is against its SLA deadline, for the inbox and the work page.
import { OPEN_STATUSES, type ServiceRequest } from "../../api/requests";
import { language } from "../../i18n";

export type Sla = "overdue" | "due" | "ok";

/** A deadline closer than this is "due soon" (amber). */
const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** null once the request is no longer open: its deadline no longer matters. */
export function slaOf(request: ServiceRequest, now = Date.now()): Sla | null {
  if (!OPEN_STATUSES.includes(request.status)) return null;
  const due = Date.parse(request.sla_due_at);
  if (request.is_overdue || due <= now) return "overdue";
  return due - now < DUE_SOON_MS ? "due" : "ok";
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "in 5 hours", "2 days ago", in the current language. */
export function relativeTime(iso: string, now = Date.now()): string {
  const difference = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(language(), { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size || unit === "minute")
      return format.format(Math.round(difference / size), unit);
  }
  return "";
}
