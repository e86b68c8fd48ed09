// The one way the app talks to the API: JSON in and out, the access token attached and silently
// renewed, the language sent, and every failure turned into an ApiError with a readable message.
import { language, t } from "../i18n";
import { REFRESH_LOCK } from "../shared-names";
import { createStore } from "../store";
import { tradeRefreshToken } from "./refresh";

export interface User {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  role: "resident" | "opd_staff" | "operator" | "admin";
  opd: { code: string; name: string; short_name: string } | null;
  locale: "id" | "en";
  created_at: string;
  /** A new e-mail or phone waiting for its code (own profile only). */
  pending_email?: string | null;
  pending_phone?: string | null;
  /** The privacy notice version accepted (own profile only); null before any. */
  privacy_version?: string | null;
  /** Two-factor sign-in: on for this account, and whether its role requires it. */
  two_factor_enabled?: boolean;
  two_factor_required?: boolean;
}

/** A role that requires two-factor sign-in, before it is set up: only the setup is open. */
export function needsTwoFactorSetup(user: User): boolean {
  return Boolean(user.two_factor_required && !user.two_factor_enabled);
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

/** An API failure in the server's one error shape; status 0 means the network did not answer. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get offline(): boolean {
    return this.status === 0;
  }

  /** The messages about a field (and its nested parts), for showing under its input: `path` is
   * one name, or a way into nested fields such as ("name", "id") or ("values", 0, "key"). */
  field(...path: (string | number)[]): string | undefined {
    let node: unknown = this.errors;
    for (const part of path) {
      if (!node || typeof node !== "object" || Array.isArray(node))
        return undefined;
      node = (node as Record<string, unknown>)[String(part)];
    }
    const found = messages(node);
    return found.length ? found.join(" ") : undefined;
  }

  /** Only the messages about the field as a whole, not those of its nested parts. */
  ownField(name: string): string | undefined {
    const node = this.errors[name];
    return Array.isArray(node) ? node.map(String).join(" ") : undefined;
  }
}

/** The server's field errors nest for localized texts and list values: every message inside. */
function messages(node: unknown): string[] {
  if (typeof node === "string") return [node];
  if (Array.isArray(node)) return node.flatMap(messages);
  if (node && typeof node === "object")
    return Object.values(node).flatMap(messages);
  return [];
}

const USER_KEY = "satupintu.user";

function rememberedUser(): User | null {
  try {
    return JSON.parse(localStorage.getItem(USER_KEY) ?? "null") as User | null;
  } catch {
    return null;
  }
}

/** Who is logged in (kept across reloads; the access token itself lives only in memory). */
export const userStore = createStore<User | null>(rememberedUser());
let accessToken: string | null = null;
let refreshTimer: number | undefined;

export function startSession(token: string, user: User): void {
  accessToken = token;
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  userStore.set(user);
  scheduleRefresh(token);
}

export function endSession(): void {
  accessToken = null;
  window.clearTimeout(refreshTimer);
  localStorage.removeItem(USER_KEY);
  userStore.set(null);
  // The next person on this phone must not read the last one's requests from the offline cache.
  if ("caches" in window) void caches.delete("api-requests");
}

export function updateUser(user: User): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
  userStore.set(user);
}

function scheduleRefresh(token: string): void {
  window.clearTimeout(refreshTimer);
  try {
    const payload = JSON.parse(
      atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/")),
    ) as {
      exp: number;
    };
    const wait = Math.max(payload.exp * 1000 - Date.now() - 60_000, 5_000);
    refreshTimer = window.setTimeout(() => void refreshSession(), wait);
  } catch {
    // A token we cannot read is refreshed on its first 401 instead.
  }
}

function cookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
}

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh cookie for a new access token; false when the login has ended.
 * A Web Lock keeps two tabs from spending the same rotating refresh token (which would end the login). */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    const run = async (): Promise<boolean> => {
      const csrf = cookie("csrf_refresh_token");
      if (!csrf) {
        endSession();
        return false;
      }
      const refreshed = await tradeRefreshToken<User>(csrf, {
        language: language(),
      });
      if (!refreshed.ok) {
        if (refreshed.status === 401 || refreshed.status === 422) endSession();
        return false;
      }
      startSession(refreshed.accessToken, refreshed.user);
      return true;
    };
    const locked: Promise<boolean> = navigator.locks
      ? navigator.locks.request(REFRESH_LOCK, run).then((ok) => ok)
      : run();
    refreshing = locked
      .catch(() => false)
      .finally(() => {
        refreshing = null;
      });
  }
  return refreshing as Promise<boolean>;
}

export function authHeader(): Record<string, string> {
  return accessToken ? { Authorization: `Bearer ${accessToken}` } : {};
}

export function csrfHeader(): Record<string, string> {
  const csrf = cookie("csrf_refresh_token");
  return csrf ? { "X-CSRF-TOKEN": decodeURIComponent(csrf) } : {};
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart (photos). */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Sent without the Authorization header (and never renewing the login), for public reads:
   * the answers vary by that header, so a copy the service worker cached under one access token
   * would not match the next one when offline. */
  anonymous?: boolean;
}

/** Turns any answer that is not 2xx into an ApiError carrying the server's message. */
export async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      message?: string;
      errors?: Record<string, unknown>;
    };
    return new ApiError(
      response.status,
      body.message ?? t("error.generic"),
      body.errors ?? {},
    );
  } catch {
    return new ApiError(response.status, t("error.generic"));
  }
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": language(),
    ...(options.anonymous ? {} : authHeader()),
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.form) {
    body = options.form;
  }
  try {
    return await fetch(path, {
      method: options.method ?? "GET",
      headers,
      body,
      signal: options.signal,
      credentials: "same-origin",
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError")
      throw error;
    throw new ApiError(0, t("error.offline"));
  }
}

/** Calls the API; a 401 with a remembered login renews the token once and tries again. */
export async function api<T>(
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const url = path.startsWith("/") ? path : `/api/v1/${path}`;
  const signedIn = () => !options.anonymous && userStore.get() !== null;
  if (!accessToken && signedIn()) await refreshSession();
  let response = await send(url, options);
  if (response.status === 401 && signedIn() && (await refreshSession())) {
    response = await send(url, options);
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A query string from the defined values only. */
export function query(
  values: Record<string, string | number | boolean | undefined | null>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "")
      params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}
