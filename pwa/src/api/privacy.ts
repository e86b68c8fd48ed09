// The privacy notice (public, versioned), the signed-in person's consents, and their copy of
// everything tied to the account, made on the server (UU PDP).
import { type User, api, updateUser, userStore } from "./client";
import { downloadFile } from "./download";
import { useApi } from "./use-api";

export interface Notice {
  version: string;
  published: string;
  controller: { code: string; name: string; short_name: string };
  retention: { reporter_contacts_months: number; audit_trail_months: number };
  text: { id: string; en: string };
  /** The text rendered and sanitised by the server. */
  html: { id: string; en: string };
}

export type Purpose = "push" | "location";

export interface ConsentState {
  purpose: Purpose;
  granted: boolean;
  /** When it was last given or withdrawn; null when never. */
  at: string | null;
  notice_version: string | null;
}

export interface Consents {
  notice: {
    accepted_version: string | null;
    accepted_at: string | null;
    current_version: string;
  };
  items: ConsentState[];
}

const VERSION_KEY = "satupintu.notice-version";

/** The current notice's version as last read on this device (null before any read). */
export function knownNoticeVersion(): string | null {
  return localStorage.getItem(VERSION_KEY);
}

/** Reads the current notice; public, so without the login (the worker may keep it for offline). */
export async function fetchNotice(): Promise<Notice> {
  const notice = await api<Notice>("privacy", { anonymous: true });
  localStorage.setItem(VERSION_KEY, notice.version);
  return notice;
}

export function useNotice() {
  return useApi<Notice>("privacy", { anonymous: true });
}

export function getConsents(): Promise<Consents> {
  return api<Consents>("me/consents");
}

export function setConsents(
  changes: Partial<Record<Purpose, boolean>>,
): Promise<Consents> {
  return api<Consents>("me/consents", { method: "PUT", json: changes });
}

/** Accepts the current notice; the profile then says so. */
export async function acceptNotice(version: string): Promise<void> {
  await api<Consents>("me/privacy-notice", {
    method: "POST",
    json: { version },
  });
  const user = userStore.get();
  if (user) updateUser({ ...user, privacy_version: version } satisfies User);
}

export interface DataExport {
  status: "none" | "pending" | "ready" | "failed";
  created_at: string | null;
  ready_at: string | null;
  expires_at: string | null;
  size: number | null;
  download_url: string | null;
}

export const exportState = () => api<DataExport>("me/export");

export const startExport = () =>
  api<DataExport>("me/export", { method: "POST" });

/** Saves the ZIP; only its owner's token opens the link. */
export function downloadExport(ready: DataExport): Promise<void> {
  const day = (ready.ready_at ?? "").slice(0, 10);
  return downloadFile(
    ready.download_url ?? "",
    `satupintu-data-saya-${day}.zip`,
  );
}
