// Push notifications: this browser's subscription, kept in step with the server (topics, area,
// language). Permission is asked only from enablePush(), which a tap starts.
import { type Language, language } from "../i18n";
import { ApiError, api } from "./client";

/** A push service that never answers leaves subscribe() pending for ever; give up after this. */
const PUSH_TIMEOUT_MS = 10_000;

export interface PushPreferences {
  news: boolean;
  kecamatan: string | null;
  kelurahan: string | null;
}

interface Saved extends PushPreferences {
  endpoint: string;
}

type PushFailureKind = "denied" | "dismissed" | "timeout" | "failed";

/** Why the browser side of enabling failed (server failures stay ApiErrors). */
export class PushFailure extends Error {
  constructor(readonly kind: PushFailureKind) {
    super(kind);
  }
}

const SAVED_KEY = "satupintu.push";

export function pushSupported(): boolean {
  return (
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

export function permission(): NotificationPermission {
  return "Notification" in window ? Notification.permission : "denied";
}

function saved(): Saved | null {
  try {
    return JSON.parse(
      localStorage.getItem(SAVED_KEY) ?? "null",
    ) as Saved | null;
  } catch {
    return null;
  }
}

/** The preferences last saved on the server, or the defaults. */
export function savedPreferences(): PushPreferences {
  const { news = true, kecamatan = null, kelurahan = null } = saved() ?? {};
  return { news, kecamatan, kelurahan };
}

/** This browser's subscription, only when the server has it too (a subscribe() that settled after
 * we gave up leaves a browser subscription the server never heard of). */
export async function activeSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription || saved()?.endpoint !== subscription.endpoint) return null;
  return subscription;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = window.setTimeout(
      () => reject(new PushFailure("timeout")),
      ms,
    );
    promise.then(resolve, reject).finally(() => window.clearTimeout(timer));
  });
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + "=".repeat((4 - (base64url.length % 4)) % 4))
    .replace(/-/g, "+")
    .replace(/_/g, "/");
  const raw = atob(base64);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

function sameKey(subscription: PushSubscription, key: Uint8Array): boolean {
  const current = subscription.options.applicationServerKey;
  if (!current) return false;
  const bytes = new Uint8Array(current);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

function body(prefs: PushPreferences, locale: Language) {
  return {
    topics: prefs.news ? ["alerts", "news"] : ["alerts"],
    kecamatan: prefs.kecamatan,
    kelurahan: prefs.kelurahan,
    locale,
  };
}

async function register(
  subscription: PushSubscription,
  prefs: PushPreferences,
): Promise<void> {
  await api("push/subscriptions", {
    method: "POST",
    json: { ...subscription.toJSON(), ...body(prefs, language()) },
  });
  localStorage.setItem(
    SAVED_KEY,
    JSON.stringify({ ...prefs, endpoint: subscription.endpoint }),
  );
}

/** Asks for permission, subscribes this browser and tells the server. */
export async function enablePush(prefs: PushPreferences): Promise<void> {
  const answer = await Notification.requestPermission();
  if (answer === "denied") throw new PushFailure("denied");
  if (answer !== "granted") throw new PushFailure("dismissed");
  const { public_key } = await api<{ public_key: string }>(
    "push/vapid-public-key",
  );
  const key = keyBytes(public_key);
  const registration = await withTimeout(
    navigator.serviceWorker.ready,
    PUSH_TIMEOUT_MS,
  );
  const existing = await registration.pushManager.getSubscription();
  // A subscription made for another server key cannot be reused (the server's keys changed).
  if (existing && !sameKey(existing, key)) await existing.unsubscribe();
  let subscription: PushSubscription;
  try {
    subscription = await withTimeout(
      registration.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: key,
      }),
      PUSH_TIMEOUT_MS,
    );
  } catch (error) {
    if (error instanceof PushFailure) throw error;
    throw new PushFailure(permission() === "denied" ? "denied" : "failed");
  }
  try {
    await register(subscription, prefs);
  } catch (error) {
    await subscription.unsubscribe().catch(() => false);
    throw error;
  }
}

/** Saves changed topics or area; re-registers when the server has forgotten this browser. */
export async function updatePush(prefs: PushPreferences): Promise<void> {
  const subscription = await activeSubscription();
  if (!subscription) throw new PushFailure("failed");
  try {
    await api("push/subscriptions", {
      method: "PATCH",
      json: { endpoint: subscription.endpoint, ...body(prefs, language()) },
    });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    await register(subscription, prefs);
    return;
  }
  localStorage.setItem(
    SAVED_KEY,
    JSON.stringify({ ...prefs, endpoint: subscription.endpoint }),
  );
}

/** Notifications arrive in the app's language: follow a switch (quietly; it retries next time). */
export async function updatePushLanguage(locale: Language): Promise<void> {
  const subscription = await activeSubscription().catch(() => null);
  if (!subscription) return;
  await api("push/subscriptions", {
    method: "PATCH",
    json: { endpoint: subscription.endpoint, locale },
  }).catch(() => undefined);
}

/** The server forgets the subscription first, then the browser drops it. */
export async function disablePush(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription) {
    await api("push/subscriptions", {
      method: "DELETE",
      json: { endpoint: subscription.endpoint },
    });
    await subscription.unsubscribe();
  }
  localStorage.removeItem(SAVED_KEY);
}
