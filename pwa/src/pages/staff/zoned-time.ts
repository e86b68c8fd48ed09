// datetime-local inputs hold a wall-clock time with no zone; staff mean the city's (WITA for
// Balikpapan) whatever their PC is set to, so the offset comes from the city's zone, not the browser.

function offsetMinutes(utcMs: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const part = (type: string) =>
    Number(parts.find((item) => item.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part("year"),
    part("month") - 1,
    part("day"),
    part("hour"),
    part("minute"),
    part("second"),
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const pad = (value: number) => String(value).padStart(2, "0");

/** "2026-12-01T08:00" in `zone` → "2026-12-01T08:00:00+08:00"; null for an empty or bad input. */
export function zonedIso(local: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  // The offset at the guessed instant, checked once more for a zone that changes its offset.
  let offset = offsetMinutes(wall, zone);
  offset = offsetMinutes(wall - offset * 60_000, zone);
  const sign = offset < 0 ? "-" : "+";
  const size = Math.abs(offset);
  return `${local.slice(0, 16)}:00${sign}${pad(Math.floor(size / 60))}:${pad(size % 60)}`;
}

/** An instant as the value of a datetime-local input, in `zone`. */
export function localInput(iso: string | null, zone: string): string {
  if (!iso) return "";
  const utc = new Date(iso).getTime();
  if (Number.isNaN(utc)) return "";
  const wall = new Date(utc + offsetMinutes(utc, zone) * 60_000);
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}
