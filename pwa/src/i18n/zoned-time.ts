// datetime-local inputs hold a wall-clock time with no zone; staff and admins mean the city's
// (WITA for Balikpapan) whatever their computer is set to, so the offset comes from the city's zone.
import { cityZone } from "./city-zone";

const pad = (n: number) => String(n).padStart(2, "0");

/** The zone's offset from UTC at an instant, in minutes (480 for WITA). */
function offsetMinutes(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
  );
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** An instant as a datetime-local value ("2026-11-20T08:00") on the zone's clocks. */
function wallClock(instant: number, zone: string): string {
  const shifted = new Date(instant + offsetMinutes(instant, zone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** "2026-11-20T08:00" on the zone's clocks as ISO 8601 with its offset: "2026-11-20T08:00:00+08:00";
 * null for an empty or malformed value. */
export function zonedIso(local: string, zone = cityZone()): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  // Twice, so that a wall time on the other side of a daylight-saving change gets its own offset.
  let offset = offsetMinutes(wall, zone);
  offset = offsetMinutes(wall - offset * 60_000, zone);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local.slice(0, 16)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An ISO instant as the value of a datetime-local input on the zone's clocks ("" for none). */
export function localInput(iso: string | null, zone = cityZone()): string {
  if (!iso) return "";
  const instant = new Date(iso).getTime();
  return Number.isNaN(instant) ? "" : wallClock(instant, zone);
}

/** Now on the zone's clocks, as a datetime-local value (for the input's min). */
export function zonedNow(zone = cityZone(), now = Date.now()): string {
  return wallClock(now, zone);
}

/** The zone's short name for a hint ("WITA"), falling back to its IANA name. */
export function zoneName(zone = cityZone()): string {
  try {
    const parts = new Intl.DateTimeFormat("id-ID", {
      timeZone: zone,
      timeZoneName: "short",
    }).formatToParts(new Date());
    return parts.find((p) => p.type === "timeZoneName")?.value ?? zone;
  } catch {
    return zone;
  }
}
