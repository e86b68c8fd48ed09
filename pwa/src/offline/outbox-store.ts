// The outbox in IndexedDB, shared by the page and the service worker: reports waiting to be sent
// (fields, photo Blobs, idempotency key) and the receipts of those that arrived.
// Nothing here touches the DOM, so the worker can record the answer of a replay itself.
import { createStore, del, get, set, values } from "idb-keyval";
import type { Localized } from "../api/catalog";
import type { FilingFields } from "../api/filing";
import type { ReportDraft } from "./drafts";
import { OUTBOX_DATABASE, RECEIPTS_DATABASE } from "../shared-names";

/** Marks the page's own upload of a filing, which the worker's outbox route lets pass straight to
 * the network: Chromium reports no upload progress for a request a service worker answers. */
export const DIRECT_UPLOAD_HEADER = "X-Direct-Upload";

/** waiting: sent at the next chance; needs_fix: the server refused it (4xx); login: its
 * reporter must log in again before it can go. */
type EntryState = "waiting" | "needs_fix" | "login";

export interface OutboxEntry {
  /** The Idempotency-Key of every send of this report. */
  key: string;
  fields: FilingFields;
  /** The form as the person left it (photos included), for reopening it to fix. */
  draft: ReportDraft;
  serviceName: Localized;
  /** Who filed it: it is only ever sent as this person (null: anonymously). */
  userId: number | null;
  userName: string | null;
  state: EntryState;
  message: string | null;
  errors: Record<string, unknown> | null;
  createdAt: number;
  attempts: number;
}

export interface Receipt {
  key: string;
  code: string;
  serviceName: Localized;
  /** Anonymous filings: the secret for the tracking link. */
  token: string | null;
  sentAt: number;
}

export type Outcome =
  | { kind: "sent"; receipt: Receipt }
  | { kind: "retry" }
  | { kind: "login" }
  | {
      kind: "needs_fix";
      message: string | null;
      errors: Record<string, unknown> | null;
    };

const entries = createStore(OUTBOX_DATABASE, "entries");
const receipts = createStore(RECEIPTS_DATABASE, "receipts");

export const getEntry = (key: string) => get<OutboxEntry>(key, entries);
export const deleteEntry = (key: string) => del(key, entries);
export const deleteReceipt = (key: string) => del(key, receipts);

export const putEntry = (entry: OutboxEntry) => set(entry.key, entry, entries);

export async function listEntries(): Promise<OutboxEntry[]> {
  return (await values<OutboxEntry>(entries)).sort(
    (a, b) => a.createdAt - b.createdAt,
  );
}

export async function listReceipts(): Promise<Receipt[]> {
  return (await values<Receipt>(receipts)).sort((a, b) => b.sentAt - a.sentAt);
}

/** Changes an entry that is still there (the other side may have sent it meanwhile). */
function patchEntry(key: string, patch: Partial<OutboxEntry>): Promise<void> {
  return entries(
    "readwrite",
    (store) =>
      new Promise<void>((resolve, reject) => {
        const read = store.get(key);
        read.onsuccess = () => {
          const old = read.result as OutboxEntry | undefined;
          if (old) store.put({ ...old, ...patch }, key);
          resolve();
        };
        read.onerror = () => reject(read.error);
      }),
  );
}

/** Stores what the answer means: a receipt for a sent report, or the entry's new state. */
export async function recordOutcome(
  entry: OutboxEntry,
  outcome: Outcome,
): Promise<void> {
  switch (outcome.kind) {
    case "sent":
      await set(entry.key, outcome.receipt, receipts);
      await deleteEntry(entry.key);
      return;
    case "retry":
      await patchEntry(entry.key, { attempts: entry.attempts + 1 });
      return;
    case "login":
      await patchEntry(entry.key, { state: "login" });
      return;
    case "needs_fix":
      await patchEntry(entry.key, {
        state: "needs_fix",
        message: outcome.message,
        errors: outcome.errors,
      });
  }
}
