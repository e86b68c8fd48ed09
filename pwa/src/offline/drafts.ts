// The half-filled report form, kept in IndexedDB as the person types (photos as Blobs), so a
// reload, a closed tab or a trip to the login screen loses nothing.
import { createStore, del, get, set } from "idb-keyval";
import type { Service } from "../api/catalog";

export type StepName =
  "service" | "details" | "photos" | "location" | "similar" | "review";

export interface ReportDraft {
  step: StepName;
  /** The whole service definition, so the form still renders offline. */
  service: Service | null;
  /** As typed: numbers and dates stay text until the report is queued. */
  attributes: Record<string, string | string[]>;
  description: string;
  /** Already resized JPEGs. */
  photos: Blob[];
  /** Each photo's own GPS position (read before resizing), offered as the location only on request;
   * never sent. Older drafts lack it. */
  photoPoints?: ({ lat: number; long: number } | null)[];
  lat: number | null;
  long: number | null;
  /** The pin came from the device's or a photo's GPS, with the person's consent to send it (asked
   * on the location step). Older drafts lack it. */
  preciseLocation?: boolean;
  address: string;
  kecamatan: string;
  kelurahan: string;
  /** For the review, without another lookup. */
  kecamatanName: string;
  kelurahanName: string;
  /** Keep a public service's report visible to staff only. */
  private: boolean;
  /** The server's refusal, shown under the inputs while the person fixes it. */
  message: string | null;
  errors: Record<string, unknown> | null;
}

/** The slot of a new report; a refused report being fixed has its own slot. */
export const NEW_DRAFT = "new";
export const fixDraftId = (outboxKey: string) => `fix:${outboxKey}`;

const drafts = createStore("satupintu-drafts", "drafts");

export function emptyDraft(): ReportDraft {
  return {
    step: "service",
    service: null,
    attributes: {},
    description: "",
    photos: [],
    photoPoints: [],
    lat: null,
    long: null,
    address: "",
    kecamatan: "",
    kelurahan: "",
    kecamatanName: "",
    kelurahanName: "",
    private: false,
    message: null,
    errors: null,
  };
}

export const loadDraft = (id: string) => get<ReportDraft>(id, drafts);
export const clearDraft = (id: string) => del(id, drafts);

/** Saves a draft a moment after a change, and at once when the page is being left. */
export function draftSaver(id: string) {
  let pending: ReportDraft | null = null;
  let timer: number | undefined;

  const flush = (): Promise<void> => {
    window.clearTimeout(timer);
    const draft = pending;
    pending = null;
    return draft ? set(id, draft, drafts) : Promise.resolve();
  };
  const onHide = (event: Event) => {
    if (event.type === "pagehide" || document.visibilityState === "hidden")
      void flush();
  };
  window.addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onHide);

  return {
    /** Saves within `wait` ms of the first unsaved change: steady typing cannot put it off. */
    schedule(draft: ReportDraft, wait = 300): void {
      const waiting = pending !== null;
      pending = draft;
      if (waiting && wait > 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void flush(), wait);
    },
    flush,
    /** Forgets what is pending (the draft was sent or cleared). */
    cancel(): void {
      window.clearTimeout(timer);
      pending = null;
    },
    stop(): void {
      void flush();
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
    },
  };
}
