// The person's own data (UU PDP): a copy of everything tied to the account, made on the server.
import { api } from "./client";
import { downloadFile } from "./download";

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
