// The worker's side of the outbox: a filing that failed for want of a network is kept in a Workbox
// background-sync queue and replayed when the connection returns, even with the app closed.
// The page's outbox (outbox-store.ts) stays the truth: a copy is only replayed while its report
// still waits there, and the answer is written back there for the page to show.
import { Queue } from "workbox-background-sync";
import { tradeRefreshToken } from "../api/refresh";
import { registerRoute } from "workbox-routing";
import { NetworkOnly } from "workbox-strategies";
import {
  DIRECT_UPLOAD_HEADER,
  getEntry,
  recordOutcome,
} from "../offline/outbox-store";
import { classify } from "../offline/outbox-rules";
import {
  OUTBOX_CHANGED_MESSAGE,
  OUTBOX_LOCK,
  OUTBOX_QUEUE,
  REFRESH_LOCK,
} from "../shared-names";

/** A sync event that never settles is cut short by the browser; give up well before. */
const TIMEOUT = 60_000;

interface Copy {
  key: string;
  /** It was sent with a login; the replay fetches a fresh token instead of keeping that one. */
  authed: boolean;
}

interface CookieReader {
  get(name: string): Promise<{ value: string } | null>;
}

type Replay = "done" | "retry";

async function keepCopy(queue: Queue, request: Request): Promise<void> {
  const key = request.headers.get("Idempotency-Key");
  if (!key) return;
  const queued = await queue.getAll();
  if (queued.some((entry) => (entry.metadata as Copy | undefined)?.key === key))
    return;
  const headers = new Headers(request.headers);
  const authed = headers.has("Authorization");
  // An access token lives 15 minutes: stored, it would be dead (and a secret at rest) by replay time.
  headers.delete("Authorization");
  const copy = new Request(request.url, {
    method: "POST",
    headers,
    body: await request.arrayBuffer(),
    credentials: "same-origin",
  });
  await queue.pushRequest({ request: copy, metadata: { key, authed } });
}

/** A fresh access token from the refresh cookie, only if it is still the reporter's login
 * (null otherwise); rejects when the network fails, so the replay is tried again later. */
async function freshToken(
  worker: ServiceWorkerGlobalScope,
  userId: number | null,
): Promise<string | null> {
  const cookies = (worker as unknown as { cookieStore?: CookieReader })
    .cookieStore;
  if (!cookies || !worker.navigator.locks || userId === null) return null;
  // The page's refresh takes the same lock: a refresh token spent twice ends the login.
  // While a page renews, this replay waits for the next sync rather than block on it.
  return worker.navigator.locks.request(
    REFRESH_LOCK,
    { ifAvailable: true },
    async (lock) => {
      if (!lock) throw new Error("A page is renewing the login.");
      const csrf = await cookies.get("csrf_refresh_token");
      if (!csrf) return null;
      const refreshed = await tradeRefreshToken(csrf.value, {
        signal: AbortSignal.timeout(TIMEOUT),
      });
      if (!refreshed.ok) return null;
      return refreshed.user.id === userId ? refreshed.accessToken : null;
    },
  );
}

async function replayOne(
  worker: ServiceWorkerGlobalScope,
  request: Request,
  copy: Copy,
): Promise<Replay> {
  const entry = await getEntry(copy.key);
  // Sent by a page meanwhile, deleted by the person, or refused and waiting to be fixed.
  if (!entry || entry.state !== "waiting") return "done";
  const headers = new Headers(request.headers);
  if (copy.authed) {
    let token: string | null;
    try {
      token = await freshToken(worker, entry.userId);
    } catch {
      return "retry";
    }
    // Without the reporter's login the page sends it, once that person is back.
    if (!token) return "done";
    headers.set("Authorization", `Bearer ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: "POST",
      headers,
      body: await request.clone().arrayBuffer(),
      credentials: "same-origin",
      signal: AbortSignal.timeout(TIMEOUT),
    });
  } catch {
    return "retry";
  }
  const body = (await response.json().catch(() => null)) as unknown;
  const outcome = classify(
    entry,
    { status: response.status, body },
    copy.authed,
  );
  if (outcome.kind === "retry") return "retry";
  if (outcome.kind !== "login") await recordOutcome(entry, outcome);
  return "done";
}

async function tellPages(worker: ServiceWorkerGlobalScope): Promise<void> {
  const pages = await worker.clients.matchAll({
    type: "window",
    includeUncontrolled: true,
  });
  pages.forEach((page) => page.postMessage({ type: OUTBOX_CHANGED_MESSAGE }));
}

async function replayAll(
  worker: ServiceWorkerGlobalScope,
  queue: Queue,
): Promise<void> {
  try {
    let entry;
    while ((entry = await queue.shiftRequest())) {
      const { request, metadata } = entry;
      const task = () => replayOne(worker, request, metadata as Copy);
      // A page sending this very report holds the lock: leave it to the page, come back later.
      const result: Replay = worker.navigator.locks
        ? ((await worker.navigator.locks.request(
            OUTBOX_LOCK,
            { ifAvailable: true },
            (lock) => (lock ? task() : "retry"),
          )) as Replay)
        : await task();
      if (result === "retry") {
        await queue.unshiftRequest(entry);
        // Failing the sync event makes the browser try again later.
        throw new Error("The outbox will be replayed later.");
      }
    }
  } finally {
    await tellPages(worker);
  }
}

/** Routes filings through the network, keeping a copy of each that fails for want of one. The
 * page's own upload with its progress bar passes by; the page sends a failed one again this way. */
export function listenForOutbox(worker: ServiceWorkerGlobalScope): void {
  const queue = new Queue(OUTBOX_QUEUE, {
    maxRetentionTime: 7 * 24 * 60,
    onSync: ({ queue }) => replayAll(worker, queue),
  });
  registerRoute(
    ({ url, request }) =>
      url.pathname === "/api/v1/requests" &&
      !request.headers.has(DIRECT_UPLOAD_HEADER),
    new NetworkOnly({
      plugins: [{ fetchDidFail: ({ request }) => keepCopy(queue, request) }],
    }),
    "POST",
  );
}
