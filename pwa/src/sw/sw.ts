// The service worker: precached app shell, cached API reads, the report outbox, push notifications.
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from "workbox-precaching";
import { clientsClaim } from "workbox-core";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { ExpirationPlugin } from "workbox-expiration";
import { NetworkFirst, StaleWhileRevalidate } from "workbox-strategies";
import { listenForOutbox } from "./outbox";
import { listenForPush } from "./push";

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

// Answers vary by Authorization, and the access token changes every 15 minutes: match cached answers
// without Vary, or a logged-in resident would find nothing offline. Logging out clears "api-requests".
const matchOptions = { ignoreVary: true };

// News, the catalogue and places (the kelurahan boundaries too) change rarely: answer from the
// cache at once, refresh behind.
// Not where a point lies (kelurahan/at): that URL holds the person's position, kept nowhere.
registerRoute(
  ({ url, request }) =>
    request.method === "GET" &&
    url.pathname !== "/api/v1/kelurahan/at" &&
    /^\/api\/v1\/(news|services|service-groups|city|kecamatan|kelurahan|kelurahan\.geojson|opds)(\/|$|\?)/.test(
      url.pathname,
    ),
  new StaleWhileRevalidate({
    cacheName: "api-reference",
    matchOptions,
    plugins: [
      new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 }),
    ],
  }),
);

// The privacy notice must be the current one when online (registration sends its version), and
// still readable offline.
registerRoute(
  ({ url, request }) =>
    request.method === "GET" && url.pathname === "/api/v1/privacy",
  new NetworkFirst({
    cacheName: "api-reference",
    networkTimeoutSeconds: 4,
    matchOptions,
  }),
);

// My requests must be fresh when online, but still readable offline (the CSV export is not kept).
registerRoute(
  ({ url, request }) =>
    request.method === "GET" &&
    url.pathname.startsWith("/api/v1/requests") &&
    !url.pathname.endsWith(".csv"),
  new NetworkFirst({
    cacheName: "api-requests",
    networkTimeoutSeconds: 4,
    matchOptions,
    plugins: [
      new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600 }),
    ],
  }),
);

self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") void self.skipWaiting();
});

// Reports filed without a connection are replayed by background sync (outbox.ts).
listenForOutbox(self);
listenForPush(self);
