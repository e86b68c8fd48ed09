// The page's side of the service worker: registration, the "new version" offer, worker messages.
import { createStore } from "../store";

/** A new version is installed and waiting; updateApp() switches to it. */
export const updateWaitingStore = createStore<boolean>(false);
let registration: ServiceWorkerRegistration | undefined;

type WorkerMessageListener = (data: {
  type: string;
  [key: string]: unknown;
}) => void;
const messageListeners = new Set<WorkerMessageListener>();

/** Listen to messages the worker posts (e.g. the outbox replayed a report). */
export function onWorkerMessage(listener: WorkerMessageListener): () => void {
  messageListeners.add(listener);
  return () => messageListeners.delete(listener);
}

function watchForUpdates(reg: ServiceWorkerRegistration): void {
  if (reg.waiting && navigator.serviceWorker.controller)
    updateWaitingStore.set(true);
  reg.addEventListener("updatefound", () => {
    const installing = reg.installing;
    installing?.addEventListener("statechange", () => {
      // Only an update waits: the very first install has no controller to replace.
      if (
        installing.state === "installed" &&
        navigator.serviceWorker.controller
      ) {
        updateWaitingStore.set(true);
      }
    });
  });
}

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.addEventListener("message", (event: MessageEvent) => {
    const data = event.data as { type?: unknown } | null;
    if (data && typeof data.type === "string") {
      messageListeners.forEach((listener) =>
        listener(data as { type: string }),
      );
    }
  });
  window.addEventListener("load", () => {
    void navigator.serviceWorker
      .register("/sw.js", { scope: "/" })
      .then((reg) => {
        registration = reg;
        watchForUpdates(reg);
        // Look for a new version now and then while the app stays open.
        window.setInterval(
          () => void reg.update().catch(() => undefined),
          60 * 60 * 1000,
        );
      });
  });
}

/** Activates the waiting version and reloads once it has taken over. */
export function updateApp(): void {
  const waiting = registration?.waiting;
  if (!waiting) return;
  navigator.serviceWorker.addEventListener(
    "controllerchange",
    () => window.location.reload(),
    {
      once: true,
    },
  );
  waiting.postMessage({ type: "SKIP_WAITING" });
}
