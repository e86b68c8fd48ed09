// Files the API makes for a signed-in user (CSV exports). Their endpoints want the bearer token,
// which a plain link cannot send, so the file is fetched with it and handed to the browser as a Blob.
import {
  ApiError,
  authHeader,
  errorFrom,
  refreshSession,
  userStore,
} from "./client";
import { language, t } from "../i18n";

async function fetchFile(url: string): Promise<Response> {
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

/** Downloads `url` as `filename`; throws an ApiError on failure. */
export async function downloadFile(
  url: string,
  filename: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchFile(url);
  } catch {
    throw new ApiError(0, t("error.offline"));
  }
  if (!response.ok) throw await errorFrom(response);
  const blob = await response.blob();
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the download has taken its copy by then.
  window.setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
