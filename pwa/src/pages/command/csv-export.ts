// The CSV export of the requests matching the dashboard's filters.
import { query } from "../../api/client";
import { downloadFile } from "../../api/download";
import { zonedIso, zonedNow } from "../../i18n/zoned-time";
import type { Scope } from "./api";

/** Today's date in the city ("2026-11-28"). */
const cityToday = () => zonedNow().slice(0, 10);

/** Midnight of the city day `daysAgo` days before today, with the zone's offset. */
function cityMidnight(daysAgo: number): string | null {
  const day = new Date(`${cityToday()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - daysAgo);
  return zonedIso(day.toISOString().slice(0, 16));
}

function exportUrl(scope: Scope): string {
  // The export has no `days`: the dashboard's period is asked for as "created since" its first day.
  return `/api/v1/requests.csv${query({
    kecamatan: scope.kecamatan,
    opd: scope.opd,
    since: cityMidnight(scope.days - 1),
  })}`;
}

/** Downloads the export as "laporan-<date>.csv"; throws an ApiError on failure. */
export function downloadCsv(scope: Scope): Promise<void> {
  return downloadFile(exportUrl(scope), `laporan-${cityToday()}.csv`);
}
