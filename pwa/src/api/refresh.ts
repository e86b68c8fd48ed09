// Trading the refresh cookie for a new access token, shared by the pages (api/client.ts) and the
// service worker (sw/outbox.ts). The caller holds REFRESH_LOCK: the refresh token rotates, and
// one spent twice ends the login.
/** U: the user as the caller reads it (the worker needs only the id). */
type Refreshed<U> =
  { ok: true; accessToken: string; user: U } | { ok: false; status: number };

export async function tradeRefreshToken<U extends { id: number }>(
  csrf: string,
  options: { language?: string; signal?: AbortSignal } = {},
): Promise<Refreshed<U>> {
  const headers: Record<string, string> = {
    "X-CSRF-TOKEN": decodeURIComponent(csrf),
  };
  if (options.language) headers["Accept-Language"] = options.language;
  const response = await fetch("/api/v1/auth/refresh", {
    method: "POST",
    credentials: "same-origin",
    headers,
    signal: options.signal,
  });
  if (!response.ok) return { ok: false, status: response.status };
  const body = (await response.json()) as { access_token: string; user: U };
  return { ok: true, accessToken: body.access_token, user: body.user };
}
