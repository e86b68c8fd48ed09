// One campaign, read again every 2 s while it is scheduled or sending, so that its counts grow
// on screen; the polling stops once it is done or cancelled (and waits while the tab is hidden).
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api } from "../../../api/client";
import { type Campaign, campaignPath, isActive } from "./api";

const POLL_MS = 2000;
const RETRY_MS = 5000;

interface LiveCampaign {
  campaign: Campaign | null;
  error: ApiError | null;
  /** Take an answer the screen already has (e.g. from cancelling). */
  replace: (campaign: Campaign) => void;
}

export function useCampaign(id: string): LiveCampaign {
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const latest = useRef<Campaign | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    const later = (ms: number) => {
      timer = window.setTimeout(poll, ms);
    };
    async function poll(): Promise<void> {
      if (document.hidden) return later(POLL_MS);
      try {
        const found = await api<Campaign>(campaignPath(id), {
          signal: controller.signal,
        });
        // A cancel answered meanwhile is newer than this read.
        if (latest.current?.status !== "cancelled") {
          latest.current = found;
          setCampaign(found);
        }
        setError(null);
        if (isActive(latest.current!.status)) later(POLL_MS);
      } catch (failure) {
        if (!(failure instanceof ApiError)) return;
        setError(failure);
        // Offline or the server hiccuped: try again; a 404 or 403 will not change.
        if (failure.offline || failure.status >= 500) later(RETRY_MS);
      }
    }
    latest.current = null;
    setCampaign(null);
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id]);

  const replace = useCallback((next: Campaign) => {
    latest.current = next;
    setCampaign(next);
  }, []);
  return { campaign, error, replace };
}
