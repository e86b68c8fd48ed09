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
import { cityStore } from "../../api/places";
import { language, t } from "../../i18n";
import type { Scope } from "./dashboard-api";

function cityZone(): string {
  return cityStore.get()?.timezone ?? "Asia/Makassar";
}

/** Today's date in the city ("2026-11-28"). */
function cityToday(zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(
    new Date(),
  );
}

/** Midnight of the city day `daysAgo` days before today, with the zone's offset. */
function cityMidnight(daysAgo: number, zone: string): string {
  const day = new Date(`${cityToday(zone)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - daysAgo);
  const offset = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    timeZoneName: "longOffset",
  })
    .formatToParts(day)
    .find((part) => part.type === "timeZoneName")
    ?.value.replace("GMT", "");
  return `${day.toISOString().slice(0, 10)}T00:00:00${offset || "Z"}`;
}

function exportUrl(scope: Scope): string {
  // The export has no `days`: the dashboard's period is asked for as "created since" its first day.
  return `/api/v1/requests.csv${query({
    kecamatan: scope.kecamatan,
    opd: scope.opd,
    since: cityMidnight(scope.days - 1, cityZone()),
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
  link.download = `laporan-${cityToday(cityZone())}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has taken its copy by then.
  window.setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
