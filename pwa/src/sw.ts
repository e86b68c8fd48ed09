/// <reference lib="webworker" />
// The service worker: precached app shell, cached API reads, push notifications.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from "workbox-precaching";
import { clientsClaim } from "workbox-core";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst, StaleWhileRevalidate } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes charge of the open page at once, so it works offline from the first visit.
clientsClaim();

// Every app path opens the cached shell; the API, the docs and the feed are not app paths.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), {
    denylist: [/^\/api\//, /^\/open311\//, /^\/news\.atom$/],
  }),
);

// News, the catalogue and places change rarely: answer from the cache at once, refresh behind.
registerRoute(
  ({ url, request }) =>
    request.method === "GET" &&
    /^\/api\/v1\/(news|services|service-groups|city|kecamatan|kelurahan|opds)(\/|$|\?)/.test(
      url.pathname,
    ),
  new StaleWhileRevalidate({ cacheName: "api-reference" }),
);

// My requests must be fresh when online, but still readable offline.
registerRoute(
  ({ url, request }) =>
    request.method === "GET" && url.pathname.startsWith("/api/v1/requests"),
  new NetworkFirst({ cacheName: "api-requests", networkTimeoutSeconds: 4 }),
);

self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") void self.skipWaiting();
});

interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  icon?: string;
  badge?: string;
  campaign?: number;
}

self.addEventListener("push", (event) => {
  const payload = (event.data?.json() ?? {}) as Partial<PushPayload>;
  const title = payload.title ?? "SatuPintu";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: payload.body ?? "",
      icon: payload.icon ?? "/icons/icon-192.png",
      badge: payload.badge ?? "/icons/badge-72.png",
      tag: payload.tag,
      data: { url: payload.url ?? "/", campaign: payload.campaign },
    }),
  );
});

async function reportClick(campaign: number | undefined): Promise<void> {
  if (campaign === undefined) return;
  const subscription = await self.registration.pushManager.getSubscription();
  if (!subscription) return;
  await fetch("/api/v1/push/clicks", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ campaign, endpoint: subscription.endpoint }),
  }).catch(() => undefined);
}

async function openUrl(url: string): Promise<void> {
  const target = new URL(url, self.location.origin).href;
  const windows = await self.clients.matchAll({
    type: "window",
    includeUncontrolled: true,
  });
  const open = windows.find((client) => client.url === target);
  if (open) {
    await open.focus();
    return;
  }
  await self.clients.openWindow(target);
}

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = (event.notification.data ?? {}) as {
    url?: string;
    campaign?: number;
  };
  event.waitUntil(
    Promise.all([openUrl(data.url ?? "/"), reportClick(data.campaign)]),
  );
});
