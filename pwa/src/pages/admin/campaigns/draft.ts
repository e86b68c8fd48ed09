// The composer's fields, kept in localStorage as they are typed, so that a reload, a closed tab
// or a failed send never loses a half-written alert. Cleared once the campaign is created.
import { useEffect, useState } from "preact/hooks";
import type { TargetKind, Urgency } from "./api";
import type { Picks } from "./TargetPicker";

export interface Draft {
  title: string;
  body: string;
  /** English text for devices set to English; empty: they get the Indonesian. */
  titleEn: string;
  bodyEn: string;
  /** Also published as a CAP 1.2 alert (/alerts.atom) for radio, signage and aggregators. */
  isAlert: boolean;
  url: string;
  urgency: Urgency;
  ttl: number;
  kind: TargetKind;
  picks: Picks;
  /** datetime-local on the city's clocks; empty sends now. */
  scheduled: string;
}

const KEY = "satupintu.campaignDraft";

export const EMPTY_DRAFT: Draft = {
  title: "",
  body: "",
  titleEn: "",
  bodyEn: "",
  isAlert: false,
  url: "/",
  urgency: "normal",
  ttl: 86400,
  kind: "all",
  picks: { kecamatan: [], kelurahan: [], topic: [] },
  scheduled: "",
};

function saved(): Draft {
  try {
    const stored = JSON.parse(
      localStorage.getItem(KEY) ?? "null",
    ) as Partial<Draft> | null;
    return stored ? { ...EMPTY_DRAFT, ...stored } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

export function clearDraft(): void {
  localStorage.removeItem(KEY);
}

/** The draft and a setter that merges changes into it. */
export function useDraft(): [Draft, (change: Partial<Draft>) => void] {
  const [draft, setDraft] = useState<Draft>(saved);
  useEffect(() => {
    if (draft !== EMPTY_DRAFT) localStorage.setItem(KEY, JSON.stringify(draft));
  }, [draft]);
  return [draft, (change) => setDraft((before) => ({ ...before, ...change }))];
}
