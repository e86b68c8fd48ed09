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
import { listenForPush } from "./sw-push";

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

listenForPush(self);
