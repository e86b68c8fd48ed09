// The service worker's push side: show what the server pushed, open its screen on a tap, count the
// tap (a tap made offline is kept and counted by background sync when the connection returns).
import { Queue } from "workbox-background-sync";
import { CLICKS_QUEUE } from "../shared-names";

/** What backend/push/messages.py sends: campaigns add their id and this device's endpoint. */
interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  icon: string;
  badge: string;
  campaign: number;
  endpoint: string;
}

interface NotificationData {
  url: string;
  campaign?: number;
  endpoint?: string;
}

const APP_NAME = "SatuPintu";

function readPayload(event: PushEvent): Partial<PushPayload> {
  if (!event.data) return {};
  try {
    return event.data.json() as Partial<PushPayload>;
  } catch {
    // Not JSON: show the text itself rather than the browser's generic "site updated" notice.
    return { body: event.data.text() };
  }
}

/** Only paths inside the app are opened, whatever a payload says. */
function appPath(url: unknown): string {
  return typeof url === "string" && url.startsWith("/") && !url.startsWith("//")
    ? url
    : "/";
}

/** Keep the worker alive for the work. Events dispatched by DevTools or a test are untrusted, and
 * waitUntil throws on them; the work has already started and simply runs on. */
function extend(event: ExtendableEvent, work: Promise<unknown>): void {
  try {
    event.waitUntil(work);
  } catch {
    work.catch(() => undefined);
  }
}

async function reportClick(
  worker: ServiceWorkerGlobalScope,
  clicks: Queue,
  data: NotificationData,
): Promise<void> {
  if (typeof data.campaign !== "number") return;
  const endpoint =
    data.endpoint ??
    (await worker.registration.pushManager.getSubscription())?.endpoint;
  if (!endpoint) return;
  const click = new Request("/api/v1/push/clicks", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ campaign: data.campaign, endpoint }),
  });
  // The server counts a device's tap once, so a replay can never count it twice.
  await fetch(click.clone()).catch(() =>
    clicks.pushRequest({ request: click }),
  );
}

/** Focus a window already on the URL, else bring an app window there, else open one. */
async function openUrl(
  worker: ServiceWorkerGlobalScope,
  path: string,
): Promise<void> {
  const target = new URL(path, worker.location.origin).href;
  const windows = await worker.clients.matchAll({
    type: "window",
    includeUncontrolled: true,
  });
  const same = windows.find((client) => client.url === target);
  if (same) {
    await same.focus().catch(() => same);
    return;
  }
  // Focus first, while the tap still allows it; only a window this worker controls can be
  // navigated, so another one is left alone and a new window opens.
  const app = windows.find((client) => client.focused) ?? windows[0];
  if (app) {
    await app.focus().catch(() => app);
    const moved = await app.navigate(target).catch(() => null);
    if (moved) return;
  }
  await worker.clients.openWindow(target);
}

export function listenForPush(worker: ServiceWorkerGlobalScope): void {
  const clicks = new Queue(CLICKS_QUEUE, {
    maxRetentionTime: 7 * 24 * 60,
  });
  worker.addEventListener("push", (event) => {
    const payload = readPayload(event);
    const data: NotificationData = {
      url: appPath(payload.url),
      campaign: payload.campaign,
      endpoint: payload.endpoint,
    };
    extend(
      event,
      worker.registration.showNotification(payload.title ?? APP_NAME, {
        body: payload.body ?? "",
        icon: payload.icon ?? "/icons/icon-192.png",
        badge: payload.badge ?? "/icons/badge-72.png",
        // A newer message with the same topic (a campaign re-sent, a request's next update)
        // replaces the older one instead of piling up.
        tag: payload.tag,
        data,
      }),
    );
  });

  worker.addEventListener("notificationclick", (event) => {
    event.notification.close();
    const data = (event.notification.data ?? {}) as Partial<NotificationData>;
    const full: NotificationData = { ...data, url: appPath(data.url) };
    extend(
      event,
      Promise.all([
        openUrl(worker, full.url),
        reportClick(worker, clicks, full),
      ]),
    );
  });
}
