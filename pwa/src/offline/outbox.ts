// The page's side of the outbox: queue a report, then send what waits — at once, at app start,
// when the connection returns, after a login, when the worker says so — until the server answers.
// Every send of a report carries its one Idempotency-Key, so a resend never makes a second request.
import { authHeader, refreshSession, userStore } from "../api/client";
import { filingForm, postFiling } from "../api/filing";
import {
  OUTBOX_CHANGED_MESSAGE,
  OUTBOX_CHANNEL,
  OUTBOX_LOCK,
} from "../shared-names";
import { createStore } from "../store";
import * as box from "./outbox-store";
import { classify } from "./outbox-rules";
import type { OutboxEntry, Outcome, Receipt } from "./outbox-store";
import { onWorkerMessage } from "./sw-bridge";

export type { OutboxEntry, Outcome, Receipt } from "./outbox-store";

interface OutboxView {
  entries: OutboxEntry[];
  receipts: Receipt[];
  /** Upload progress (0 to 1) of the reports being sent now, by key. */
  sending: Record<string, number>;
}

export const outboxStore = createStore<OutboxView>({
  entries: [],
  receipts: [],
  sending: {},
});

const channel =
  "BroadcastChannel" in window ? new BroadcastChannel(OUTBOX_CHANNEL) : null;

export async function refreshOutbox(): Promise<void> {
  const [entries, receipts] = await Promise.all([
    box.listEntries(),
    box.listReceipts(),
  ]);
  outboxStore.set({ ...outboxStore.get(), entries, receipts });
}

function changed(): void {
  void refreshOutbox();
  channel?.postMessage("changed");
}

function setProgress(key: string, fraction: number | null): void {
  const sending = { ...outboxStore.get().sending };
  if (fraction === null) delete sending[key];
  else sending[key] = fraction;
  outboxStore.set({ ...outboxStore.get(), sending });
}

/** Runs `task` holding the outbox lock; null when `wait` is false and another sender holds it. */
function withLock<T>(wait: boolean, task: () => Promise<T>): Promise<T | null> {
  if (!navigator.locks) return task();
  // The lock is held until the callback's promise settles; the typings miss that it is awaited.
  return navigator.locks.request(OUTBOX_LOCK, { ifAvailable: !wait }, (lock) =>
    lock ? task() : null,
  ) as unknown as Promise<T | null>;
}

/** One send as the report's own reporter, with the login's token as it is now (never a stored one). */
async function send(entry: OutboxEntry): Promise<Outcome> {
  const authed = entry.userId !== null;
  if (authed) {
    const user = userStore.get();
    if (!user || user.id !== entry.userId) return { kind: "login" };
    // A failed renewal that kept the user was the network, not an ended login.
    if (!authHeader().Authorization && !(await refreshSession()))
      return userStore.get() ? { kind: "retry" } : { kind: "login" };
  }
  const form = filingForm(entry.fields, entry.draft.photos);
  const progress = (fraction: number) => setProgress(entry.key, fraction);
  let answer = await postFiling(
    form,
    entry.key,
    authed ? authHeader() : {},
    progress,
  );
  if (answer.status === 401 && authed && (await refreshSession())) {
    answer = await postFiling(form, entry.key, authHeader(), progress);
  }
  // No network: once more through the worker, which then keeps a copy for background sync.
  if (answer.status === 0)
    answer = await postFiling(form, entry.key, authed ? authHeader() : {});
  return classify(entry, answer, authed);
}

async function sendAndRecord(key: string): Promise<Outcome | null> {
  // Read again under the lock: another tab or the worker may have sent it meanwhile.
  const entry = await box.getEntry(key);
  if (!entry || entry.state === "needs_fix") return null;
  setProgress(key, 0);
  try {
    const outcome = await send(entry);
    await box.recordOutcome(entry, outcome);
    failures = outcome.kind === "retry" ? failures + 1 : 0;
    return outcome;
  } finally {
    setProgress(key, null);
    changed();
  }
}

let failures = 0;
let retryTimer: number | undefined;

function scheduleRetry(): void {
  window.clearTimeout(retryTimer);
  if (!outboxStore.get().entries.some((entry) => entry.state === "waiting"))
    return;
  // navigator.onLine can be wrong both ways (and no "online" event may come): keep trying.
  const wait = Math.min(
    5_000 * 2 ** Math.min(Math.max(failures - 1, 0), 6),
    300_000,
  );
  retryTimer = window.setTimeout(() => void flushOutbox(), wait);
}

/** Puts a new report in the outbox: from here on a reload or a closed tab cannot lose it. */
export async function addToOutbox(entry: OutboxEntry): Promise<void> {
  await box.putEntry(entry);
  changed();
}

/** Sends one report now (waiting for another sender to finish first) and answers what happened. */
export async function sendNow(key: string): Promise<Outcome> {
  const outcome = await withLock(true, () => sendAndRecord(key));
  await refreshOutbox();
  scheduleRetry();
  return outcome ?? { kind: "retry" };
}

let flushing = false;

/** Sends every report that waits (or waited for a login), oldest first. */
export async function flushOutbox(): Promise<void> {
  if (flushing) return;
  flushing = true;
  try {
    await withLock(false, async () => {
      for (const entry of await box.listEntries()) {
        if (entry.state === "needs_fix") continue;
        const outcome = await sendAndRecord(entry.key);
        // No connection: the others would fail the same way. (Any other failure must not
        // hold back the reports behind it.)
        if (outcome?.kind === "retry" && !navigator.onLine) break;
      }
    });
    await refreshOutbox();
  } finally {
    flushing = false;
    scheduleRetry();
  }
}

export async function removeEntry(key: string): Promise<void> {
  await box.deleteEntry(key);
  changed();
}

export async function dismissReceipt(key: string): Promise<void> {
  await box.deleteReceipt(key);
  changed();
}

let started = false;

/** Starts the flusher once, at app start. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener("online", () => {
    failures = 0;
    void flushOutbox();
  });
  onWorkerMessage((data) => {
    if (data.type === OUTBOX_CHANGED_MESSAGE) void flushOutbox();
  });
  channel?.addEventListener("message", () => void refreshOutbox());
  userStore.subscribe((user) => {
    if (user) void flushOutbox();
  });
  void flushOutbox();
}
