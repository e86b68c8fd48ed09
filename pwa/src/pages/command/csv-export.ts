// The CSV export of the requests matching the filters. The endpoint wants the bearer token, which a
// plain link cannot send, so the file is fetched with it and handed to the browser as a Blob.
import {
  ApiError,
  authHeader,
  errorFrom,
  query,
  refreshSession,
  userStore,
} from "../../api/client";
import { language, t } from "../../i18n";
import { zonedIso, zonedNow } from "../../i18n/zoned-time";
import type { Scope } from "./dashboard-api";

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

async function fetchCsv(url: string): Promise<Response> {
  const send = () =>
    fetch(url, {
      headers: { ...authHeader(), "Accept-Language": language() },
      credentials: "same-origin",
    });
  let response = await send();
  if (response.status === 401 && userStore.get() && (await refreshSession())) {
    response = await send();
  }
  return response;
}

/** Downloads the export as "laporan-<date>.csv"; throws an ApiError on failure. */
export async function downloadCsv(scope: Scope): Promise<void> {
  let response: Response;
  try {
    response = await fetchCsv(exportUrl(scope));
  } catch {
    throw new ApiError(0, t("error.offline"));
  }
  if (!response.ok) throw await errorFrom(response);
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `laporan-${cityToday()}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has taken its copy by then.
  window.setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
