/// <reference lib="webworker" />
// The service worker's push side: show what the server pushed, open its screen on a tap, count the tap.

interface PushPayload {
  title: string;
  body: string;
  url: string;
  tag: string;
  icon?: string;
  badge?: string;
  campaign?: number;
}

async function reportClick(
  worker: ServiceWorkerGlobalScope,
  campaign: number | undefined,
): Promise<void> {
  if (campaign === undefined) return;
  const subscription = await worker.registration.pushManager.getSubscription();
  if (!subscription) return;
  await fetch("/api/v1/push/clicks", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ campaign, endpoint: subscription.endpoint }),
  }).catch(() => undefined);
}

async function openUrl(
  worker: ServiceWorkerGlobalScope,
  url: string,
): Promise<void> {
  const target = new URL(url, worker.location.origin).href;
  const windows = await worker.clients.matchAll({
    type: "window",
    includeUncontrolled: true,
  });
  const open = windows.find((client) => client.url === target);
  if (open) {
    await open.focus();
    return;
  }
  await worker.clients.openWindow(target);
}

export function listenForPush(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener("push", (event) => {
    const payload = (event.data?.json() ?? {}) as Partial<PushPayload>;
    event.waitUntil(
      worker.registration.showNotification(payload.title ?? "SatuPintu", {
        body: payload.body ?? "",
        icon: payload.icon ?? "/icons/icon-192.png",
        badge: payload.badge ?? "/icons/badge-72.png",
        tag: payload.tag,
        data: { url: payload.url ?? "/", campaign: payload.campaign },
      }),
    );
  });

  worker.addEventListener("notificationclick", (event) => {
    event.notification.close();
    const data = (event.notification.data ?? {}) as {
      url?: string;
      campaign?: number;
    };
    event.waitUntil(
      Promise.all([
        openUrl(worker, data.url ?? "/"),
        reportClick(worker, data.campaign),
      ]),
    );
  });
}
