// Lengths of time as people say them: "45 menit", "5 jam", "1 hari 3 jam", "28 hari" (or in
// English), never "672 jam". Every lateness and duration on screen goes through here.
import { formatNumber, t } from "./index";

export interface DurationPart {
  value: string;
  unit: string;
}

function part(n: number, unit: "minute" | "hour" | "day"): DurationPart {
  return {
    value: formatNumber(n),
    unit: t(n === 1 ? `duration.${unit}` : `duration.${unit}s`),
  };
}

/** Whole minutes under an hour, whole hours under a day, then days and the hours left. */
export function durationParts(hours: number): DurationPart[] {
  const minutes = Math.round(Math.abs(hours) * 60);
  if (minutes < 60) return [part(minutes, "minute")];
  const wholeHours = Math.round(minutes / 60);
  if (wholeHours < 24) return [part(wholeHours, "hour")];
  const days = Math.floor(wholeHours / 24);
  const rest = wholeHours % 24;
  return rest ? [part(days, "day"), part(rest, "hour")] : [part(days, "day")];
}

/** "1 hari 3 jam", "1 day 3 hours". */
export function formatDuration(hours: number): string {
  return durationParts(hours)
    .map(({ value, unit }) => `${value} ${unit}`)
    .join(" ");
}
